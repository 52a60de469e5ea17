/* parallel [THREADS [LIMIT]]: counts the primes below LIMIT (default 3,000,000) by trial division, first on one
 * thread, then split over THREADS threads (default 4), each printing its progress; then prints the speed-up over
 * one thread. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define MAX_LIMIT 2000000000u
#define MAX_THREADS 16
#define REPORTS 4

static unsigned limit = 3000000u;

struct share {
    int index;
    int threads;
    int verbose;
    unsigned found;
};

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double) t.tv_sec + (double) t.tv_nsec / 1e9;
}

static int is_prime(unsigned n) {
    if (n < 2) return 0;
    if (n % 2 == 0) return n == 2;
    for (unsigned d = 3; d * d <= n; d += 2) {
        if (n % d == 0) return 0;
    }
    return 1;
}

/* The numbers go out in blocks of BLOCK, block b to thread b % threads, so that every thread gets its share of the
 * large (slow) ones. */
#define BLOCK 1000u

static void *count(void *arg) {
    struct share *share = arg;
    unsigned stride = BLOCK * (unsigned) share->threads;
    unsigned reported = 0;
    for (unsigned start = BLOCK * (unsigned) share->index; start < limit; start += stride) {
        unsigned end = start + BLOCK < limit ? start + BLOCK : limit;
        for (unsigned n = start; n < end; n++) share->found += (unsigned) is_prime(n);
        unsigned done = (unsigned) ((unsigned long long) end * REPORTS / limit);
        if (share->verbose && (done > reported || start + stride >= limit)) {
            reported = start + stride >= limit ? REPORTS : done;
            printf("  thread %d: %3u%% done, %u primes so far\n", share->index, reported * 100 / REPORTS, share->found);
        }
    }
    return NULL;
}

/* Counts with `threads` threads; returns the seconds taken and the primes found through *found. */
static double run(int threads, int verbose, unsigned *found) {
    pthread_t ids[MAX_THREADS];
    struct share shares[MAX_THREADS];
    double start = now();
    for (int i = 0; i < threads; i++) {
        shares[i] = (struct share) { .index = i, .threads = threads, .verbose = verbose };
        if (pthread_create(&ids[i], NULL, count, &shares[i]) != 0) {
            fprintf(stderr, "parallel: could not start thread %d\n", i);
            exit(1);
        }
    }
    *found = 0;
    for (int i = 0; i < threads; i++) {
        pthread_join(ids[i], NULL);
        *found += shares[i].found;
    }
    return now() - start;
}

int main(int argc, char **argv) {
    int threads = argc > 1 ? atoi(argv[1]) : 4;
    if (argc > 2) limit = (unsigned) strtoul(argv[2], NULL, 10);
    if (threads < 1 || threads > MAX_THREADS || limit < 2 || limit > MAX_LIMIT) {
        fprintf(stderr, "usage: parallel [THREADS [LIMIT]]: THREADS from 1 to %d, LIMIT from 2 to %u\n", MAX_THREADS,
                MAX_LIMIT);
        return 2;
    }
    unsigned alone, together;
    printf("counting the primes below %u on 1 thread...\n", limit);
    /* A first, untimed pass, so that the engine has compiled the loop fully before either timed one. */
    run(1, 0, &alone);
    double one = run(1, 0, &alone);
    printf("1 thread: %u primes in %.3f s\n", alone, one);
    printf("now on %d threads:\n", threads);
    double many = run(threads, 1, &together);
    printf("%d threads: %u primes in %.3f s\n", threads, together, many);
    if (alone != together) {
        fprintf(stderr, "parallel: the counts differ (%u and %u)\n", alone, together);
        return 1;
    }
    printf("speed-up over 1 thread: %.2fx\n", one / many);
    return 0;
}
