/*
 * poll() on stdin with a timeout of argv[1] ms: prints "timeout" each time nothing came in time, then the
 * first line that did ("ready: ..."), or "eof"; gives up after 50 timeouts (exit code 1).
 */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    int timeout = argc > 1 ? atoi(argv[1]) : 100;
    for (int i = 0; i < 50; i++) {
        struct pollfd stdin_poll = { .fd = 0, .events = POLLIN };
        int ready = poll(&stdin_poll, 1, timeout);
        if (ready < 0) {
            perror("poll");
            return 2;
        }
        if (ready == 0) {
            printf("timeout\n");
            fflush(stdout);
            continue;
        }
        char line[256];
        if (!fgets(line, sizeof line, stdin)) {
            printf("eof\n");
            return 0;
        }
        printf("ready: %s", line);
        return 0;
    }
    return 1;
}
