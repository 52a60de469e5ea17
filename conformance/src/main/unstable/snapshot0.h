/*
 * snapshot0.h: the wasi_unstable (WASI snapshot 0) ABI, as legacy/preview0/witx of WebAssembly/WASI
 * defines it: the structs whose layout differs from preview1 (filestat, subscription), the ones
 * the guests read (event, dirent, prestat, fdstat), and the imports, prefixed u0_. Needs no libc.
 */
#ifndef CONFORMANCE_SNAPSHOT0_H
#define CONFORMANCE_SNAPSHOT0_H

#include <stddef.h>
#include <stdint.h>

#define U0_WHENCE_CUR 0
#define U0_WHENCE_END 1
#define U0_WHENCE_SET 2

#define U0_EVENTTYPE_CLOCK 0
#define U0_EVENTTYPE_FD_READ 1
#define U0_EVENTTYPE_FD_WRITE 2

#define U0_CLOCKID_REALTIME 0
#define U0_CLOCKID_MONOTONIC 1
#define U0_SUBSCRIPTION_CLOCK_ABSTIME 1
#define U0_EVENTRWFLAGS_FD_READWRITE_HANGUP 1

#define U0_FILETYPE_CHARACTER_DEVICE 2
#define U0_FILETYPE_DIRECTORY 3
#define U0_FILETYPE_REGULAR_FILE 4
#define U0_FILETYPE_SYMBOLIC_LINK 7

#define U0_LOOKUP_SYMLINK_FOLLOW 1
#define U0_O_CREAT 1
#define U0_O_DIRECTORY 2
#define U0_O_EXCL 4
#define U0_O_TRUNC 8
#define U0_FSTFLAGS_ATIM 1
#define U0_FSTFLAGS_MTIM 4

#define U0_RIGHT_FD_READ (1ULL << 1)
#define U0_RIGHT_FD_SEEK (1ULL << 2)
#define U0_RIGHT_FD_TELL (1ULL << 5)
#define U0_RIGHT_FD_WRITE (1ULL << 6)
#define U0_RIGHT_FD_READDIR (1ULL << 14)
#define U0_RIGHT_FD_FILESTAT_GET (1ULL << 21)
#define U0_RIGHT_FD_FILESTAT_SET_TIMES (1ULL << 23)
#define U0_RIGHT_POLL_FD_READWRITE (1ULL << 27)

#define U0_ESUCCESS 0
#define U0_EBADF 8
#define U0_EINVAL 28
#define U0_ENOENT 44

typedef struct {
    uint64_t dev;
    uint64_t ino;
    uint8_t filetype;
    uint32_t nlink; /* linkcount is u32 in snapshot 0 (u64 in preview1) */
    uint64_t size;
    uint64_t atim;
    uint64_t mtim;
    uint64_t ctim;
} u0_filestat_t;
_Static_assert(sizeof(u0_filestat_t) == 56, "snapshot 0 filestat is 56 bytes");
_Static_assert(offsetof(u0_filestat_t, nlink) == 20, "nlink at 20");
_Static_assert(offsetof(u0_filestat_t, size) == 24, "size at 24");
_Static_assert(offsetof(u0_filestat_t, ctim) == 48, "ctim at 48");

typedef struct {
    uint64_t identifier; /* only in snapshot 0 */
    uint32_t id;
    uint64_t timeout;
    uint64_t precision;
    uint16_t flags;
} u0_subscription_clock_t;

typedef struct {
    uint32_t file_descriptor;
} u0_subscription_fd_readwrite_t;

typedef struct {
    uint64_t userdata;
    uint8_t tag;
    union {
        u0_subscription_clock_t clock;
        u0_subscription_fd_readwrite_t fd_readwrite;
    } u;
} u0_subscription_t;
_Static_assert(sizeof(u0_subscription_t) == 56, "snapshot 0 subscription is 56 bytes");
_Static_assert(offsetof(u0_subscription_t, u.clock.id) == 24, "clock id at 24");
_Static_assert(offsetof(u0_subscription_t, u.clock.timeout) == 32, "clock timeout at 32");
_Static_assert(offsetof(u0_subscription_t, u.clock.flags) == 48, "clock flags at 48");
_Static_assert(offsetof(u0_subscription_t, u.fd_readwrite.file_descriptor) == 16, "fd at 16");

typedef struct {
    uint64_t userdata;
    uint16_t error;
    uint8_t type;
    struct {
        uint64_t nbytes;
        uint16_t flags;
    } fd_readwrite;
} u0_event_t;
_Static_assert(sizeof(u0_event_t) == 32, "event is 32 bytes");
_Static_assert(offsetof(u0_event_t, fd_readwrite.flags) == 24, "event flags at 24");

