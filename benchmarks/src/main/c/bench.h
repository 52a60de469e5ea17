/*
 * Shared helpers for the benchmark workloads.
 *
 * Every workload takes its size divisor as argv[1] ("1" = the full size of issue 5, "64" = the smoke size) and
 * ends by printing one line that starts with its name and carries a checksum. The checksum depends only on what
 * the host returned, never on timing or on random bytes, so it must be identical under every host.
 *
 * Guest-side work is kept small on purpose (one pattern buffer, a vectorisable hash): the benchmark measures the
 * host's cost, and time spent in the guest is the same under every host, which only flattens the ratios.
 */
#ifndef BENCH_H
#define BENCH_H

/* clock_gettime, getentropy */
#define _DEFAULT_SOURCE

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FNV64_OFFSET 0xcbf29ce484222325ULL
#define FNV64_PRIME 0x100000001b3ULL

/* FNV-1a over 64-bit words: folds a value into a running hash, order-sensitively. */
static inline uint64_t mix64(uint64_t h, uint64_t word) {
    return (h ^ word) * FNV64_PRIME;
}

/* FNV-1a over bytes (names, short strings). */
static inline uint64_t fnv1a(const char *s, size_t n) {
    uint64_t h = FNV64_OFFSET;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ (uint8_t)s[i]) * FNV64_PRIME;
    }
    return h;
}

/*
 * A fast digest of a buffer: sums and xors of its 64-bit words (clang vectorises the loop), folded with the
 * length. Order inside one buffer is covered by the stamps the workloads place at every 4 KiB block; order
 * between buffers by folding each digest into an FNV chain with mix64.
 */
static inline uint64_t digest(const uint8_t *p, size_t n) {
    uint64_t sum = 0, x = 0;
    size_t words = n / 8;
    for (size_t i = 0; i < words; i++) {
        uint64_t w;
        memcpy(&w, p + i * 8, 8);
        sum += w;
        x ^= w + i;
    }
    uint64_t tail = 0;
    for (size_t i = words * 8; i < n; i++) {
        tail = (tail << 8) | p[i];
    }
    return mix64(mix64(mix64(FNV64_OFFSET, sum), x), tail ^ n);
}

/* Fills buf with xorshift64 output from seed (the workloads' fixed data pattern). */
static inline void fill_pattern(uint8_t *buf, size_t n, uint64_t seed) {
    uint64_t s = seed ? seed : 1;
    for (size_t i = 0; i < n; i += 8) {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        size_t k = n - i < 8 ? n - i : 8;
        memcpy(buf + i, &s, k);
    }
}

static inline uint64_t xorshift64(uint64_t *state) {
    uint64_t s = *state;
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return *state = s;
}

static inline void die(const char *what) {
    fprintf(stderr, "%s failed: %s\n", what, strerror(errno));
    exit(1);
}

/* The size divisor from argv[1]: a power of two from 1 to 1024, default 1. */
static inline long size_divisor(int argc, char **argv) {
    long d = argc > 1 ? strtol(argv[1], NULL, 10) : 1;
    if (d < 1 || d > 1024 || (d & (d - 1)) != 0) {
        fprintf(stderr, "size divisor must be a power of two in [1, 1024], got %s\n", argv[1]);
        exit(2);
    }
    return d;
}

static inline void write_all(int fd, const uint8_t *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            die("write");
        }
        p += w;
        n -= (size_t)w;
    }
}

#endif
