/*
 * threads.h: helpers shared by the pthread guests (checked pthread calls, a monotonic clock).
 * Every case runs with the single preopen "/sandbox" at fd 3.
 */
#ifndef THREADS_GUEST_H
#define THREADS_GUEST_H

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Stops the program with a message naming the failed call and its error number. */
#define MUST(call)                                                                 \
    do {                                                                           \
        int must_error = (call);                                                   \
        if (must_error != 0) {                                                     \
            fprintf(stderr, "%s:%d: %s: %s\n", __FILE__, __LINE__, #call,          \
                    strerror(must_error));                                         \
            exit(90);                                                              \
        }                                                                          \
    } while (0)

static inline long long monotonic_ms(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long) now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

static inline void sleep_ms(long ms) {
    struct timespec duration = { ms / 1000, (ms % 1000) * 1000000L };
    nanosleep(&duration, NULL);
}

#endif
