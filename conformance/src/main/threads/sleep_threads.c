/*
 * nanosleep in four threads at once: the sleeps overlap (the whole takes about one thread's
 * 3 x 100 ms, not four times that), so no thread's sleep holds up another's.
 */
#include "threads.h"

#define THREADS 4

static void *nap(void *arg) {
    for (int i = 0; i < 3; i++) {
        sleep_ms(100);
    }
    return arg;
}

int main(void) {
    long long begin = monotonic_ms();
    pthread_t threads[THREADS];
    for (long i = 0; i < THREADS; i++) {
        MUST(pthread_create(&threads[i], NULL, nap, (void *) i));
    }
    for (int i = 0; i < THREADS; i++) {
        MUST(pthread_join(threads[i], NULL));
    }
    long long elapsed = monotonic_ms() - begin;
    printf("4 threads slept 300 ms each: %s\n",
           elapsed >= 300 && elapsed < 1000 ? "overlapping" : "NOT overlapping");
    if (elapsed < 300 || elapsed >= 1000) {
        fprintf(stderr, "elapsed %lld ms\n", elapsed);
    }
    return 0;
}
