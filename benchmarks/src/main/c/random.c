/*
 * Workload 6, random: 16 MiB from getentropy(), 256 bytes per call (its maximum; one random_get each).
 * The bytes differ between hosts, so the checksum line carries only counts and sanity checks: the share of one
 * bits is near 1/2 and no call returned the same 256 bytes as the one before.
 */
#include "bench.h"

#define CALL 256

static uint8_t buf[2][CALL];

int main(int argc, char **argv) {
    long divisor = size_divisor(argc, argv);
    long calls = (16L << 20) / CALL / divisor;
    uint64_t ones = 0;
    long repeats = 0;
    for (long i = 0; i < calls; i++) {
        uint8_t *b = buf[i & 1];
        if (getentropy(b, CALL) != 0) {
            die("getentropy");
        }
        for (int k = 0; k < CALL; k += 8) {
            uint64_t w;
            memcpy(&w, b + k, 8);
            ones += (uint64_t)__builtin_popcountll(w);
        }
        repeats += i > 0 && memcmp(buf[0], buf[1], CALL) == 0;
    }
    uint64_t bits = (uint64_t)calls * CALL * 8;
    /* 1% of the bit count is over 100 standard deviations even at the smoke size */
    int balanced = ones > bits / 2 - bits / 100 && ones < bits / 2 + bits / 100;
    printf("random calls=%ld bytes=%ld balanced=%d repeats=%ld\n", calls, calls * CALL, balanced, repeats);
    return balanced && repeats == 0 ? 0 : 1;
}
