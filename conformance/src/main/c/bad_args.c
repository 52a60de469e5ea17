/*
 * bad_args: preview1 calls with arguments no witx type allows, or at the edges of memory, made
 * through raw imports so that pointers and lengths are exactly what the guest passes.
 *
 * Wasmtime decodes every argument before the call runs: a flags value with a bit no flag names
 * and an enum value out of range (clock id, advice) are EINVAL, and a string that is not UTF-8 is
 * EILSEQ; a pointer it must dereference outside memory traps. Lengths of zero at the very end of
 * memory and one byte at its last address are in bounds.
 *
 * With the arguments "trap NAME" the guest instead makes one call whose pointer lies outside
 * memory (or wraps past 2^32) and must not come back: the host traps, naming the call. The JS API
 * checks run those (runner/api/api-checks.mjs); an unknown whence is left out, as Wasmtime traps
 * on it where this host answers EINVAL.
 */
#include "guest.h"

#define IMPORT(name) __attribute__((import_module("wasi_snapshot_preview1"), import_name(#name)))
IMPORT(fd_write) int32_t raw_fd_write(int32_t fd, int32_t iovs, int32_t iovs_len, int32_t nwritten);
IMPORT(fd_read) int32_t raw_fd_read(int32_t fd, int32_t iovs, int32_t iovs_len, int32_t nread);
IMPORT(fd_pwrite) int32_t raw_fd_pwrite(int32_t fd, int32_t iovs, int32_t iovs_len, int64_t offset, int32_t nwritten);
IMPORT(path_open) int32_t raw_path_open(int32_t fd, int32_t dirflags, int32_t path, int32_t path_len, int32_t oflags,
                                        int64_t base, int64_t inheriting, int32_t fdflags, int32_t fd_out);
IMPORT(path_create_directory) int32_t raw_path_create_directory(int32_t fd, int32_t path, int32_t path_len);
IMPORT(path_filestat_get) int32_t raw_path_filestat_get(int32_t fd, int32_t flags, int32_t path, int32_t path_len,
                                                        int32_t buf);
IMPORT(path_symlink) int32_t raw_path_symlink(int32_t old_path, int32_t old_len, int32_t fd, int32_t new_path,
                                              int32_t new_len);
IMPORT(clock_time_get) int32_t raw_clock_time_get(int32_t id, int64_t precision, int32_t time);
IMPORT(clock_res_get) int32_t raw_clock_res_get(int32_t id, int32_t resolution);
IMPORT(random_get) int32_t raw_random_get(int32_t buf, int32_t len);
IMPORT(args_get) int32_t raw_args_get(int32_t argv, int32_t argv_buf);
IMPORT(fd_readdir) int32_t raw_fd_readdir(int32_t fd, int32_t buf, int32_t len, int64_t cookie, int32_t used);
IMPORT(fd_prestat_dir_name) int32_t raw_fd_prestat_dir_name(int32_t fd, int32_t path, int32_t len);
IMPORT(fd_filestat_get) int32_t raw_fd_filestat_get(int32_t fd, int32_t buf);
IMPORT(poll_oneoff) int32_t raw_poll_oneoff(int32_t in, int32_t out, int32_t n, int32_t nevents);
IMPORT(fd_advise) int32_t raw_fd_advise(int32_t fd, int64_t offset, int64_t len, int32_t advice);
IMPORT(fd_fdstat_set_flags) int32_t raw_fd_fdstat_set_flags(int32_t fd, int32_t flags);
IMPORT(fd_filestat_set_times) int32_t raw_fd_filestat_set_times(int32_t fd, int64_t atim, int64_t mtim, int32_t flags);

#define P(ptr) ((int32_t)(uintptr_t)(ptr))
/* 16 bytes from here wrap past 2^32. */
#define WRAP ((int32_t)0xFFFFFFF8)

static uint8_t buf[256];
static uint32_t result;

static int32_t memory_end(void) {
    return (int32_t)(__builtin_wasm_memory_size(0) * 65536u);
}

