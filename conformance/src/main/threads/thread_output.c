/* Output from threads: four threads take turns (mutex + condvar) printing to stdout and stderr. */
#include "threads.h"

#define THREADS 4
#define ROUNDS 3

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static int turn;

static void *speak(void *arg) {
    long id = (long) arg;
    for (int round = 0; round < ROUNDS; round++) {
        MUST(pthread_mutex_lock(&lock));
        while (turn % THREADS != id) {
            MUST(pthread_cond_wait(&changed, &lock));
        }
        printf("round %d: thread %ld\n", round, id);
        fflush(stdout);
        if (round == ROUNDS - 1) {
            fprintf(stderr, "thread %ld done\n", id);
        }
        turn++;
        MUST(pthread_cond_broadcast(&changed));
        MUST(pthread_mutex_unlock(&lock));
    }
    return NULL;
}

int main(void) {
    pthread_t threads[THREADS];
    for (long i = 0; i < THREADS; i++) {
        MUST(pthread_create(&threads[i], NULL, speak, (void *) i));
    }
    for (int i = 0; i < THREADS; i++) {
        MUST(pthread_join(threads[i], NULL));
    }
    printf("main: all %d threads spoke\n", THREADS);
    return 0;
}
