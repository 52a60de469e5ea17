/*
 * check.h: assertion macros shared by the conformance guests.
 *
 * Every assertion prints exactly one transcript line to stdout:
 *     ok - <what>                      (or "ok - <what>: <ERRNO>" for an expected error)
 *     FAIL - <what>: got <actual> want <expected>
 * and check_done() prints "# <case>: <n> checks, <m> failed" and returns the exit status.
 * The expected .stdout of a case is its transcript with every line "ok", so a runner only
 * has to compare bytes. Never print "N passed, N failed": CI parses lines of that form.
 *
 * Errno values: wasi-libc's errno values are the WASI errno values, so one name table serves
 * both libc calls (errno) and raw __wasi_* calls (their return value).
 */
#ifndef CONFORMANCE_CHECK_H
#define CONFORMANCE_CHECK_H

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#ifdef __wasi__
#include <wasi/api.h>
#endif

static const char *check_case_name = "?";
static int check_count;
static int check_failed;

static const char *const check_errno_names[] = {
    "ESUCCESS", "E2BIG", "EACCES", "EADDRINUSE", "EADDRNOTAVAIL", "EAFNOSUPPORT", "EAGAIN",
    "EALREADY", "EBADF", "EBADMSG", "EBUSY", "ECANCELED", "ECHILD", "ECONNABORTED",
    "ECONNREFUSED", "ECONNRESET", "EDEADLK", "EDESTADDRREQ", "EDOM", "EDQUOT", "EEXIST",
    "EFAULT", "EFBIG", "EHOSTUNREACH", "EIDRM", "EILSEQ", "EINPROGRESS", "EINTR", "EINVAL",
    "EIO", "EISCONN", "EISDIR", "ELOOP", "EMFILE", "EMLINK", "EMSGSIZE", "EMULTIHOP",
    "ENAMETOOLONG", "ENETDOWN", "ENETRESET", "ENETUNREACH", "ENFILE", "ENOBUFS", "ENODEV",
    "ENOENT", "ENOEXEC", "ENOLCK", "ENOLINK", "ENOMEM", "ENOMSG", "ENOPROTOOPT", "ENOSPC",
    "ENOSYS", "ENOTCONN", "ENOTDIR", "ENOTEMPTY", "ENOTRECOVERABLE", "ENOTSOCK", "ENOTSUP",
    "ENOTTY", "ENXIO", "EOVERFLOW", "EOWNERDEAD", "EPERM", "EPIPE", "EPROTO",
    "EPROTONOSUPPORT", "EPROTOTYPE", "ERANGE", "EROFS", "ESPIPE", "ESRCH", "ESTALE",
    "ETIMEDOUT", "ETXTBSY", "EXDEV", "ENOTCAPABLE",
};

static inline const char *errno_name(int e) {
    static char unknown[24];
#ifndef __wasi__
    /* A guest built natively (tools/run-native.sh) names Linux's errnos, which differ in number. */
    if (e != 0 && strerrorname_np(e) != NULL) {
        return strerrorname_np(e);
    }
    if (e == 0) {
        return check_errno_names[0];
    }
#endif
    if (e >= 0 && e < (int)(sizeof check_errno_names / sizeof check_errno_names[0])) {
        return check_errno_names[e];
    }
    snprintf(unknown, sizeof unknown, "errno %d", e);
    return unknown;
}

static inline void check_begin(const char *case_name) {
    check_case_name = case_name;
}

/* Prints the summary line; the guest returns this as its exit status. */
static inline int check_done(void) {
    printf("# %s: %d checks, %d failed\n", check_case_name, check_count, check_failed);
    fflush(stdout);
    return check_failed == 0 ? 0 : 1;
}

static inline int check_record(int ok, const char *what) {
    check_count++;
    if (ok) {
        printf("ok - %s\n", what);
    } else {
        check_failed++;
    }
    return ok;
}

/* cond must hold. */
static inline int check_true(const char *what, int cond) {
    if (!check_record(cond, what)) {
        printf("FAIL - %s: got false want true\n", what);
    }
    return cond;
}

static inline int check_int(const char *what, long long got, long long want) {
    if (!check_record(got == want, what)) {
        printf("FAIL - %s: got %lld want %lld\n", what, got, want);
    }
    return got == want;
}