typedef struct {
    uint64_t d_next;
    uint64_t d_ino;
    uint32_t d_namlen;
    uint8_t d_type;
} u0_dirent_t;
_Static_assert(sizeof(u0_dirent_t) == 24, "dirent is 24 bytes");

typedef struct {
    uint8_t tag;
    uint32_t pr_name_len;
} u0_prestat_t;

typedef struct {
    uint8_t fs_filetype;
    uint16_t fs_flags;
    uint64_t fs_rights_base;
    uint64_t fs_rights_inheriting;
} u0_fdstat_t;
_Static_assert(sizeof(u0_fdstat_t) == 24, "fdstat is 24 bytes");

typedef struct {
    const void *buf;
    uint32_t buf_len;
} u0_ciovec_t;

typedef struct {
    void *buf;
    uint32_t buf_len;
} u0_iovec_t;

#define U0_IMPORT(name) __attribute__((import_module("wasi_unstable"), import_name(#name)))

U0_IMPORT(args_sizes_get) int u0_args_sizes_get(uint32_t *argc, uint32_t *argv_buf_size);
U0_IMPORT(args_get) int u0_args_get(uint8_t **argv, uint8_t *argv_buf);
U0_IMPORT(environ_sizes_get) int u0_environ_sizes_get(uint32_t *count, uint32_t *buf_size);
U0_IMPORT(environ_get) int u0_environ_get(uint8_t **environ, uint8_t *environ_buf);
U0_IMPORT(clock_res_get) int u0_clock_res_get(uint32_t id, uint64_t *resolution);
U0_IMPORT(clock_time_get) int u0_clock_time_get(uint32_t id, uint64_t precision, uint64_t *time);
U0_IMPORT(fd_close) int u0_fd_close(uint32_t fd);
U0_IMPORT(fd_fdstat_get) int u0_fd_fdstat_get(uint32_t fd, u0_fdstat_t *stat);
U0_IMPORT(fd_filestat_get) int u0_fd_filestat_get(uint32_t fd, u0_filestat_t *buf);
U0_IMPORT(fd_filestat_set_times)
int u0_fd_filestat_set_times(uint32_t fd, uint64_t atim, uint64_t mtim, uint32_t fst_flags);
U0_IMPORT(fd_prestat_get) int u0_fd_prestat_get(uint32_t fd, u0_prestat_t *buf);
U0_IMPORT(fd_prestat_dir_name) int u0_fd_prestat_dir_name(uint32_t fd, uint8_t *path, uint32_t path_len);
U0_IMPORT(fd_read) int u0_fd_read(uint32_t fd, const u0_iovec_t *iovs, uint32_t iovs_len, uint32_t *nread);
U0_IMPORT(fd_readdir)
int u0_fd_readdir(uint32_t fd, uint8_t *buf, uint32_t buf_len, uint64_t cookie, uint32_t *bufused);
U0_IMPORT(fd_seek) int u0_fd_seek(uint32_t fd, int64_t offset, uint32_t whence, uint64_t *newoffset);
U0_IMPORT(fd_tell) int u0_fd_tell(uint32_t fd, uint64_t *offset);
U0_IMPORT(fd_write) int u0_fd_write(uint32_t fd, const u0_ciovec_t *iovs, uint32_t iovs_len, uint32_t *nwritten);
U0_IMPORT(path_create_directory) int u0_path_create_directory(uint32_t fd, const char *path, uint32_t path_len);
U0_IMPORT(path_filestat_get)
int u0_path_filestat_get(uint32_t fd, uint32_t flags, const char *path, uint32_t path_len, u0_filestat_t *buf);
U0_IMPORT(path_link)
int u0_path_link(uint32_t old_fd, uint32_t old_flags, const char *old_path, uint32_t old_path_len, uint32_t new_fd,
                 const char *new_path, uint32_t new_path_len);
U0_IMPORT(path_open)
int u0_path_open(uint32_t fd, uint32_t dirflags, const char *path, uint32_t path_len, uint32_t oflags,
                 uint64_t rights_base, uint64_t rights_inheriting, uint32_t fdflags, uint32_t *opened);
U0_IMPORT(path_symlink)
int u0_path_symlink(const char *old_path, uint32_t old_path_len, uint32_t fd, const char *new_path,
                    uint32_t new_path_len);
U0_IMPORT(poll_oneoff)
int u0_poll_oneoff(const u0_subscription_t *in, u0_event_t *out, uint32_t nsubscriptions, uint32_t *nevents);
U0_IMPORT(proc_exit) _Noreturn void u0_proc_exit(uint32_t rval);
U0_IMPORT(random_get) int u0_random_get(uint8_t *buf, uint32_t buf_len);
U0_IMPORT(sched_yield) int u0_sched_yield(void);

#endif
