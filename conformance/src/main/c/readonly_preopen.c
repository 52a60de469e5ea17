/*
 * readonly_preopen: a read-only preopen holds against every call that could change what it holds.
 * "/ro" is the read-only preopen of the MemFS directory /data; "/sandbox" (fd 3) is /data/rw, a
 * writable directory inside it, so what the guest makes through /sandbox it sees through /ro/rw.
 *
 * /data after setup (made through /sandbox):
 *   rw/file.txt "original"   rw/dir/inner.txt "inner"   rw/empty/   rw/link -> file.txt
 *
 * Through /ro every change fails and changes nothing, as under Wasmtime for a preopen without
 * fs_mutable (DirPerms/FilePerms without MUTATE/WRITE): a change is EPERM, also an open for
 * writing (O_WRONLY, O_RDWR, any open asking for FD_WRITE), O_CREAT and O_TRUNC; a file opened
 * through /ro reads, and writing through it is EBADF, as a write to an O_RDONLY descriptor is.
 * The rights /ro reports and hands down are checked by the rights case; fd_allocate through /ro
 * (EBADF; Wasmtime 49 has no fd_allocate) by the escapes case, so that this transcript is Wasmtime's.
 */
#include <stdio.h>

#include "guest.h"

#define RO_FD 4

static const char original[] = "original";

static int ro_unchanged(void) {
    char buf[64];
    struct stat st;
    return get_file("/ro/rw/file.txt", buf, sizeof buf) == 8 && memcmp(buf, original, 8) == 0 &&
           get_file("/ro/rw/dir/inner.txt", buf, sizeof buf) == 5 && stat("/ro/rw/empty", &st) == 0 &&
           S_ISDIR(st.st_mode) && lstat("/ro/rw/link", &st) == 0 && S_ISLNK(st.st_mode) &&
           lstat("/ro/rw/new", &st) != 0 && lstat("/ro/rw/dir/new", &st) != 0;
}

static void setup(void) {
    CHECK_SYS("create file.txt", put_text("/sandbox/file.txt", original));
    CHECK_SYS("mkdir dir", mkdir("/sandbox/dir", 0755));
    CHECK_SYS("create dir/inner.txt", put_text("/sandbox/dir/inner.txt", "inner"));
    CHECK_SYS("mkdir empty", mkdir("/sandbox/empty", 0755));
    CHECK_SYS("symlink link -> file.txt", symlink("file.txt", "/sandbox/link"));
    CHECK_TRUE("the writes show through /ro", ro_unchanged());
}

static void reading(void) {
    char buf[64];
    CHECK_MEM("read through /ro", buf, get_file("/ro/rw/file.txt", buf, sizeof buf), original, 8);
    CHECK_MEM("read through a symlink in /ro", buf, get_file("/ro/rw/link", buf, sizeof buf), original, 8);
    ssize_t n = readlink("/ro/rw/link", buf, sizeof buf);
    CHECK_MEM("readlink in /ro", buf, n, "file.txt", 8);
    struct stat st;
    CHECK_SYS("stat in /ro", stat("/ro/rw/dir/inner.txt", &st));
    CHECK_INT("its size", st.st_size, 5);
    int fd = CHECK_SYS("open a directory in /ro", open("/ro/rw/dir", O_RDONLY | O_DIRECTORY));
    close(fd);
}

static void writing_files(void) {
    char buf[16];
    CHECK_ERRNO("open O_WRONLY in /ro", open("/ro/rw/file.txt", O_WRONLY), EPERM);
    CHECK_ERRNO("open O_RDWR in /ro", open("/ro/rw/file.txt", O_RDWR), EPERM);
    CHECK_ERRNO("open O_WRONLY of a missing file in /ro", open("/ro/rw/missing", O_WRONLY), EPERM);
    int fd = CHECK_SYS("open O_RDONLY in /ro", open("/ro/rw/file.txt", O_RDONLY));
    CHECK_ERRNO("write through O_RDONLY", write(fd, "x", 1), EBADF);
    CHECK_ERRNO("pwrite through O_RDONLY", pwrite(fd, "x", 1, 0), EBADF);
    CHECK_ERRNO("ftruncate through O_RDONLY", ftruncate(fd, 1), EPERM);
    __wasi_ciovec_t iov = {(const uint8_t *)"x", 1};
    __wasi_size_t n = 0;
    CHECK_WASI("raw fd_write", __wasi_fd_write(fd, &iov, 1, &n), __WASI_ERRNO_BADF);
    CHECK_WASI("raw fd_pwrite", __wasi_fd_pwrite(fd, &iov, 1, 0, &n), __WASI_ERRNO_BADF);
    CHECK_WASI("raw fd_filestat_set_size", __wasi_fd_filestat_set_size(fd, 0), __WASI_ERRNO_PERM);
    CHECK_WASI("raw fd_filestat_set_times", __wasi_fd_filestat_set_times(fd, 1, 1, __WASI_FSTFLAGS_MTIM),
               __WASI_ERRNO_PERM);
    CHECK_MEM("the file is unchanged", buf, pread(fd, buf, sizeof buf, 0), original, 8);
    close(fd);

    CHECK_ERRNO("O_TRUNC in /ro", open("/ro/rw/file.txt", O_RDONLY | O_TRUNC), EPERM);
    CHECK_ERRNO("O_WRONLY|O_TRUNC in /ro", open("/ro/rw/file.txt", O_WRONLY | O_TRUNC), EPERM);
    CHECK_ERRNO("O_CREAT of a new file in /ro", open("/ro/rw/new", O_WRONLY | O_CREAT, 0644), EPERM);
    CHECK_ERRNO("O_CREAT of an existing file in /ro", open("/ro/rw/file.txt", O_RDONLY | O_CREAT, 0644), EPERM);
    CHECK_ERRNO("O_CREAT|O_EXCL in /ro", open("/ro/rw/new", O_WRONLY | O_CREAT | O_EXCL, 0644), EPERM);
    CHECK_ERRNO("truncate() in /ro", truncate("/ro/rw/file.txt", 0), EPERM);
    struct timespec times[2] = {{1, 0}, {2, 0}};
    CHECK_ERRNO("utimensat in /ro", utimensat(AT_FDCWD, "/ro/rw/file.txt", times, 0), EPERM);
    CHECK_WASI("raw path_filestat_set_times in /ro",
               __wasi_path_filestat_set_times(RO_FD, 0, "rw/file.txt", 1, 1, __WASI_FSTFLAGS_MTIM),
               __WASI_ERRNO_PERM);
    CHECK_WASI("raw fd_filestat_set_times of /ro itself",
               __wasi_fd_filestat_set_times(RO_FD, 1, 1, __WASI_FSTFLAGS_MTIM), __WASI_ERRNO_PERM);
    CHECK_TRUE("/ro is unchanged", ro_unchanged());
}

