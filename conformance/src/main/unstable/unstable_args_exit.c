/*
 * unstable_args_exit: the process interface of wasi_unstable alone (built without libc): args
 * and environ, clocks, random_get, and proc_exit with a code of its own.
 */
#include "transcript.h"

static int guest_main(void) {
    t_case = "unstable_args_exit";
    static uint8_t *argv[8];
    static uint8_t buf[256];
    uint32_t argc = 0xdead, size = 0xdead;
    CHECK_WASI("args_sizes_get", u0_args_sizes_get(&argc, &size), 0);
    CHECK_INT("  argc", argc, 3);
    CHECK_INT("  argv buffer size", size, sizeof "unstable_args_exit" + sizeof "first" + sizeof "second arg");
    CHECK_WASI("args_get", u0_args_get(argv, buf), 0);
    CHECK_TRUE("  argv[0] is at the buffer's start", argv[0] == buf);
    CHECK_STR("  argv[0]", (const char *)argv[0], "unstable_args_exit");
    CHECK_STR("  argv[1]", (const char *)argv[1], "first");
    CHECK_STR("  argv[2]", (const char *)argv[2], "second arg");

    uint32_t envc = 0xdead;
    CHECK_WASI("environ_sizes_get", u0_environ_sizes_get(&envc, &size), 0);
    CHECK_INT("  one variable", envc, 1);
    CHECK_INT("  environ buffer size", size, sizeof "GREETING=hello from the host");
    CHECK_WASI("environ_get", u0_environ_get(argv, buf), 0);
    CHECK_STR("  environ[0]", (const char *)argv[0], "GREETING=hello from the host");

    uint64_t res = 0, t = 0;
    CHECK_WASI("clock_res_get MONOTONIC", u0_clock_res_get(U0_CLOCKID_MONOTONIC, &res), 0);
    CHECK_TRUE("  nonzero", res > 0);
    CHECK_WASI("clock_time_get REALTIME", u0_clock_time_get(U0_CLOCKID_REALTIME, 1, &t), 0);
    CHECK_TRUE("  after 2020-01-01", t > 1577836800ULL * 1000000000ULL);
    /* An unknown clock id is an invalid enum value, which traps in Wasmtime: not tested. */

    uint8_t random[32] = {0};
    CHECK_WASI("random_get 32 bytes", u0_random_get(random, sizeof random), 0);
    int nonzero = 0;
    for (unsigned i = 0; i < sizeof random; i++) {
        nonzero += random[i] != 0;
    }
    CHECK_TRUE("  not all zero", nonzero > 0);

    /* The transcript ends, then proc_exit(7) ends the process with code 7. */
    return 7;
}
