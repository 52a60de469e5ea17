/*
 * Workload 1, stdout: 64 MiB written to stdout in 4 KiB write() calls (one fd_write each).
 * Each block carries its index in its first 8 bytes. The last line reports what was written; the hosts checksum
 * the bytes they received on top of that.
 */
#include "bench.h"

#define BLOCK 4096

static uint8_t block[BLOCK];

int main(int argc, char **argv) {
    long divisor = size_divisor(argc, argv);
    long blocks = (64L << 20) / BLOCK / divisor;
    fill_pattern(block, BLOCK, 0x5eed0001);
    uint64_t h = mix64(FNV64_OFFSET, digest(block + 8, BLOCK - 8));
    for (long i = 0; i < blocks; i++) {
        uint64_t stamp = (uint64_t)i;
        memcpy(block, &stamp, 8);
        write_all(1, block, BLOCK);
        h = mix64(h, stamp);
    }
    /* The blocks are binary: a newline first makes the report a line of its own. */
    printf("\nstdout writes=%ld bytes=%ld hash=%016llx\n", blocks, blocks * BLOCK, (unsigned long long)h);
    return 0;
}
