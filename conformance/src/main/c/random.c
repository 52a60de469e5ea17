/*
 * random: random_get and getentropy. Randomness is only checked by properties that hold for
 * any decent source with overwhelming probability: two draws differ, many byte values occur,
 * and nothing outside the buffer is written.
 */
#include <stdlib.h>
#include <unistd.h>

#include "guest.h"

static int distinct_values(const uint8_t *buf, size_t len) {
    int seen[256] = {0}, count = 0;
    for (size_t i = 0; i < len; i++) {
        count += !seen[buf[i]];
        seen[buf[i]] = 1;
    }
    return count;
}

int main(void) {
    check_begin("random");
    static uint8_t a[4096 + 16], b[4096];
    CHECK_WASI("random_get of 0 bytes", __wasi_random_get(a, 0), 0);
    memset(a, 0xa5, sizeof a);
    CHECK_WASI("random_get of 4096 bytes", __wasi_random_get(a + 8, 4096), 0);
    int guard = 1;
    for (int i = 0; i < 8; i++) {
        guard &= a[i] == 0xa5 && a[8 + 4096 + i] == 0xa5;
    }
    CHECK_TRUE("bytes around the buffer are untouched", guard);
    CHECK_TRUE("4096 random bytes take at least 200 distinct values", distinct_values(a + 8, 4096) >= 200);
    CHECK_WASI("random_get again", __wasi_random_get(b, 4096), 0);
    CHECK_TRUE("two draws differ", memcmp(a + 8, b, 4096) != 0);
    CHECK_WASI("random_get of 1 byte", __wasi_random_get(b, 1), 0);
    CHECK_WASI("random_get of 65536 bytes", __wasi_random_get(malloc(65536), 65536), 0);

    uint8_t e[257];
    CHECK_SYS("getentropy 0 bytes", getentropy(e, 0));
    memset(e, 0, sizeof e);
    CHECK_SYS("getentropy 256 bytes", getentropy(e, 256));
    CHECK_TRUE("getentropy filled something", distinct_values(e, 256) > 16);
    // wasi-libc enforces getentropy's 256-byte limit itself.
    CHECK_ERRNO("getentropy 257 bytes", getentropy(e, 257), EIO);
    CHECK_TRUE("arc4random values differ", arc4random() != arc4random() || arc4random() != arc4random());
    return check_done();
}