static int32_t open_file(const char *path) {
    __wasi_fd_t fd = 0;
    CHECK_WASI(WHAT("open %s", path), raw_open(path, 0, __WASI_OFLAGS_CREAT, ALL_RIGHTS, 0, &fd), 0);
    return (int32_t)fd;
}

static void unknown_values(void) {
    int32_t f = open_file("f.txt");
    const char *name = "f.txt";
    CHECK_WASI("path_open with oflag 0x10", raw_path_open(SANDBOX_FD, 0, P(name), 5, 0x10, ALL_RIGHTS, 0, 0, P(&result)),
               __WASI_ERRNO_INVAL);
    CHECK_WASI("path_open with fdflag 0x20", raw_path_open(SANDBOX_FD, 0, P(name), 5, 0, ALL_RIGHTS, 0, 0x20, P(&result)),
               __WASI_ERRNO_INVAL);
    CHECK_WASI("path_open with lookup flag 2",
               raw_path_open(SANDBOX_FD, 2, P(name), 5, 0, ALL_RIGHTS, 0, 0, P(&result)), __WASI_ERRNO_INVAL);
    CHECK_WASI("path_filestat_get with lookup flag 0x100",
               raw_path_filestat_get(SANDBOX_FD, 0x100, P(name), 5, P(buf)), __WASI_ERRNO_INVAL);
    CHECK_WASI("clock_time_get of clock 99", raw_clock_time_get(99, 0, P(buf)), __WASI_ERRNO_INVAL);
    CHECK_WASI("clock_time_get of clock -1", raw_clock_time_get(-1, 0, P(buf)), __WASI_ERRNO_INVAL);
    CHECK_WASI("clock_res_get of clock 4", raw_clock_res_get(4, P(buf)), __WASI_ERRNO_INVAL);
    CHECK_WASI("fd_advise with advice 6", raw_fd_advise(f, 0, 1, 6), __WASI_ERRNO_INVAL);
    CHECK_WASI("fd_fdstat_set_flags with flag 0x20", raw_fd_fdstat_set_flags(f, 0x20), __WASI_ERRNO_INVAL);
    CHECK_WASI("fd_filestat_set_times with flag 0x10", raw_fd_filestat_set_times(f, 0, 0, 0x10), __WASI_ERRNO_INVAL);
    static const uint8_t not_utf8[] = {'t', 0xFF};
    CHECK_WASI("path_symlink to a target that is not UTF-8",
               raw_path_symlink(P(not_utf8), 2, SANDBOX_FD, P("link"), 4), __WASI_ERRNO_ILSEQ);
    CHECK_WASI("path_open of a name that is not UTF-8",
               raw_path_open(SANDBOX_FD, 0, P(not_utf8), 2, __WASI_OFLAGS_CREAT, ALL_RIGHTS, 0, 0, P(&result)),
               __WASI_ERRNO_ILSEQ);
    CHECK_WASI("poll_oneoff with no subscriptions", raw_poll_oneoff(P(buf), P(buf + 64), 0, P(&result)),
               __WASI_ERRNO_INVAL);
    raw_close((__wasi_fd_t)f);
}

