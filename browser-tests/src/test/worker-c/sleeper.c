/* Sleeps argv[1] milliseconds in nanosleep and prints how long that took on the monotonic clock. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long) t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(int argc, char **argv) {
    long ms = argc > 1 ? atol(argv[1]) : 100;
    printf("sleeping %ld ms\n", ms);
    fflush(stdout);
    long long start = now_ns();
    struct timespec wait = { ms / 1000, (ms % 1000) * 1000000L };
    if (nanosleep(&wait, NULL) != 0) {
        perror("nanosleep");
        return 2;
    }
    printf("slept %lld ms\n", (now_ns() - start) / 1000000LL);
    return 0;
}
