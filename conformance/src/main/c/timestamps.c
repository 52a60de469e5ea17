/*
 * timestamps: fd_filestat_set_times / path_filestat_set_times with explicit times (read back to
 * the nanosecond), NOW and OMIT, invalid flag combinations, symlinks with and without FOLLOW,
 * and which operations move mtime. Only relations are asserted for times the host chooses
 * (nonzero, later than before), never absolute values.
 *
 * Where node:wasi (uvwasi) differs, Wasmtime's answer is expected: uvwasi drops the nanoseconds
 * of explicit times.
 */
#include <stdio.h>
#include <time.h>

#include "guest.h"

#define T1_SEC 1000000000LL
#define T1_NSEC 123456789LL
#define T2_SEC 1500000000LL
#define T2_NSEC 500000000LL
#define NS(sec, nsec) ((__wasi_timestamp_t)(sec) * 1000000000ULL + (__wasi_timestamp_t)(nsec))

/* 2020-01-01T00:00:00Z: any "now" the host picks is later. */
#define Y2020_NS NS(1577836800LL, 0)

static __wasi_filestat_t fstat_of(const char *path, __wasi_lookupflags_t lookup) {
    __wasi_filestat_t st;
    memset(&st, 0, sizeof st);
    (void)raw_stat(path, lookup, &st);
    return st;
}

static void explicit_times(void) {
    int fd = CHECK_SYS("create t.txt", open("/sandbox/t.txt", O_RDWR | O_CREAT | O_TRUNC, 0644));
    struct stat st;
    CHECK_SYS("fstat the new file", fstat(fd, &st));
    CHECK_TRUE("a new file has a nonzero atime", st.st_atim.tv_sec > 0);
    CHECK_TRUE("a new file has a nonzero mtime", st.st_mtim.tv_sec > 0);
    CHECK_TRUE("a new file has a nonzero ctime", st.st_ctim.tv_sec > 0);

    struct timespec times[2] = {{T1_SEC, T1_NSEC}, {T2_SEC, T2_NSEC}};
    CHECK_SYS("futimens to explicit times", futimens(fd, times));
    CHECK_SYS("fstat", fstat(fd, &st));
    CHECK_INT("atime seconds", st.st_atim.tv_sec, T1_SEC);
    CHECK_INT("atime nanoseconds", st.st_atim.tv_nsec, T1_NSEC);
    CHECK_INT("mtime seconds", st.st_mtim.tv_sec, T2_SEC);
    CHECK_INT("mtime nanoseconds", st.st_mtim.tv_nsec, T2_NSEC);

    // (wasi-libc's futimens/utimensat reject UTIME_NOW and UTIME_OMIT for the mtime with EINVAL,
    // a libc bug, so the mtime side of NOW is exercised through the raw call.)
    struct timespec omit[2] = {{0, UTIME_OMIT}, {T1_SEC, 7}};
    CHECK_SYS("futimens atime OMIT, mtime explicit", futimens(fd, omit));
    CHECK_SYS("fstat", fstat(fd, &st));
    CHECK_INT("OMIT kept atime seconds", st.st_atim.tv_sec, T1_SEC);
    CHECK_INT("OMIT kept atime nanoseconds", st.st_atim.tv_nsec, T1_NSEC);
    CHECK_INT("explicit mtime nanoseconds", st.st_mtim.tv_nsec, 7);
    struct timespec now[2] = {{0, UTIME_NOW}, {T2_SEC, T2_NSEC}};
    CHECK_SYS("futimens atime NOW, mtime explicit", futimens(fd, now));
    CHECK_SYS("fstat", fstat(fd, &st));
    CHECK_TRUE("NOW set atime to a current time", st.st_atim.tv_sec > 1577836800);
    CHECK_INT("explicit mtime seconds", st.st_mtim.tv_sec, T2_SEC);

    __wasi_filestat_t w;
    CHECK_WASI("raw fd_filestat_set_times MTIM_NOW",
               __wasi_fd_filestat_set_times(fd, 0, 0, __WASI_FSTFLAGS_MTIM_NOW), 0);
    CHECK_WASI("raw fd_filestat_get", __wasi_fd_filestat_get(fd, &w), 0);
    CHECK_TRUE("MTIM_NOW set mtim to a current time", w.mtim > Y2020_NS);
    CHECK_WASI("raw fd_filestat_set_times ATIM only",
               __wasi_fd_filestat_set_times(fd, NS(T2_SEC, 1), 0, __WASI_FSTFLAGS_ATIM), 0);
    CHECK_WASI("raw fd_filestat_get", __wasi_fd_filestat_get(fd, &w), 0);
    CHECK_INT("raw atim", w.atim, NS(T2_SEC, 1));
    CHECK_TRUE("raw mtim untouched (still current)", w.mtim > Y2020_NS);
    CHECK_WASI("raw fd_filestat_set_times with no flags", __wasi_fd_filestat_set_times(fd, 5, 5, 0), 0);
    CHECK_WASI("raw fd_filestat_get", __wasi_fd_filestat_get(fd, &w), 0);
    CHECK_INT("no flags change nothing", w.atim, NS(T2_SEC, 1));
    CHECK_WASI("ATIM together with ATIM_NOW",
               __wasi_fd_filestat_set_times(fd, 0, 0, __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_ATIM_NOW),
               __WASI_ERRNO_INVAL);
    CHECK_WASI("MTIM together with MTIM_NOW",
               __wasi_fd_filestat_set_times(fd, 0, 0, __WASI_FSTFLAGS_MTIM | __WASI_FSTFLAGS_MTIM_NOW),
               __WASI_ERRNO_INVAL);
    CHECK_WASI("raw fd_filestat_set_times both explicit",
               __wasi_fd_filestat_set_times(fd, NS(1, 2), NS(3, 4), __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_MTIM), 0);
    CHECK_WASI("raw fd_filestat_get", __wasi_fd_filestat_get(fd, &w), 0);
    CHECK_INT("tiny atim", w.atim, NS(1, 2));
    CHECK_INT("tiny mtim", w.mtim, NS(3, 4));
    close(fd);
}

