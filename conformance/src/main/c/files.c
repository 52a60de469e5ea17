/*
 * files: open flags (O_CREAT, O_EXCL, O_TRUNC, O_APPEND, O_DIRECTORY, access modes), reading and
 * writing exact bytes, fstat/stat of regular files, and what is refused on the wrong kind of fd.
 *
 * /sandbox after setup:
 *   a.txt        "hello, world\n"
 *   dir/         (empty)
 */
#include <sys/uio.h>

#include "guest.h"

static void create_exclusive_and_truncate(void) {
    int fd = CHECK_SYS("open a.txt O_WRONLY|O_CREAT|O_EXCL",
                       open("/sandbox/a.txt", O_WRONLY | O_CREAT | O_EXCL, 0644));
    CHECK_INT("first opened fd is 4 (0-2 stdio, 3 preopen)", fd, 4);
    CHECK_INT("write 13 bytes", write(fd, "hello, world\n", 13), 13);
    struct stat st;
    CHECK_SYS("fstat a.txt", fstat(fd, &st));
    CHECK_INT("fstat size after write", st.st_size, 13);
    CHECK_TRUE("fstat says regular file", S_ISREG(st.st_mode));
    CHECK_INT("fstat nlink", st.st_nlink, 1);
    CHECK_SYS("close a.txt", close(fd));
    CHECK_ERRNO("close a.txt again", close(fd), EBADF);

    CHECK_ERRNO("open existing a.txt O_CREAT|O_EXCL", open("/sandbox/a.txt", O_WRONLY | O_CREAT | O_EXCL, 0644),
                EEXIST);
    fd = CHECK_SYS("open existing a.txt O_CREAT without O_EXCL", open("/sandbox/a.txt", O_RDONLY | O_CREAT, 0644));
    CHECK_SYS("fstat a.txt", fstat(fd, &st));
    CHECK_INT("O_CREAT on an existing file keeps its size", st.st_size, 13);
    close(fd);

    char buf[64];
    fd = CHECK_SYS("open a.txt O_RDONLY", open("/sandbox/a.txt", O_RDONLY));
    ssize_t n = read(fd, buf, sizeof buf);
    CHECK_MEM("read back exact bytes", buf, n, "hello, world\n", 13);
    CHECK_INT("read at end of file returns 0", read(fd, buf, sizeof buf), 0);
    CHECK_ERRNO("write on an O_RDONLY fd", write(fd, "x", 1), EBADF);
    close(fd);

    fd = CHECK_SYS("open a.txt O_WRONLY", open("/sandbox/a.txt", O_WRONLY));
    CHECK_ERRNO("read on an O_WRONLY fd", read(fd, buf, sizeof buf), EBADF);
    CHECK_INT("overwrite the first 5 bytes", write(fd, "HELLO", 5), 5);
    close(fd);
    CHECK_MEM("overwrite keeps the rest", buf, get_file("/sandbox/a.txt", buf, sizeof buf), "HELLO, world\n", 13);

    fd = CHECK_SYS("open a.txt O_RDWR|O_TRUNC", open("/sandbox/a.txt", O_RDWR | O_TRUNC));
    CHECK_SYS("fstat truncated a.txt", fstat(fd, &st));
    CHECK_INT("O_TRUNC empties the file", st.st_size, 0);
    CHECK_INT("write after truncate", write(fd, "hello, world\n", 13), 13);
    CHECK_INT("lseek back to 0", lseek(fd, 0, SEEK_SET), 0);
    n = read(fd, buf, sizeof buf);
    CHECK_MEM("O_RDWR reads back what it wrote", buf, n, "hello, world\n", 13);
    close(fd);
}

static void append_mode(void) {
    char buf[64];
    CHECK_SYS("create log.txt", put_text("/sandbox/log.txt", "abc"));
    int fd = CHECK_SYS("open log.txt O_WRONLY|O_APPEND", open("/sandbox/log.txt", O_WRONLY | O_APPEND));
    CHECK_INT("append write", write(fd, "def", 3), 3);
    CHECK_INT("seek to 0 on an append fd", lseek(fd, 0, SEEK_SET), 0);
    CHECK_INT("append write after seeking to 0", write(fd, "ghi", 3), 3);
    CHECK_INT("offset after an append write is the end", lseek(fd, 0, SEEK_CUR), 9);
    close(fd);
    CHECK_MEM("appends land at the end", buf, get_file("/sandbox/log.txt", buf, sizeof buf), "abcdefghi", 9);

    fd = CHECK_SYS("open log.txt O_RDWR|O_APPEND", open("/sandbox/log.txt", O_RDWR | O_APPEND));
    ssize_t n = read(fd, buf, 3);
    CHECK_MEM("an append fd reads from offset 0", buf, n, "abc", 3);
    CHECK_INT("append write from the middle", write(fd, "JKL", 3), 3);
    close(fd);
    CHECK_MEM("append from the middle still appends", buf, get_file("/sandbox/log.txt", buf, sizeof buf),
              "abcdefghiJKL", 12);
}

