/*
 * paths_sandbox: the preopen (fd_prestat_*), path resolution one component at a time with . and ..,
 * and what may not leave the preopen or a directory fd: a .. above it or an absolute path.
 *
 * /sandbox after setup:
 *   a.txt "A"     sub/b.txt "B"     sub/deeper/c.txt "C"
 *
 * Escapes are ENOTCAPABLE, as issue 3 requires (Wasmtime 49 says EPERM; uvwasi agrees with the
 * issue). Elsewhere, where node:wasi (uvwasi) differs, Wasmtime's answer is expected: uvwasi
 * normalises ".." textually, so "missing/../a.txt", "a.txt/../a.txt",
 * "a.txt/." and even "../sandbox/a.txt" open there (ENOENT, ENOTDIR, ENOTDIR, ENOTCAPABLE); an empty
 * path is EINVAL (ENOENT); fd_prestat_dir_name into a short buffer is ENOBUFS (ENAMETOOLONG);
 * fd_prestat_get on a non-preopen is EINVAL (EBADF) and fd_prestat_dir_name EBADF (ENOTDIR).
 */
#include <stdio.h>

#include "guest.h"

#define READ_RIGHTS (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_SEEK | __WASI_RIGHTS_FD_FILESTAT_GET)

/* path_open imported directly so the path length can include a NUL byte. */
__attribute__((import_module("wasi_snapshot_preview1"), import_name("path_open"))) int32_t
raw_path_open_import(int32_t fd, int32_t dirflags, const char *path, int32_t path_len, int32_t oflags,
                     int64_t base, int64_t inheriting, int32_t fdflags, __wasi_fd_t *out);

/* Opens path below dir read-only and returns the errno; the fd is closed again. */
static int open_at(__wasi_fd_t dir, const char *path) {
    __wasi_fd_t fd;
    __wasi_errno_t e = __wasi_path_open(dir, 0, path, 0, READ_RIGHTS, READ_RIGHTS, 0, &fd);
    if (e == 0) {
        raw_close(fd);
    }
    return e;
}

/* Reads one byte of the file at path below the preopen, or returns '?' on failure. */
static int first_byte(const char *path) {
    __wasi_fd_t fd;
    if (raw_open(path, 0, 0, READ_RIGHTS, 0, &fd) != 0) {
        return '?';
    }
    char c = '?';
    __wasi_iovec_t iov = {.buf = (uint8_t *)&c, .buf_len = 1};
    __wasi_size_t n;
    (void)__wasi_fd_read(fd, &iov, 1, &n);
    raw_close(fd);
    return c;
}

static void prestat(void) {
    __wasi_prestat_t ps;
    CHECK_WASI("fd_prestat_get 3", __wasi_fd_prestat_get(SANDBOX_FD, &ps), 0);
    CHECK_INT("the preopen is a directory", ps.tag, __WASI_PREOPENTYPE_DIR);
    CHECK_INT("the preopen's name length", ps.u.dir.pr_name_len, 8);
    char name[16] = {0};
    CHECK_WASI("fd_prestat_dir_name 3", __wasi_fd_prestat_dir_name(SANDBOX_FD, (uint8_t *)name, 8), 0);
    CHECK_STR("the preopen's name", name, "/sandbox");
    CHECK_WASI("fd_prestat_dir_name into a short buffer", __wasi_fd_prestat_dir_name(SANDBOX_FD, (uint8_t *)name, 4),
               __WASI_ERRNO_NAMETOOLONG);
    CHECK_WASI("fd_prestat_get on stdout", __wasi_fd_prestat_get(1, &ps), __WASI_ERRNO_BADF);
    CHECK_WASI("fd_prestat_get past the last preopen", __wasi_fd_prestat_get(4, &ps), __WASI_ERRNO_BADF);
    __wasi_fd_t dir;
    CHECK_WASI("open sub as a directory", raw_open("sub", 0, __WASI_OFLAGS_DIRECTORY, DIR_RIGHTS, 0, &dir), 0);
    CHECK_WASI("fd_prestat_get on an opened directory", __wasi_fd_prestat_get(dir, &ps), __WASI_ERRNO_BADF);
    // Wasmtime answers ENOTDIR for a descriptor that is not a preopen (its "legacy" errno).
    CHECK_WASI("fd_prestat_dir_name on an opened directory", __wasi_fd_prestat_dir_name(dir, (uint8_t *)name, 8),
               __WASI_ERRNO_NOTDIR);
    raw_close(dir);
}

