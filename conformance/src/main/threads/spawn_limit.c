/* pthread_create past the host's thread limit fails with EAGAIN; the threads made still run. */
#include <errno.h>

#include "threads.h"

#define MOST 64

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t released = PTHREAD_COND_INITIALIZER;
static int go;

static void *hold(void *arg) {
    MUST(pthread_mutex_lock(&lock));
    while (!go) {
        MUST(pthread_cond_wait(&released, &lock));
    }
    MUST(pthread_mutex_unlock(&lock));
    return arg;
}

int main(void) {
    pthread_t threads[MOST];
    int made = 0, error = 0;
    while (made < MOST) {
        error = pthread_create(&threads[made], NULL, hold, (void *) (long) made);
        if (error != 0) {
            break;
        }
        made++;
    }
    printf("created %d threads, then %s\n", made, error == EAGAIN ? "EAGAIN" : strerror(error));
    MUST(pthread_mutex_lock(&lock));
    go = 1;
    MUST(pthread_cond_broadcast(&released));
    MUST(pthread_mutex_unlock(&lock));
    long sum = 0;
    for (int i = 0; i < made; i++) {
        void *result;
        MUST(pthread_join(threads[i], &result));
        sum += (long) result;
    }
    printf("joined them all, sum %ld\n", sum);
    pthread_t again;
    MUST(pthread_create(&again, NULL, hold, (void *) 42L));
    void *result;
    MUST(pthread_join(again, &result));
    printf("after joining, a new thread runs: %ld\n", (long) result);
    return 0;
}
