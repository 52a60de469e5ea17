/*
 * transcript.h: the check.h transcript ("ok - <what>" / "FAIL - <what>: got X want Y", then
 * "# <case>: <n> checks, <m> failed") for guests built without libc (-nostdlib), so that they
 * import wasi_unstable alone. Output is buffered and written with wasi_unstable.fd_write.
 * A guest defines guest_main(); _start runs it and exits through wasi_unstable.proc_exit.
 */
#ifndef CONFORMANCE_TRANSCRIPT_H
#define CONFORMANCE_TRANSCRIPT_H

#include "snapshot0.h"

/* clang may call these for struct copies and zeroing; volatile keeps it from calling them here. */
void *memset(void *s, int c, size_t n) {
    volatile unsigned char *p = s;
    while (n--) {
        *p++ = (unsigned char)c;
    }
    return s;
}

void *memcpy(void *d, const void *s, size_t n) {
    volatile unsigned char *q = d;
    const unsigned char *p = s;
    while (n--) {
        *q++ = *p++;
    }
    return d;
}

static inline size_t t_len(const char *s) {
    size_t n = 0;
    while (s[n]) {
        n++;
    }
    return n;
}

static inline int t_eq(const void *a, const void *b, size_t n) {
    const unsigned char *x = a, *y = b;
    for (size_t i = 0; i < n; i++) {
        if (x[i] != y[i]) {
            return 0;
        }
    }
    return 1;
}

static char t_out[1 << 16];
static size_t t_used;
static const char *t_case = "?";
static int t_checks;
static int t_failed;

static inline void t_flush(void) {
    size_t at = 0;
    while (at < t_used) {
        u0_ciovec_t iov = {t_out + at, (uint32_t)(t_used - at)};
        uint32_t n = 0;
        if (u0_fd_write(1, &iov, 1, &n) != 0 || n == 0) {
            break;
        }
        at += n;
    }
    t_used = 0;
}

static inline void t_puts(const char *s) {
    size_t n = t_len(s);
    if (t_used + n > sizeof t_out) {
        t_flush();
    }
    for (size_t i = 0; i < n && t_used < sizeof t_out; i++) {
        t_out[t_used++] = s[i];
    }
}

static inline void t_putbytes(const void *bytes, size_t n) {
    const char *s = bytes;
    for (size_t i = 0; i < n; i++) {
        char c[2] = {s[i], 0};
        t_puts(c);
    }
}

static inline void t_putu(uint64_t v) {
    char digits[24];
    int i = sizeof digits - 1;
    digits[i] = 0;
    do {
        digits[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    t_puts(digits + i);
}

static inline void t_puti(int64_t v) {
    if (v < 0) {
        t_puts("-");
        t_putu((uint64_t)0 - (uint64_t)v);
    } else {
        t_putu((uint64_t)v);
    }
}

static inline void t_puthex(uint64_t v) {
    char digits[20];
    int i = sizeof digits - 1;
    digits[i] = 0;
    do {
        digits[--i] = "0123456789abcdef"[v & 15];
        v >>= 4;
    } while (v);
    t_puts("0x");
    t_puts(digits + i);
}

static const char *const t_errnos[] = {
    [0] = "ESUCCESS", [8] = "EBADF", [20] = "EEXIST", [28] = "EINVAL", [31] = "EISDIR", [44] = "ENOENT",
    [54] = "ENOTDIR", [70] = "ESPIPE", [76] = "ENOTCAPABLE",
};

static inline void t_puterrno(int e) {
    if (e >= 0 && e < (int)(sizeof t_errnos / sizeof t_errnos[0]) && t_errnos[e]) {
        t_puts(t_errnos[e]);
    } else {
        t_puts("errno ");
        t_puti(e);
    }
}

static inline int t_result(const char *what, int ok) {
    t_checks++;
    if (!ok) {
        t_failed++;
    }
    t_puts(ok ? "ok - " : "FAIL - ");
    t_puts(what);
    return ok;
}

/* A call's errno is want; an expected error is named, as check.h does. */
static inline void check_wasi(const char *what, int got, int want) {
    if (t_result(what, got == want)) {
        if (want != 0) {
            t_puts(": ");
            t_puterrno(want);
        }
    } else {
        t_puts(": got ");
        t_puterrno(got);
        t_puts(" want ");
        t_puterrno(want);
    }
    t_puts("\n");
}

static inline void check_int(const char *what, int64_t got, int64_t want) {
    if (!t_result(what, got == want)) {
        t_puts(": got ");
        t_puti(got);
        t_puts(" want ");
        t_puti(want);
    }
    t_puts("\n");
}

static inline void check_hex(const char *what, uint64_t got, uint64_t want) {
    if (!t_result(what, got == want)) {
        t_puts(": got ");
        t_puthex(got);
        t_puts(" want ");
        t_puthex(want);
    }
    t_puts("\n");
}

static inline void check_true(const char *what, int cond) {
    if (!t_result(what, cond)) {
        t_puts(": false");
    }
    t_puts("\n");
}

static inline void check_mem(const char *what, const void *got, size_t got_len, const void *want, size_t want_len) {
    if (!t_result(what, got_len == want_len && t_eq(got, want, got_len))) {
        t_puts(": got \"");
        t_putbytes(got, got_len);
        t_puts("\" want \"");
        t_putbytes(want, want_len);
        t_puts("\"");
    }
    t_puts("\n");
}

#define CHECK_WASI(what, call, want) check_wasi((what), (int)(call), (want))
#define CHECK_INT(what, got, want) check_int((what), (int64_t)(got), (int64_t)(want))
#define CHECK_HEX(what, got, want) check_hex((what), (uint64_t)(got), (uint64_t)(want))
#define CHECK_TRUE(what, cond) check_true((what), (cond) ? 1 : 0)
#define CHECK_STR(what, got, want) check_mem((what), (got), t_len(got), (want), t_len(want))
#define CHECK_MEM(what, got, got_len, want, want_len) check_mem((what), (got), (got_len), (want), (want_len))

/* Length and pointer of a path literal, for the (ptr, len) path arguments. */
#define PATH(s) (s), (uint32_t)(sizeof(s) - 1)

#define SANDBOX_FD 3

static int guest_main(void);

void _start(void) {
    int status = guest_main();
    t_puts("# ");
    t_puts(t_case);
    t_puts(": ");
    t_putu((uint64_t)t_checks);
    t_puts(" checks, ");
    t_putu((uint64_t)t_failed);
    t_puts(" failed\n");
    t_flush();
    u0_proc_exit(status != 0 ? (uint32_t)status : t_failed != 0 ? 1u : 0u);
}

#endif