static void dots(void) {
    CHECK_INT("a.txt", first_byte("a.txt"), 'A');
    CHECK_INT("./a.txt", first_byte("./a.txt"), 'A');
    CHECK_INT("sub/../a.txt", first_byte("sub/../a.txt"), 'A');
    CHECK_INT("sub/./b.txt", first_byte("sub/./b.txt"), 'B');
    CHECK_INT("sub//b.txt (double slash)", first_byte("sub//b.txt"), 'B');
    CHECK_INT("sub/deeper/../../sub/deeper/c.txt", first_byte("sub/deeper/../../sub/deeper/c.txt"), 'C');
    CHECK_INT("./sub/.././sub/deeper/./c.txt", first_byte("./sub/.././sub/deeper/./c.txt"), 'C');
    CHECK_WASI("open . as a directory", open_at(SANDBOX_FD, "."), 0);
    CHECK_WASI("open sub/.. as a directory", open_at(SANDBOX_FD, "sub/.."), 0);
    CHECK_WASI("a missing directory before ..", open_at(SANDBOX_FD, "missing/../a.txt"), __WASI_ERRNO_NOENT);
    CHECK_WASI("a file before ..", open_at(SANDBOX_FD, "a.txt/../a.txt"), __WASI_ERRNO_NOTDIR);
    CHECK_WASI("a file before .", open_at(SANDBOX_FD, "a.txt/."), __WASI_ERRNO_NOTDIR);
    CHECK_WASI("an empty path", open_at(SANDBOX_FD, ""), __WASI_ERRNO_NOENT);
    __wasi_fd_t fd;
    CHECK_WASI("a path with a NUL byte", raw_path_open_import(SANDBOX_FD, 0, "a.txt\0x", 7, 0, READ_RIGHTS, 0, 0, &fd),
               __WASI_ERRNO_INVAL);
}

static void escapes(void) {
    // Leaving the preopen is ENOTCAPABLE, as issue 3 requires (Wasmtime 49 says EPERM, cap-std's
    // escape error).
    /* Wasmtime 49: EPERM; issue 3 requires ENOTCAPABLE */
    CHECK_WASI("open ..", open_at(SANDBOX_FD, ".."), __WASI_ERRNO_NOTCAPABLE);
    /* Wasmtime 49: EPERM; issue 3 requires ENOTCAPABLE */
    CHECK_WASI("open ../sandbox/a.txt", open_at(SANDBOX_FD, "../sandbox/a.txt"), __WASI_ERRNO_NOTCAPABLE);
    /* Wasmtime 49: EPERM; issue 3 requires ENOTCAPABLE */
    CHECK_WASI("open sub/../../a.txt", open_at(SANDBOX_FD, "sub/../../a.txt"), __WASI_ERRNO_NOTCAPABLE);
    /* Wasmtime 49: EPERM; issue 3 requires ENOTCAPABLE */
    CHECK_WASI("open sub/deeper/../../..", open_at(SANDBOX_FD, "sub/deeper/../../.."), __WASI_ERRNO_NOTCAPABLE);
    /* Wasmtime 49: EPERM; issue 3 requires ENOTCAPABLE */
    CHECK_WASI("open an absolute path /a.txt", open_at(SANDBOX_FD, "/a.txt"), __WASI_ERRNO_NOTCAPABLE);
    /* Wasmtime 49: EPERM; issue 3 requires ENOTCAPABLE */
    CHECK_WASI("open the absolute path /", open_at(SANDBOX_FD, "/"), __WASI_ERRNO_NOTCAPABLE);
    __wasi_filestat_t st;
    /* Wasmtime 49: EPERM; issue 3 requires ENOTCAPABLE */
    CHECK_WASI("path_filestat_get ..", raw_stat("..", 0, &st), __WASI_ERRNO_NOTCAPABLE);
    /* Wasmtime 49: EPERM; issue 3 requires ENOTCAPABLE */
    CHECK_WASI("path_create_directory ../x", __wasi_path_create_directory(SANDBOX_FD, "../x"), __WASI_ERRNO_NOTCAPABLE);
    /* Wasmtime 49: EPERM; issue 3 requires ENOTCAPABLE */
    CHECK_WASI("path_create_directory /x", __wasi_path_create_directory(SANDBOX_FD, "/x"), __WASI_ERRNO_NOTCAPABLE);
    /* Wasmtime 49: EPERM; issue 3 requires ENOTCAPABLE */
    CHECK_WASI("path_unlink_file ../a.txt", __wasi_path_unlink_file(SANDBOX_FD, "../a.txt"), __WASI_ERRNO_NOTCAPABLE);
    /* Wasmtime 49: EPERM; issue 3 requires ENOTCAPABLE */
    CHECK_WASI("path_rename a.txt -> ../a.txt", __wasi_path_rename(SANDBOX_FD, "a.txt", SANDBOX_FD, "../a.txt"),
               __WASI_ERRNO_NOTCAPABLE);
    /* Wasmtime 49: EPERM; issue 3 requires ENOTCAPABLE */
    CHECK_WASI("path_link a.txt -> /tmp/a.txt", __wasi_path_link(SANDBOX_FD, 0, "a.txt", SANDBOX_FD, "/tmp/a.txt"),
               __WASI_ERRNO_NOTCAPABLE);
    /* Wasmtime 49: EPERM; issue 3 requires ENOTCAPABLE */
    CHECK_WASI("path_symlink at ../l", __wasi_path_symlink("a.txt", SANDBOX_FD, "../l"), __WASI_ERRNO_NOTCAPABLE);
    CHECK_INT("escapes left a.txt alone", first_byte("a.txt"), 'A');

    // A directory fd is a capability of its own: .. may not climb out of it even inside the preopen.
    __wasi_fd_t sub;
    CHECK_WASI("open sub as a directory", raw_open("sub", 0, __WASI_OFLAGS_DIRECTORY, DIR_RIGHTS, 0, &sub), 0);
    CHECK_WASI("b.txt below the sub fd", open_at(sub, "b.txt"), 0);
    CHECK_WASI("deeper/../b.txt below the sub fd", open_at(sub, "deeper/../b.txt"), 0);
    /* Wasmtime 49: EPERM; issue 3 requires ENOTCAPABLE */
    CHECK_WASI(".. below the sub fd", open_at(sub, ".."), __WASI_ERRNO_NOTCAPABLE);
    /* Wasmtime 49: EPERM; issue 3 requires ENOTCAPABLE */
    CHECK_WASI("../a.txt below the sub fd", open_at(sub, "../a.txt"), __WASI_ERRNO_NOTCAPABLE);
    raw_close(sub);
}

