/*
 * args_env: args_sizes_get / args_get and environ_sizes_get / environ_get, through libc and raw,
 * with empty values, spaces, '=' inside values and UTF-8. The environment is compared sorted:
 * its order is the host's business.
 */
#include <stdio.h>
#include <stdlib.h>

#include "guest.h"

extern char **environ;

static const char *const want_args[] = {"args_env", "alpha", "two words", "", "ünïcødé ✓",
                                        "--flag=value"};
#define NARGS 6
/* Sorted the way strcmp sorts. */
static const char *const want_env[] = {"ALPHA=1", "EMPTY=", "PATH_LIKE=/a:/b", "UNICODE=grüße ✓",
                                       "WITH_EQUALS=a=b=c"};
#define NENV 5

static int by_string(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
    check_begin("args_env");
    CHECK_INT("argc", argc, NARGS);
    for (int i = 0; i < NARGS && i < argc; i++) {
        CHECK_STR(WHAT("argv[%d]", i), argv[i], want_args[i]);
    }
    CHECK_TRUE("argv[argc] is NULL", argv[argc] == NULL);

    CHECK_STR("getenv ALPHA", getenv("ALPHA"), "1");
    CHECK_STR("getenv EMPTY (set, empty)", getenv("EMPTY"), "");
    CHECK_STR("getenv WITH_EQUALS keeps later '='", getenv("WITH_EQUALS"), "a=b=c");
    CHECK_STR("getenv UNICODE", getenv("UNICODE"), "grüße ✓");
    CHECK_TRUE("getenv of an unset name is NULL", getenv("MISSING") == NULL);
    CHECK_TRUE("getenv is case-sensitive", getenv("alpha") == NULL);

    int count = 0;
    while (environ[count] != NULL) {
        count++;
    }
    CHECK_INT("environ has exactly the case's variables", count, NENV);
    char *sorted[16];
    for (int i = 0; i < count && i < 16; i++) {
        sorted[i] = environ[i];
    }
    qsort(sorted, (size_t)(count < 16 ? count : 16), sizeof sorted[0], by_string);
    for (int i = 0; i < NENV && i < count; i++) {
        CHECK_STR(WHAT("sorted environ[%d]", i), sorted[i], want_env[i]);
    }

    __wasi_size_t n = 0, size = 0;
    size_t want_size = 0;
    for (int i = 0; i < NARGS; i++) {
        want_size += strlen(want_args[i]) + 1;
    }
    CHECK_WASI("args_sizes_get", __wasi_args_sizes_get(&n, &size), 0);
    CHECK_INT("args_sizes_get count", n, NARGS);
    CHECK_INT("args_sizes_get buffer size", size, want_size);
    char *buf = malloc(size + 8);
    uint8_t **ptrs = malloc((n + 1) * sizeof *ptrs);
    memset(buf, 0x55, size + 8);
    CHECK_WASI("args_get", __wasi_args_get(ptrs, (uint8_t *)buf), 0);
    int packed = 1;
    for (__wasi_size_t i = 0; i < n && i < NARGS; i++) {
        packed &= (char *)ptrs[i] == buf + (i == 0 ? 0 : (char *)ptrs[i - 1] - buf + strlen((char *)ptrs[i - 1]) + 1);
        CHECK_STR(WHAT("args_get[%d]", (int)i), (char *)ptrs[i], want_args[i]);
    }
    CHECK_TRUE("arguments are packed NUL-terminated one after another", packed);
    CHECK_TRUE("args_get wrote nothing past the buffer", (unsigned char)buf[size] == 0x55);

    want_size = 0;
    for (int i = 0; i < NENV; i++) {
        want_size += strlen(want_env[i]) + 1;
    }
    CHECK_WASI("environ_sizes_get", __wasi_environ_sizes_get(&n, &size), 0);
    CHECK_INT("environ_sizes_get count", n, NENV);
    CHECK_INT("environ_sizes_get buffer size", size, want_size);
    char *ebuf = malloc(size + 8);
    uint8_t **eptrs = malloc((n + 1) * sizeof *eptrs);
    memset(ebuf, 0x55, size + 8);
    CHECK_WASI("environ_get", __wasi_environ_get(eptrs, (uint8_t *)ebuf), 0);
    qsort(eptrs, n, sizeof eptrs[0], by_string);
    for (__wasi_size_t i = 0; i < n && i < NENV; i++) {
        CHECK_STR(WHAT("sorted environ_get[%d]", (int)i), (char *)eptrs[i], want_env[i]);
    }
    CHECK_TRUE("environ_get wrote nothing past the buffer", (unsigned char)ebuf[size] == 0x55);
    return check_done();
}