static void edges_of_memory(void) {
    int32_t end = memory_end();
    int32_t last = end - 1;
    CHECK_WASI("random_get of 0 bytes at the end of memory", raw_random_get(end, 0), 0);
    CHECK_WASI("random_get of the last byte", raw_random_get(last, 1), 0);
    CHECK_WASI("fd_write of no iovecs at the end of memory", raw_fd_write(1, end, 0, P(&result)), 0);
    CHECK_INT("it wrote nothing", result, 0);
    CHECK_WASI("path_create_directory of an empty path at the end of memory",
               raw_path_create_directory(SANDBOX_FD, end, 0), __WASI_ERRNO_NOENT);

    int32_t f = open_file("edge.txt");
    __wasi_ciovec_t one = {(const uint8_t *)(uintptr_t)last, 1};
    *(volatile uint8_t *)(uintptr_t)last = 'z';
    CHECK_WASI("fd_write of the last byte", raw_fd_write(f, P(&one), 1, P(&result)), 0);
    CHECK_INT("it wrote 1 byte", result, 1);
    __wasi_ciovec_t empty = {(const uint8_t *)(uintptr_t)end, 0};
    CHECK_WASI("fd_pwrite of an empty buffer at the end of memory, past the end of the file",
               raw_fd_pwrite(f, P(&empty), 1, 100, P(&result)), 0);
    CHECK_INT("it wrote nothing", result, 0);
    __wasi_filestat_t st;
    CHECK_WASI("fstat", __wasi_fd_filestat_get((__wasi_fd_t)f, &st), 0);
    CHECK_INT("an empty write past the end leaves the size alone", st.size, 1);
    __wasi_filesize_t pos;
    CHECK_WASI("seek to 0", __wasi_fd_seek((__wasi_fd_t)f, 0, __WASI_WHENCE_SET, &pos), 0);
    *(volatile uint8_t *)(uintptr_t)last = 0;
    __wasi_iovec_t into_last = {(uint8_t *)(uintptr_t)last, 1};
    CHECK_WASI("fd_read into the last byte", raw_fd_read(f, P(&into_last), 1, P(&result)), 0);
    CHECK_INT("it read 1 byte", result, 1);
    CHECK_INT("the last byte holds it", *(volatile uint8_t *)(uintptr_t)last, 'z');
    raw_close((__wasi_fd_t)f);
}

/* Each call here must trap: returning is a failure. */
static int trap(const char *name) {
    int32_t end = memory_end();
    int32_t last = end - 1;
    static __wasi_ciovec_t wrapping = {(const uint8_t *)(uintptr_t)0xFFFFFFF8u, 16};
    int32_t got = -1;
    if (strcmp(name, "fd_write") == 0) {
        got = raw_fd_write(1, P(&wrapping), 1, P(&result));
    } else if (strcmp(name, "fd_read") == 0) {
        __wasi_iovec_t iov = {buf, 4};
        got = raw_fd_read(0, P(&iov), 1, last);
    } else if (strcmp(name, "fd_pwrite") == 0) {
        got = raw_fd_pwrite(open_file("p.txt"), P(buf), (int32_t)0x20000000, 0, P(&result));
    } else if (strcmp(name, "path_open") == 0) {
        got = raw_path_open(SANDBOX_FD, 0, WRAP, 16, 0, ALL_RIGHTS, 0, 0, P(&result));
    } else if (strcmp(name, "path_filestat_get") == 0) {
        got = raw_path_filestat_get(SANDBOX_FD, 0, P("."), 1, end - 63);
    } else if (strcmp(name, "clock_time_get") == 0) {
        got = raw_clock_time_get(1, 0, end);
    } else if (strcmp(name, "random_get") == 0) {
        got = raw_random_get(WRAP, 16);
    } else if (strcmp(name, "args_get") == 0) {
        got = raw_args_get(P(buf), last);
    } else if (strcmp(name, "fd_readdir") == 0) {
        got = raw_fd_readdir(SANDBOX_FD, P(buf), -1, 0, P(&result));
    } else if (strcmp(name, "fd_prestat_dir_name") == 0) {
        got = raw_fd_prestat_dir_name(SANDBOX_FD, end, 8);
    } else if (strcmp(name, "fd_filestat_get") == 0) {
        got = raw_fd_filestat_get(1, WRAP);
    } else if (strcmp(name, "poll_oneoff") == 0) {
        got = raw_poll_oneoff(P(buf), P(buf), 0x7FFFFFFF, P(&result));
    } else {
        printf("unknown trap case %s\n", name);
        return 2;
    }
    printf("%s did not trap: %s\n", name, errno_name(got));
    return 1;
}

int main(int argc, char **argv) {
    if (argc == 3 && strcmp(argv[1], "trap") == 0) {
        return trap(argv[2]);
    }
    check_begin("bad_args");
    unknown_values();
    edges_of_memory();
    return check_done();
}
