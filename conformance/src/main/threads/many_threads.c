/* Creates and joins 40 threads in two waves; each returns a value computed from its argument. */
#include "threads.h"

#define WAVE 20

static void *square(void *arg) {
    long n = (long) arg;
    return (void *) (n * n);
}

int main(void) {
    long total = 0;
    for (int wave = 0; wave < 2; wave++) {
        pthread_t threads[WAVE];
        for (long i = 0; i < WAVE; i++) {
            MUST(pthread_create(&threads[i], NULL, square, (void *) (wave * WAVE + i)));
        }
        for (int i = 0; i < WAVE; i++) {
            void *result;
            MUST(pthread_join(threads[i], &result));
            total += (long) result;
        }
    }
    printf("joined %d threads, sum of squares %ld\n", 2 * WAVE, total);
    return 0;
}
