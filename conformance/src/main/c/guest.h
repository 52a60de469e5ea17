/*
 * guest.h: small helpers shared by the conformance guests (file setup, raw WASI shorthands).
 * Every case runs with the single preopen "/sandbox" (an empty directory) at fd 3.
 */
#ifndef CONFORMANCE_GUEST_H
#define CONFORMANCE_GUEST_H

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wasi/api.h>

#include "check.h"

/* fd of the "/sandbox" preopen: stdio takes 0-2, the first preopen gets 3. */
#define SANDBOX_FD 3

/* A fd number nothing in the guests ever opens. */
#define BAD_FD 77

/* Writes len bytes to path (created or truncated). Returns 0, or -1 with errno. */
static inline int put_file(const char *path, const void *data, size_t len) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        return -1;
    }
    ssize_t n = write(fd, data, len);
    int saved = errno;
    close(fd);
    if (n != (ssize_t)len) {
        errno = n < 0 ? saved : EIO;
        return -1;
    }
    return 0;
}

static inline int put_text(const char *path, const char *text) {
    return put_file(path, text, strlen(text));
}

/* Reads at most cap - 1 bytes of path into buf and NUL-terminates. Returns the byte count or -1. */
static inline ssize_t get_file(const char *path, char *buf, size_t cap) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        return -1;
    }
    size_t total = 0;
    while (total + 1 < cap) {
        ssize_t n = read(fd, buf + total, cap - 1 - total);
        if (n < 0) {
            int saved = errno;
            close(fd);
            errno = saved;
            return -1;
        }
        if (n == 0) {
            break;
        }
        total += (size_t)n;
    }
    buf[total] = 0;
    close(fd);
    return (ssize_t)total;
}

/* Every right defined by wasi_snapshot_preview1 (bits 0-29). */
#define ALL_RIGHTS ((__wasi_rights_t)0x3fffffff)

/* Rights a guest asks for when it opens a directory to work below it (including the rights of
 * the files it then opens there, as inheriting rights). */
#define DIR_RIGHTS                                                                                      \
    (__WASI_RIGHTS_PATH_CREATE_DIRECTORY | __WASI_RIGHTS_PATH_CREATE_FILE | __WASI_RIGHTS_PATH_LINK_SOURCE | \
     __WASI_RIGHTS_PATH_LINK_TARGET | __WASI_RIGHTS_PATH_OPEN | __WASI_RIGHTS_FD_READDIR |                  \
     __WASI_RIGHTS_PATH_READLINK | __WASI_RIGHTS_PATH_RENAME_SOURCE | __WASI_RIGHTS_PATH_RENAME_TARGET |    \
     __WASI_RIGHTS_PATH_SYMLINK | __WASI_RIGHTS_PATH_REMOVE_DIRECTORY | __WASI_RIGHTS_PATH_UNLINK_FILE |    \
     __WASI_RIGHTS_PATH_FILESTAT_GET | __WASI_RIGHTS_PATH_FILESTAT_SET_TIMES | __WASI_RIGHTS_FD_FILESTAT_GET | \
     __WASI_RIGHTS_FD_FILESTAT_SET_TIMES | __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_SEEK)

/* Raw path_open relative to the preopen, asking for base rights (also as inheriting rights);
 * returns the WASI errno and stores the fd. */
static inline __wasi_errno_t raw_open(const char *path, __wasi_lookupflags_t lookup, __wasi_oflags_t oflags,
                                      __wasi_rights_t base, __wasi_fdflags_t fdflags, __wasi_fd_t *fd) {
    return __wasi_path_open(SANDBOX_FD, lookup, path, oflags, base, base, fdflags, fd);
}

/* Closes a fd obtained from a raw call when the result does not matter. */
static inline void raw_close(__wasi_fd_t fd) {
    (void)__wasi_fd_close(fd);
}

/* Raw path_filestat_get relative to the preopen. */
static inline __wasi_errno_t raw_stat(const char *path, __wasi_lookupflags_t lookup, __wasi_filestat_t *st) {
    return __wasi_path_filestat_get(SANDBOX_FD, lookup, path, st);
}

/* What a raw stat would say about path: its filetype, or 0xff when it does not exist. */
static inline int filetype_of(const char *path) {
    __wasi_filestat_t st;
    return raw_stat(path, 0, &st) == 0 ? st.filetype : 0xff;
}

static inline int exists(const char *path) {
    struct stat st;
    return lstat(path, &st) == 0;
}

/* Buffer of descriptions for checks whose text is built at run time. */
static char what_buf[256];
#define WHAT(...) (snprintf(what_buf, sizeof what_buf, __VA_ARGS__), what_buf)

#endif