static void libc_paths(void) {
    // wasi-libc maps an absolute path to the preopen whose name is its longest prefix and passes
    // the rest on; with no matching preopen it fails itself with ENOTCAPABLE.
    char buf[8];
    CHECK_MEM("open /sandbox/a.txt", buf, get_file("/sandbox/a.txt", buf, sizeof buf), "A", 1);
    CHECK_ERRNO("open /etc/passwd (no preopen)", open("/etc/passwd", O_RDONLY), ENOTCAPABLE);
    CHECK_ERRNO("open /sandboxx/a.txt (no preopen)", open("/sandboxx/a.txt", O_RDONLY), ENOTCAPABLE);
    /* Wasmtime 49: EPERM; issue 3 requires ENOTCAPABLE */
    CHECK_ERRNO("open /sandbox/../sandbox/a.txt", open("/sandbox/../sandbox/a.txt", O_RDONLY), ENOTCAPABLE);
    CHECK_MEM("open /sandbox/sub/../a.txt", buf, get_file("/sandbox/sub/../a.txt", buf, sizeof buf), "A", 1);
    CHECK_MEM("open //sandbox/./a.txt", buf, get_file("//sandbox/./a.txt", buf, sizeof buf), "A", 1);
    struct stat st;
    CHECK_ERRNO("stat /", stat("/", &st), ENOTCAPABLE);
    /* Wasmtime 49: EPERM; issue 3 requires ENOTCAPABLE */
    CHECK_ERRNO("mkdir /sandbox/../x", mkdir("/sandbox/../x", 0755), ENOTCAPABLE);
}

int main(void) {
    check_begin("paths_sandbox");
    CHECK_SYS("create a.txt", put_text("/sandbox/a.txt", "A"));
    CHECK_SYS("mkdir sub", mkdir("/sandbox/sub", 0755));
    CHECK_SYS("create sub/b.txt", put_text("/sandbox/sub/b.txt", "B"));
    CHECK_SYS("mkdir sub/deeper", mkdir("/sandbox/sub/deeper", 0755));
    CHECK_SYS("create sub/deeper/c.txt", put_text("/sandbox/sub/deeper/c.txt", "C"));
    prestat();
    dots();
    escapes();
    libc_paths();
    return check_done();
}
