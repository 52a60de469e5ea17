/*
 * Workload 2, file I/O: writes a 64 MiB file in 64 KiB write() calls, reads it back in 64 KiB read() calls, then
 * does 10,000 pread() calls of 4 KiB at pseudo-random offsets (fd_write, fd_read, fd_pread).
 * Every 4 KiB block of the file starts with its own file offset, so a host that returns the wrong part of the
 * file fails the stamp check even before the cross-host checksum comparison.
 */

#include "bench.h"

#include <fcntl.h>

#define CHUNK 65536
#define BLOCK 4096
#define PATH "/sandbox/file.bin"

static uint8_t chunk[CHUNK];

static long check_stamps(const uint8_t *buf, size_t n, uint64_t file_offset) {
    long bad = 0;
    /* the first block boundary at or after file_offset */
    uint64_t first = (file_offset + BLOCK - 1) / BLOCK * BLOCK;
    for (uint64_t at = first; at + 8 <= file_offset + n; at += BLOCK) {
        uint64_t stamp;
        memcpy(&stamp, buf + (at - file_offset), 8);
        bad += stamp != at;
    }
    return bad;
}

int main(int argc, char **argv) {
    long divisor = size_divisor(argc, argv);
    long size = (64L << 20) / divisor;
    long preads = 10000 / divisor;

    int fd = open(PATH, O_CREAT | O_TRUNC | O_WRONLY, 0644);
    if (fd < 0) {
        die("open for writing");
    }
    fill_pattern(chunk, CHUNK, 0x5eed0002);
    for (long off = 0; off < size; off += CHUNK) {
        for (long b = 0; b < CHUNK; b += BLOCK) {
            uint64_t stamp = (uint64_t)(off + b);
            memcpy(chunk + b, &stamp, 8);
        }
        write_all(fd, chunk, CHUNK);
    }
    if (close(fd) != 0) {
        die("close");
    }

    fd = open(PATH, O_RDONLY);
    if (fd < 0) {
        die("open for reading");
    }
    uint64_t h = FNV64_OFFSET;
    long total = 0, bad = 0;
    for (;;) {
        ssize_t n = read(fd, chunk, CHUNK);
        if (n < 0) {
            die("read");
        }
        if (n == 0) {
            break;
        }
        bad += check_stamps(chunk, (size_t)n, (uint64_t)total);
        h = mix64(h, digest(chunk, (size_t)n));
        total += n;
    }

    uint64_t rng = 0x5eed0003;
    for (long i = 0; i < preads; i++) {
        uint64_t off = xorshift64(&rng) % (uint64_t)(size - BLOCK);
        ssize_t n = pread(fd, chunk, BLOCK, (off_t)off);
        if (n != BLOCK) {
            if (n < 0) {
                die("pread");
            }
            fprintf(stderr, "pread at %llu returned %zd bytes\n", (unsigned long long)off, n);
            return 1;
        }
        bad += check_stamps(chunk, BLOCK, off);
        h = mix64(h, digest(chunk, BLOCK));
    }
    close(fd);

    if (total != size || bad != 0) {
        fprintf(stderr, "read back %ld of %ld bytes, %ld misplaced blocks\n", total, size, bad);
        return 1;
    }
    printf("file bytes=%ld preads=%ld hash=%016llx\n", total, preads, (unsigned long long)h);
    return 0;
}
