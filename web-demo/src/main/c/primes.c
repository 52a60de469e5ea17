/* primes [LIMIT]: counts the primes below LIMIT (default 2,000,000,000) with a segmented sieve of Eratosthenes,
 * drawing a progress bar on one line as it goes. A long computation: Stop ends it. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SEGMENT (1 << 20)

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void progress(uint64_t done, uint64_t limit, uint64_t found, double elapsed) {
    int width = 30;
    int filled = (int) ((double) done / (double) limit * width);
    printf("\r\033[36m[");
    for (int i = 0; i < width; i++) putchar(i < filled ? '#' : '.');
    printf("]\033[0m %5.1f%%  %llu primes so far  %.1f s", 100.0 * (double) done / (double) limit,
           (unsigned long long) found, elapsed);
    fflush(stdout);
}

int main(int argc, char **argv) {
    uint64_t limit = argc > 1 ? strtoull(argv[1], NULL, 10) : 2000000000ULL;
    if (limit < 2) {
        printf("0 primes below %llu\n", (unsigned long long) limit);
        return 0;
    }
    uint32_t root = (uint32_t) sqrt((double) limit) + 1;
    char *small = calloc(root + 1, 1);
    uint32_t *base = malloc(sizeof *base * (root + 1));
    size_t base_count = 0;
    for (uint32_t i = 2; i <= root; i++) {
        if (small[i]) continue;
        base[base_count++] = i;
        for (uint64_t j = (uint64_t) i * i; j <= root; j += i) small[j] = 1;
    }
    char *segment = malloc(SEGMENT);
    uint64_t found = 0;
    double start = now(), last = 0;
    for (uint64_t low = 0; low < limit; low += SEGMENT) {
        uint64_t high = low + SEGMENT < limit ? low + SEGMENT : limit;
        memset(segment, 0, SEGMENT);
        for (size_t k = 0; k < base_count; k++) {
            uint64_t p = base[k];
            if (p * p >= high) break;
            uint64_t first = p * p >= low ? p * p : (low + p - 1) / p * p;
            for (uint64_t j = first; j < high; j += p) segment[j - low] = 1;
        }
        for (uint64_t n = low < 2 ? 2 : low; n < high; n++) found += !segment[n - low];
        double t = now() - start;
        if (t - last >= 0.1 || high == limit) {
            progress(high, limit, found, t);
            last = t;
        }
    }
    printf("\n%llu primes below %llu (%.2f s)\n", (unsigned long long) found, (unsigned long long) limit,
           now() - start);
    return 0;
}