static void wrong_kinds(void) {
    CHECK_SYS("mkdir dir", mkdir("/sandbox/dir", 0755));
    CHECK_ERRNO("open missing file", open("/sandbox/missing.txt", O_RDONLY), ENOENT);
    CHECK_ERRNO("O_CREAT in a missing directory", open("/sandbox/nodir/x.txt", O_WRONLY | O_CREAT, 0644), ENOENT);
    CHECK_ERRNO("O_DIRECTORY on a regular file", open("/sandbox/a.txt", O_RDONLY | O_DIRECTORY), ENOTDIR);
    CHECK_ERRNO("a.txt/ (trailing slash on a file)", open("/sandbox/a.txt/", O_RDONLY), ENOTDIR);
    CHECK_ERRNO("a.txt/x (file as an intermediate component)", open("/sandbox/a.txt/x", O_RDONLY), ENOTDIR);
    CHECK_ERRNO("open a directory O_WRONLY", open("/sandbox/dir", O_WRONLY), EISDIR);
    CHECK_ERRNO("open a directory O_RDWR", open("/sandbox/dir", O_RDWR), EISDIR);
    CHECK_ERRNO("O_CREAT|O_EXCL on an existing directory", open("/sandbox/dir", O_WRONLY | O_CREAT | O_EXCL, 0644),
                EEXIST);

    int dfd = CHECK_SYS("open a directory O_RDONLY", open("/sandbox/dir", O_RDONLY));
    char buf[8];
    // Wasmtime's fd_read only accepts file descriptors, so a directory fd is EBADF (Linux says EISDIR).
    CHECK_ERRNO("read on a directory fd", read(dfd, buf, sizeof buf), EBADF);
    CHECK_ERRNO("write on a directory fd", write(dfd, "x", 1), EBADF);
    struct stat st;
    CHECK_SYS("fstat a directory fd", fstat(dfd, &st));
    CHECK_TRUE("fstat says directory", S_ISDIR(st.st_mode));
    close(dfd);
    dfd = CHECK_SYS("open dir/ O_RDONLY|O_DIRECTORY with a trailing slash",
                    open("/sandbox/dir/", O_RDONLY | O_DIRECTORY));
    close(dfd);
}

static void stat_identity(void) {
    struct stat a, b, c;
    int fd = open("/sandbox/a.txt", O_RDONLY);
    CHECK_SYS("fstat a.txt", fstat(fd, &a));
    CHECK_SYS("stat a.txt", stat("/sandbox/a.txt", &b));
    CHECK_SYS("stat log.txt", stat("/sandbox/log.txt", &c));
    close(fd);
    CHECK_TRUE("stat and fstat agree on the inode", a.st_ino == b.st_ino);
    CHECK_TRUE("stat and fstat agree on the device", a.st_dev == b.st_dev);
    CHECK_TRUE("two files have different inodes", a.st_ino != c.st_ino);
    CHECK_INT("stat size of a.txt", b.st_size, 13);
    CHECK_INT("stat size of log.txt", c.st_size, 12);
    CHECK_TRUE("a.txt has a nonzero mtime", b.st_mtim.tv_sec > 0);
}

static void fd_numbers(void) {
    int a = CHECK_SYS("open first", open("/sandbox/a.txt", O_RDONLY));
    int b = CHECK_SYS("open second", open("/sandbox/a.txt", O_RDONLY));
    int c = CHECK_SYS("open third", open("/sandbox/log.txt", O_RDONLY));
    CHECK_INT("fds are handed out in order: first", a, 4);
    CHECK_INT("fds are handed out in order: second", b, 5);
    CHECK_INT("fds are handed out in order: third", c, 6);
    CHECK_SYS("close the middle fd", close(b));
    int d = CHECK_SYS("open again", open("/sandbox/a.txt", O_RDONLY));
    CHECK_INT("a closed fd number is reused", d, 5);

    // fd_renumber moves c (log.txt) onto a, closing what a was.
    CHECK_WASI("fd_renumber third -> first", __wasi_fd_renumber(c, a), 0);
    CHECK_ERRNO("the old number is closed", close(c), EBADF);
    char buf[4];
    ssize_t n = read(a, buf, 3);
    CHECK_MEM("the target number now reads log.txt", buf, n, "abc", 3);
    CHECK_WASI("fd_renumber onto itself", __wasi_fd_renumber(a, a), 0);
    CHECK_WASI("fd_renumber to a closed number", __wasi_fd_renumber(a, 40), __WASI_ERRNO_BADF);
    CHECK_WASI("fd_renumber from a closed number", __wasi_fd_renumber(40, a), __WASI_ERRNO_BADF);
    n = read(a, buf, 3);
    CHECK_MEM("a failed renumber leaves the fd alone", buf, n, "def", 3);
    close(a);
    close(d);
}

static void large_file(void) {
    static unsigned char data[100000], back[100001];
    for (size_t i = 0; i < sizeof data; i++) {
        data[i] = (unsigned char)(i * 7 + i / 251);
    }
    int fd = CHECK_SYS("create big.bin", open("/sandbox/big.bin", O_RDWR | O_CREAT | O_TRUNC, 0644));
    size_t done = 0;
    while (done < sizeof data) {
        ssize_t n = write(fd, data + done, sizeof data - done);
        if (n <= 0) {
            break;
        }
        done += (size_t)n;
    }
    CHECK_INT("wrote 100000 bytes", done, sizeof data);
    struct stat st;
    fstat(fd, &st);
    CHECK_INT("size is 100000", st.st_size, sizeof data);
    close(fd);
    ssize_t n = get_file("/sandbox/big.bin", (char *)back, sizeof back);
    CHECK_MEM("100000 bytes read back exactly", back, n, data, sizeof data);
}

int main(void) {
    check_begin("files");
    create_exclusive_and_truncate();
    append_mode();
    wrong_kinds();
    stat_identity();
    fd_numbers();
    large_file();
    return check_done();
}
