/*
 * nanosleep in four threads at once: once all four are running (a barrier), each sleeps 300 ms,
 * and the sleeps overlap: the last to start began before the first to end had ended, so no
 * thread's sleep held up another's. Judged by the order of the sleeps, not by a time limit, so a
 * loaded machine cannot fail it.
 */
#include "threads.h"

#define THREADS 4
#define NAP_MS 300

static pthread_barrier_t all_running;
static long long starts[THREADS];
static long long ends[THREADS];

static void *nap(void *arg) {
    long i = (long) arg;
    pthread_barrier_wait(&all_running);
    starts[i] = monotonic_ms();
    sleep_ms(NAP_MS);
    ends[i] = monotonic_ms();
    return arg;
}

int main(void) {
    pthread_t threads[THREADS];
    MUST(pthread_barrier_init(&all_running, NULL, THREADS));
    for (long i = 0; i < THREADS; i++) {
        MUST(pthread_create(&threads[i], NULL, nap, (void *) i));
    }
    long long last_start = 0, first_end = -1;
    int full_naps = 1;
    for (int i = 0; i < THREADS; i++) {
        MUST(pthread_join(threads[i], NULL));
        last_start = starts[i] > last_start ? starts[i] : last_start;
        first_end = first_end < 0 || ends[i] < first_end ? ends[i] : first_end;
        full_naps &= ends[i] - starts[i] >= NAP_MS;
    }
    printf("4 threads slept 300 ms each: %s, %s\n", last_start < first_end ? "overlapping" : "NOT overlapping",
           full_naps ? "none cut short" : "SOME CUT SHORT");
    return 0;
}
