/* Thread-local storage: each thread's _Thread_local copy keeps its own value across yields. */
#include <sched.h>

#include "threads.h"

#define THREADS 6

static _Thread_local long mine = 100;
static _Thread_local char tag[16];

static void *own(void *arg) {
    long id = (long) arg;
    if (mine != 100 || tag[0] != 0) {
        return (void *) -1;
    }
    mine = id;
    snprintf(tag, sizeof tag, "t%ld", id);
    for (int i = 0; i < 1000; i++) {
        sched_yield();
        if (mine != id) {
            return (void *) -2;
        }
    }
    char expected[16];
    snprintf(expected, sizeof expected, "t%ld", id);
    return (void *) (long) (strcmp(tag, expected) == 0 ? id : -3);
}

int main(void) {
    pthread_t threads[THREADS];
    mine = 7;
    for (long i = 0; i < THREADS; i++) {
        MUST(pthread_create(&threads[i], NULL, own, (void *) (i + 1)));
    }
    for (long i = 0; i < THREADS; i++) {
        void *result;
        MUST(pthread_join(threads[i], &result));
        printf("thread %ld: %ld\n", i + 1, (long) result);
    }
    printf("main still has %ld\n", mine);
    return 0;
}