static void path_times(void) {
    struct timespec times[2] = {{T2_SEC, T2_NSEC}, {T1_SEC, T1_NSEC}};
    CHECK_SYS("utimensat t.txt", utimensat(AT_FDCWD, "/sandbox/t.txt", times, 0));
    __wasi_filestat_t st = fstat_of("t.txt", 0);
    CHECK_INT("utimensat atim", st.atim, NS(T2_SEC, T2_NSEC));
    CHECK_INT("utimensat mtim", st.mtim, NS(T1_SEC, T1_NSEC));
    CHECK_ERRNO("utimensat a missing file", utimensat(AT_FDCWD, "/sandbox/missing", times, 0), ENOENT);

    CHECK_SYS("symlink ln -> t.txt", symlink("t.txt", "/sandbox/ln"));
    struct timespec other[2] = {{T1_SEC, 1}, {T1_SEC, 2}};
    CHECK_SYS("utimensat ln with AT_SYMLINK_NOFOLLOW", utimensat(AT_FDCWD, "/sandbox/ln", other, AT_SYMLINK_NOFOLLOW));
    st = fstat_of("ln", 0);
    CHECK_INT("the link's own mtim changed", st.mtim, NS(T1_SEC, 2));
    st = fstat_of("t.txt", 0);
    CHECK_INT("the target's mtim did not", st.mtim, NS(T1_SEC, T1_NSEC));
    CHECK_WASI("raw path_filestat_set_times ln with FOLLOW",
               __wasi_path_filestat_set_times(SANDBOX_FD, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "ln", NS(7, 0), NS(8, 0),
                                              __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_MTIM),
               0);
    st = fstat_of("t.txt", 0);
    CHECK_INT("FOLLOW set the target's atim", st.atim, NS(7, 0));
    CHECK_INT("FOLLOW set the target's mtim", st.mtim, NS(8, 0));
    st = fstat_of("ln", 0);
    CHECK_INT("FOLLOW left the link's mtim", st.mtim, NS(T1_SEC, 2));
    CHECK_WASI("raw path_filestat_set_times with ATIM|ATIM_NOW",
               __wasi_path_filestat_set_times(SANDBOX_FD, 0, "t.txt", 0, 0,
                                              __WASI_FSTFLAGS_ATIM | __WASI_FSTFLAGS_ATIM_NOW),
               __WASI_ERRNO_INVAL);

    CHECK_SYS("mkdir d", mkdir("/sandbox/d", 0755));
    int dfd = CHECK_SYS("open d", open("/sandbox/d", O_RDONLY | O_DIRECTORY));
    CHECK_SYS("futimens on a directory fd", futimens(dfd, times));
    st = fstat_of("d", 0);
    CHECK_INT("directory mtim", st.mtim, NS(T1_SEC, T1_NSEC));
    close(dfd);
    CHECK_ERRNO("futimens on stdout", futimens(1, times), EBADF);
}

static void what_moves_mtime(void) {
    struct timespec old[2] = {{T1_SEC, 0}, {T1_SEC, 0}};
    int fd = open("/sandbox/t.txt", O_RDWR);
    futimens(fd, old);
    char c;
    CHECK_INT("read a byte... of an empty file", read(fd, &c, 1), 0);
    __wasi_filestat_t st = fstat_of("t.txt", 0);
    CHECK_INT("reading does not move mtime", st.mtim, NS(T1_SEC, 0));
    CHECK_INT("write", write(fd, "data", 4), 4);
    st = fstat_of("t.txt", 0);
    CHECK_TRUE("write moves mtime forward", st.mtim > NS(T1_SEC, 0));
    CHECK_TRUE("ctime is current after the write", st.ctim > Y2020_NS);
    futimens(fd, old);
    CHECK_SYS("ftruncate", ftruncate(fd, 1));
    st = fstat_of("t.txt", 0);
    CHECK_TRUE("ftruncate moves mtime forward", st.mtim > NS(T1_SEC, 0));
    close(fd);

    CHECK_SYS("utimensat d to an old time", utimensat(AT_FDCWD, "/sandbox/d", old, 0));
    CHECK_SYS("create d/new.txt", put_text("/sandbox/d/new.txt", "n"));
    st = fstat_of("d", 0);
    CHECK_TRUE("creating an entry moves the directory's mtime", st.mtim > NS(T1_SEC, 0));
    CHECK_SYS("utimensat d to an old time again", utimensat(AT_FDCWD, "/sandbox/d", old, 0));
    CHECK_SYS("unlink d/new.txt", unlink("/sandbox/d/new.txt"));
    st = fstat_of("d", 0);
    CHECK_TRUE("removing an entry moves the directory's mtime", st.mtim > NS(T1_SEC, 0));
}

int main(void) {
    check_begin("timestamps");
    explicit_times();
    path_times();
    what_moves_mtime();
    return check_done();
}
