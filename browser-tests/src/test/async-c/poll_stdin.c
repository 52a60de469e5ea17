// poll_stdin MS: waits up to MS milliseconds for stdin; prints what poll reported and, if a line came, the line.
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    int timeout = argc > 1 ? atoi(argv[1]) : 1000;
    struct pollfd fd = { .fd = 0, .events = POLLIN };
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    int n = poll(&fd, 1, timeout);
    clock_gettime(CLOCK_MONOTONIC, &end);
    long elapsed = (end.tv_sec - start.tv_sec) * 1000L + (end.tv_nsec - start.tv_nsec) / 1000000L;
    if (n < 0) {
        perror("poll");
        return 1;
    }
    if (n == 0) {
        printf("timeout after %ld ms\n", elapsed);
        return 0;
    }
    char buf[128];
    ssize_t got = read(0, buf, sizeof buf - 1);
    if (got < 0) {
        perror("read");
        return 1;
    }
    buf[got] = '\0';
    printf("ready (%s) after %ld ms: %s", (fd.revents & POLLIN) ? "POLLIN" : "?", elapsed, buf);
    return 0;
}
