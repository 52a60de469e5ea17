// sleeper MS: nanosleep for MS milliseconds, then prints how long it took by the monotonic clock.
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv) {
    long ms = argc > 1 ? atol(argv[1]) : 1000;
    struct timespec start, end, request = { ms / 1000, (ms % 1000) * 1000000L };
    clock_gettime(CLOCK_MONOTONIC, &start);
    if (nanosleep(&request, NULL) != 0) {
        perror("nanosleep");
        return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    long elapsed = (end.tv_sec - start.tv_sec) * 1000L + (end.tv_nsec - start.tv_nsec) / 1000000L;
    printf("slept %ld ms\n", elapsed);
    return 0;
}
