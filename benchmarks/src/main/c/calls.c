/*
 * Workload 3, per-call cost: one million calls of one cheap import, chosen by argv[2]:
 *   clock  clock_gettime(CLOCK_MONOTONIC)  -> clock_time_get (an i64 precision argument)
 *   tell   lseek(fd, 0, SEEK_CUR)           -> fd_tell (wasi-libc's shortcut for this case)
 *   seek   lseek(fd, 100, SEEK_SET)         -> fd_seek (an i64 offset argument)
 *   read   read(fd, buf, 0) on a file       -> fd_read (the per-call cost of the import itself)
 */

#include "bench.h"

#include <fcntl.h>
#include <time.h>

#define CALLS 1000000L

int main(int argc, char **argv) {
    long divisor = size_divisor(argc, argv);
    const char *kind = argc > 2 ? argv[2] : "";
    long calls = CALLS / divisor;

    if (strcmp(kind, "clock") == 0) {
        long backwards = 0;
        uint64_t previous = 0;
        struct timespec ts;
        for (long i = 0; i < calls; i++) {
            if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0) {
                die("clock_gettime");
            }
            uint64_t now = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
            backwards += now < previous;
            previous = now;
        }
        printf("calls clock=%ld backwards=%ld\n", calls, backwards);
        return backwards == 0 ? 0 : 1;
    }

    int fd = open("/sandbox/seek.bin", O_CREAT | O_RDWR, 0644);
    if (fd < 0) {
        die("open");
    }
    uint8_t data[200];
    fill_pattern(data, sizeof data, 0x5eed0004);
    write_all(fd, data, sizeof data);

    long long sum = 0;
    if (strcmp(kind, "tell") == 0) {
        for (long i = 0; i < calls; i++) {
            sum += lseek(fd, 0, SEEK_CUR);
        }
    } else if (strcmp(kind, "seek") == 0) {
        for (long i = 0; i < calls; i++) {
            sum += lseek(fd, 100, SEEK_SET);
        }
    } else if (strcmp(kind, "read") == 0) {
        for (long i = 0; i < calls; i++) {
            sum += read(fd, data, 0);
        }
    } else {
        fprintf(stderr, "usage: calls DIVISOR clock|tell|seek|read\n");
        return 2;
    }
    close(fd);
    printf("calls %s=%ld sum=%lld\n", kind, calls, sum);
    return 0;
}