/* For bit sets (rights, flags) where hex reads better. */
static inline int check_hex(const char *what, unsigned long long got, unsigned long long want) {
    if (!check_record(got == want, what)) {
        printf("FAIL - %s: got 0x%llx want 0x%llx\n", what, got, want);
    }
    return got == want;
}

static inline int check_str(const char *what, const char *got, const char *want) {
    int ok = got != NULL && strcmp(got, want) == 0;
    if (!check_record(ok, what)) {
        printf("FAIL - %s: got \"%s\" want \"%s\"\n", what, got ? got : "(null)", want);
    }
    return ok;
}

/* Exact bytes: got[0..got_len) must equal want[0..want_len). */
static inline int check_mem(const char *what, const void *got, long long got_len, const void *want,
                     long long want_len) {
    int ok = got_len == want_len && memcmp(got, want, (size_t)want_len) == 0;
    if (!check_record(ok, what)) {
        printf("FAIL - %s: got %lld bytes \"", what, got_len);
        for (long long i = 0; i < got_len && i < 64; i++) {
            unsigned char c = ((const unsigned char *)got)[i];
            printf(c >= 32 && c < 127 ? "%c" : "\\x%02x", c);
        }
        printf("\" want %lld bytes\n", want_len);
    }
    return ok;
}

/* A libc call that must succeed: result != -1. Returns the result. */
static inline long long check_sys_result(const char *what, long long result, int err) {
    if (!check_record(result != -1, what)) {
        printf("FAIL - %s: got %s want success\n", what, errno_name(err));
    }
    return result;
}

/* A libc call that must fail with -1 and errno == want. */
static inline int check_errno_result(const char *what, long long result, int err, int want) {
    int ok = result == -1 && err == want;
    check_count++;
    if (ok) {
        printf("ok - %s: %s\n", what, errno_name(want));
    } else {
        check_failed++;
        if (result != -1) {
            printf("FAIL - %s: got success (%lld) want %s\n", what, result, errno_name(want));
        } else {
            printf("FAIL - %s: got %s want %s\n", what, errno_name(err), errno_name(want));
        }
    }
    return ok;
}

/* A call returning an errno directly (raw __wasi_* calls, posix_fallocate): must equal want. */
static inline int check_wasi(const char *what, int got, int want) {
    int ok = got == want;
    check_count++;
    if (ok) {
        if (want == 0) {
            printf("ok - %s\n", what);
        } else {
            printf("ok - %s: %s\n", what, errno_name(want));
        }
    } else {
        check_failed++;
        printf("FAIL - %s: got %s want %s\n", what, errno_name(got), errno_name(want));
    }
    return ok;
}

/* A libc call's result and the errno it left, read only once the call has run: the order in which
 * a function's arguments are evaluated is unspecified (gcc reads errno first in a native build). */
static long long check_last_result;
static int check_last_errno;

static inline void check_call(long long result) {
    check_last_result = result;
    check_last_errno = errno;
}

/* CHECK_SYS(what, expr): expr is a libc call that must not return -1; evaluates to its result. */
#define CHECK_SYS(what, expr) \
    (errno = 0, check_call((long long)(expr)), check_sys_result((what), check_last_result, check_last_errno))

/* CHECK_ERRNO(what, expr, E): expr must return -1 with errno E. */
#define CHECK_ERRNO(what, expr, want)        \
    (errno = 0, check_call((long long)(expr)), \
     check_errno_result((what), check_last_result, check_last_errno, (want)))

/* CHECK_WASI(what, call, E): a raw WASI call (or anything returning an errno) must return E. */
#define CHECK_WASI(what, call, want) check_wasi((what), (int)(call), (want))

#define CHECK_TRUE(what, cond) check_true((what), (cond) ? 1 : 0)
#define CHECK_INT(what, got, want) check_int((what), (long long)(got), (long long)(want))
#define CHECK_HEX(what, got, want) \
    check_hex((what), (unsigned long long)(got), (unsigned long long)(want))
#define CHECK_STR(what, got, want) check_str((what), (got), (want))
#define CHECK_MEM(what, got, got_len, want, want_len) \
    check_mem((what), (got), (long long)(got_len), (want), (long long)(want_len))

#endif