static void changing_directories(void) {
    CHECK_ERRNO("mkdir in /ro", mkdir("/ro/rw/new", 0755), EPERM);
    CHECK_ERRNO("mkdir over an existing name in /ro", mkdir("/ro/rw/dir", 0755), EPERM);
    CHECK_ERRNO("rmdir in /ro", rmdir("/ro/rw/empty"), EPERM);
    CHECK_ERRNO("unlink in /ro", unlink("/ro/rw/file.txt"), EPERM);
    CHECK_ERRNO("unlink a symlink in /ro", unlink("/ro/rw/link"), EPERM);
    CHECK_ERRNO("symlink in /ro", symlink("file.txt", "/ro/rw/new"), EPERM);
    CHECK_ERRNO("link within /ro", link("/ro/rw/file.txt", "/ro/rw/new"), EPERM);
    CHECK_ERRNO("link from /ro into /sandbox", link("/ro/rw/file.txt", "/sandbox/new"), EPERM);
    CHECK_ERRNO("link from /sandbox into /ro", link("/sandbox/file.txt", "/ro/rw/new"), EPERM);
    CHECK_ERRNO("rename within /ro", rename("/ro/rw/file.txt", "/ro/rw/new"), EPERM);
    CHECK_ERRNO("rename out of /ro", rename("/ro/rw/file.txt", "/sandbox/new"), EPERM);
    CHECK_ERRNO("rename into /ro", rename("/sandbox/file.txt", "/ro/rw/new"), EPERM);
    CHECK_ERRNO("rename a directory out of /ro", rename("/ro/rw/dir", "/sandbox/moved"), EPERM);
    CHECK_ERRNO("rename over a file in /ro", rename("/sandbox/file.txt", "/ro/rw/file.txt"), EPERM);
    CHECK_TRUE("/ro is unchanged", ro_unchanged());
    CHECK_TRUE("/sandbox/new was not made", !exists("/sandbox/new") && !exists("/sandbox/moved"));
}

static void opened_through_it(void) {
    __wasi_fd_t dir = 0;
    CHECK_WASI("open rw as a directory through /ro",
               __wasi_path_open(RO_FD, 0, "rw", __WASI_OFLAGS_DIRECTORY, DIR_RIGHTS, ALL_RIGHTS, 0, &dir), 0);
    __wasi_fd_t f = 0;
    CHECK_WASI("O_CREAT through it", __wasi_path_open(dir, 0, "new", __WASI_OFLAGS_CREAT, ALL_RIGHTS, 0, 0, &f),
               __WASI_ERRNO_PERM);
    CHECK_WASI("open file.txt through it asking for every right",
               __wasi_path_open(dir, 0, "file.txt", 0, ALL_RIGHTS, ALL_RIGHTS, 0, &f), __WASI_ERRNO_PERM);
    CHECK_WASI("open file.txt through it to read",
               __wasi_path_open(dir, 0, "file.txt", 0, __WASI_RIGHTS_FD_READ, 0, 0, &f), 0);
    __wasi_ciovec_t iov = {(const uint8_t *)"x", 1};
    __wasi_size_t n = 0;
    CHECK_WASI("fd_write on it", __wasi_fd_write(f, &iov, 1, &n), __WASI_ERRNO_BADF);
    raw_close(f);
    CHECK_WASI("mkdir through it", __wasi_path_create_directory(dir, "new"), __WASI_ERRNO_PERM);
    CHECK_WASI("unlink through it", __wasi_path_unlink_file(dir, "file.txt"), __WASI_ERRNO_PERM);
    raw_close(dir);
    CHECK_TRUE("/ro is unchanged", ro_unchanged());
}

static void writable_beside_it(void) {
    CHECK_SYS("/sandbox stays writable", put_text("/sandbox/file.txt", "changed"));
    char buf[16];
    CHECK_MEM("and /ro shows the change", buf, get_file("/ro/rw/file.txt", buf, sizeof buf), "changed", 7);
}

int main(void) {
    check_begin("readonly_preopen");
    setup();
    reading();
    writing_files();
    changing_directories();
    opened_through_it();
    writable_beside_it();
    return check_done();
}
