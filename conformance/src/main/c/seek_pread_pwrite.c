/*
 * seek_pread_pwrite: fd_seek/fd_tell, positional I/O, vectored I/O, and growing a file past its end
 * (seek+write, ftruncate) which must read back as zeros.
 *
 * /sandbox:
 *   digits.txt   "0123456789", then grown and shrunk below
 *
 * Where node:wasi (uvwasi) differs, Wasmtime's answer is expected: uvwasi allows fd_seek/fd_tell/
 * fd_pread/fd_pwrite on stdio that is a regular file (Wasmtime: ESPIPE always) and says ENOTCAPABLE
 * for fd_seek on a directory (EBADF).
 *
 * Issue 3 requires, unlike Wasmtime 49, that fd_allocate extends a file with zeros (Wasmtime:
 * ENOTSUP) and that vectored I/O uses every iovec (Wasmtime: only the first non-empty one per call).
 */
#include <stdio.h>
#include <sys/uio.h>

#include "guest.h"

static int all_zero(const char *buf, size_t from, size_t to) {
    for (size_t i = from; i < to; i++) {
        if (buf[i] != 0) {
            return 0;
        }
    }
    return 1;
}

static long long tell(int fd) {
    __wasi_filesize_t pos = 0;
    __wasi_errno_t e = __wasi_fd_tell(fd, &pos);
    return e == 0 ? (long long)pos : -1000 - e;
}

static void seeking(int fd) {
    char buf[16];
    CHECK_INT("lseek SEEK_SET 3", lseek(fd, 3, SEEK_SET), 3);
    CHECK_MEM("read 2 at offset 3", buf, read(fd, buf, 2), "34", 2);
    CHECK_INT("fd_tell after reading", tell(fd), 5);
    CHECK_INT("lseek SEEK_CUR +2", lseek(fd, 2, SEEK_CUR), 7);
    CHECK_MEM("read the rest", buf, read(fd, buf, sizeof buf), "789", 3);
    CHECK_INT("lseek SEEK_CUR -4", lseek(fd, -4, SEEK_CUR), 6);
    CHECK_INT("lseek SEEK_END 0", lseek(fd, 0, SEEK_END), 10);
    CHECK_INT("lseek SEEK_END -3", lseek(fd, -3, SEEK_END), 7);
    CHECK_MEM("read after SEEK_END -3", buf, read(fd, buf, sizeof buf), "789", 3);

    CHECK_ERRNO("lseek SEEK_SET -1", lseek(fd, -1, SEEK_SET), EINVAL);
    CHECK_ERRNO("lseek SEEK_CUR to before 0", lseek(fd, -100, SEEK_CUR), EINVAL);
    CHECK_ERRNO("lseek SEEK_END to before 0", lseek(fd, -11, SEEK_END), EINVAL);
    // (An unknown whence is not checked: Wasmtime traps on the invalid enum value instead of EINVAL.)
    CHECK_INT("failed seeks leave the offset alone", tell(fd), 10);
    CHECK_INT("lseek to 2^40", lseek(fd, 1LL << 40, SEEK_SET), 1LL << 40);
    CHECK_INT("read far past the end returns 0", read(fd, buf, sizeof buf), 0);
    CHECK_INT("lseek SEEK_CUR from 2^40", lseek(fd, -((1LL << 40) - 1), SEEK_CUR), 1);

    __wasi_filesize_t pos = 99;
    CHECK_WASI("raw fd_seek SEEK_CUR 0", __wasi_fd_seek(fd, 0, __WASI_WHENCE_CUR, &pos), 0);
    CHECK_INT("raw fd_seek returns the offset", pos, 1);
    CHECK_WASI("raw fd_seek to a negative offset", __wasi_fd_seek(fd, -5, __WASI_WHENCE_CUR, &pos),
               __WASI_ERRNO_INVAL);
    CHECK_WASI("raw fd_seek on stdout", __wasi_fd_seek(1, 0, __WASI_WHENCE_CUR, &pos), __WASI_ERRNO_SPIPE);
    CHECK_WASI("raw fd_tell on stdin", __wasi_fd_tell(0, &pos), __WASI_ERRNO_SPIPE);
    CHECK_ERRNO("lseek on stderr", lseek(2, 0, SEEK_CUR), ESPIPE);
    // Wasmtime only seeks file descriptors: a directory is EBADF.
    CHECK_WASI("raw fd_seek on the preopened directory", __wasi_fd_seek(SANDBOX_FD, 0, __WASI_WHENCE_CUR, &pos),
               __WASI_ERRNO_BADF);
}

static void growing(int fd) {
    char buf[64];
    struct stat st;
    CHECK_INT("seek 10 past the end", lseek(fd, 20, SEEK_SET), 20);
    CHECK_INT("write at offset 20", write(fd, "X", 1), 1);
    fstat(fd, &st);
    CHECK_INT("size after writing past the end", st.st_size, 21);
    ssize_t n = pread(fd, buf, sizeof buf, 0);
    CHECK_INT("pread the whole grown file", n, 21);
    CHECK_MEM("old bytes survive growth", buf, 10, "0123456789", 10);
    CHECK_TRUE("the gap 10..20 reads as zeros", all_zero(buf, 10, 20));
    CHECK_INT("the written byte is at offset 20", buf[20], 'X');

    CHECK_SYS("ftruncate to 30", ftruncate(fd, 30));
    fstat(fd, &st);
    CHECK_INT("size after growing ftruncate", st.st_size, 30);
    n = pread(fd, buf, sizeof buf, 0);
    CHECK_INT("pread after growing ftruncate", n, 30);
    CHECK_TRUE("ftruncate growth 21..30 reads as zeros", all_zero(buf, 21, 30));
    CHECK_INT("ftruncate leaves the offset alone", tell(fd), 21);

    CHECK_SYS("ftruncate to 5", ftruncate(fd, 5));
    fstat(fd, &st);
    CHECK_INT("size after shrinking ftruncate", st.st_size, 5);
    CHECK_INT("read at an offset past the new end", read(fd, buf, sizeof buf), 0);
    CHECK_SYS("ftruncate to 8", ftruncate(fd, 8));
    n = pread(fd, buf, sizeof buf, 0);
    CHECK_MEM("bytes cut off by a shrink come back as zeros", buf, n, "01234\0\0\0", 8);
    CHECK_ERRNO("ftruncate to a negative size", ftruncate(fd, -1), EINVAL);

    /* Wasmtime 49: ENOTSUP; issue 3 requires fd_allocate to work */
    CHECK_WASI("posix_fallocate", posix_fallocate(fd, 0, 100), 0);
    fstat(fd, &st);
    /* Wasmtime 49: size 8 (refused); issue 3 requires fd_allocate to extend the file */
    CHECK_INT("fallocate extends the file to 100", st.st_size, 100);
    ftruncate(fd, 8); /* back to 8 bytes for positional() */
}

static void positional(int fd) {
    char buf[64];
    CHECK_INT("lseek to 1", lseek(fd, 1, SEEK_SET), 1);
    CHECK_MEM("pread 4 at offset 2", buf, pread(fd, buf, 4, 2), "234\0", 4);
    CHECK_INT("pread does not move the offset", tell(fd), 1);
    CHECK_INT("pread at the end returns 0", pread(fd, buf, 4, 8), 0);
    CHECK_INT("pread past the end returns 0", pread(fd, buf, 4, 1000), 0);
    CHECK_ERRNO("pread at a negative offset", pread(fd, buf, 4, -1), EINVAL);
    CHECK_INT("pwrite 2 at offset 5", pwrite(fd, "ab", 2, 5), 2);
    CHECK_INT("pwrite does not move the offset", tell(fd), 1);
    CHECK_INT("pwrite at offset 12 (past the end)", pwrite(fd, "Z", 1, 12), 1);
    ssize_t n = pread(fd, buf, sizeof buf, 0);
    CHECK_MEM("pwrite results read back", buf, n, "01234ab\0\0\0\0\0Z", 13);
    CHECK_ERRNO("pwrite at a negative offset", pwrite(fd, "x", 1, -1), EINVAL);

    __wasi_iovec_t iov = {.buf = (uint8_t *)buf, .buf_len = 3};
    __wasi_size_t nread = 0;
    CHECK_WASI("raw fd_pread at offset 4", __wasi_fd_pread(fd, &iov, 1, 4, &nread), 0);
    CHECK_MEM("raw fd_pread bytes", buf, nread, "4ab", 3);
    CHECK_WASI("raw fd_pread on stdin", __wasi_fd_pread(0, &iov, 1, 0, &nread), __WASI_ERRNO_SPIPE);
    __wasi_ciovec_t ciov = {.buf = (const uint8_t *)"q", .buf_len = 1};
    __wasi_size_t nwritten = 0;
    CHECK_WASI("raw fd_pwrite on stdout", __wasi_fd_pwrite(1, &ciov, 1, 0, &nwritten), __WASI_ERRNO_SPIPE);
}

static void append_pwrite(void) {
    char buf[32];
    put_text("/sandbox/app.txt", "1234");
    int fd = CHECK_SYS("open app.txt O_RDWR|O_APPEND", open("/sandbox/app.txt", O_RDWR | O_APPEND));
    // fdflags APPEND also governs pwrite: Wasmtime follows Linux and ignores the offset.
    CHECK_INT("pwrite at offset 0 on an append fd", pwrite(fd, "ab", 2, 0), 2);
    close(fd);
    CHECK_MEM("pwrite on an append fd appended", buf, get_file("/sandbox/app.txt", buf, sizeof buf), "1234ab", 6);

    fd = CHECK_SYS("open app.txt O_RDONLY", open("/sandbox/app.txt", O_RDONLY));
    CHECK_ERRNO("pwrite on a read-only fd", pwrite(fd, "x", 1, 0), EBADF);
    close(fd);
    fd = CHECK_SYS("open app.txt O_WRONLY", open("/sandbox/app.txt", O_WRONLY));
    CHECK_ERRNO("pread on a write-only fd", pread(fd, buf, 1, 0), EBADF);
    close(fd);
}

static void vectored(void) {
    char out[32];
    int fd = CHECK_SYS("create vec.txt", open("/sandbox/vec.txt", O_RDWR | O_CREAT | O_TRUNC, 0644));
    struct iovec w[16];
    const char *parts[16] = {"", "ab", "", "cde", "", "", "f", "gh", "", "ijk", "l", "", "mn", "", "o", ""};
    for (int i = 0; i < 16; i++) {
        w[i].iov_base = (void *)parts[i];
        w[i].iov_len = strlen(parts[i]);
    }
    // A short write is still legal, so a caller loops, as stdio does.
    ssize_t n = writev(fd, w, 16);
    /* Wasmtime 49: 2 (first non-empty iovec only); issue 3 requires every iovec */
    CHECK_INT("writev of 16 iovecs writes every iovec", n, 15);
    size_t total = 0;
    int start = 0;
    while (n > 0) {
        total += (size_t)n;
        // Skip the iovecs that were fully written.
        while (start < 16 && n >= (ssize_t)w[start].iov_len) {
            n -= (ssize_t)w[start].iov_len;
            start++;
        }
        if (start >= 16) {
            break;
        }
        n = writev(fd, w + start, 16 - start);
    }
    CHECK_INT("looping writev writes all 15 bytes", total, 15);
    CHECK_INT("writev with only zero-length iovecs", writev(fd, w, 1), 0);
    CHECK_INT("writev with no iovecs", writev(fd, w, 0), 0);
    CHECK_MEM("vectored writes read back in order", out, pread(fd, out, sizeof out, 0), "abcdefghijklmno", 15);

    char a[4], b[5], c[8];
    struct iovec r[4] = {{a, 0}, {a, 4}, {b, 5}, {c, 8}};
    CHECK_INT("lseek to 0", lseek(fd, 0, SEEK_SET), 0);
    /* Wasmtime 49: 4 (first non-empty iovec only); issue 3 requires every iovec, up to end of file */
    CHECK_INT("readv fills every iovec up to the end of the file", readv(fd, r, 4), 15);
    CHECK_MEM("readv bytes", a, 4, "abcd", 4);
    /* Wasmtime 49: 5 (the next iovec); issue 3 requires every iovec, so the first readv reached the end */
    CHECK_INT("readv at the end of the file reads 0", readv(fd, r + 2, 2), 0);
    CHECK_MEM("readv second bytes", b, 5, "efghi", 5);
    CHECK_INT("readv with only zero-length iovecs", readv(fd, r, 1), 0);
    /* Wasmtime 49: 9; issue 3 requires every iovec, so the offset is at the end, 15 */
    CHECK_INT("zero-length read does not move the offset", lseek(fd, 0, SEEK_CUR), 15);
    __wasi_size_t nread = 77;
    CHECK_WASI("raw fd_read with no iovecs", __wasi_fd_read(fd, NULL, 0, &nread), 0);
    CHECK_INT("raw fd_read with no iovecs reads 0", nread, 0);
    close(fd);
}

static void stdio_file(void) {
    FILE *f = fopen("/sandbox/stream.txt", "w+");
    CHECK_TRUE("fopen w+", f != NULL);
    CHECK_INT("fputs", fputs("line one\nline two\n", f) >= 0, 1);
    CHECK_INT("ftell after writing 18 bytes", ftell(f), 18);
    CHECK_INT("fseek to 5", fseek(f, 5, SEEK_SET), 0);
    char buf[32];
    CHECK_STR("fgets from offset 5", fgets(buf, sizeof buf, f), "one\n");
    CHECK_INT("ftell after fgets", ftell(f), 9);
    CHECK_INT("fseek SEEK_END", fseek(f, 0, SEEK_END), 0);
    CHECK_INT("ftell at the end", ftell(f), 18);
    CHECK_INT("fclose", fclose(f), 0);
}

int main(void) {
    check_begin("seek_pread_pwrite");
    int fd = CHECK_SYS("create digits.txt", open("/sandbox/digits.txt", O_RDWR | O_CREAT | O_TRUNC, 0644));
    CHECK_INT("write 10 digits", write(fd, "0123456789", 10), 10);
    CHECK_INT("offset after writing", tell(fd), 10);
    seeking(fd);
    growing(fd);
    positional(fd);
    close(fd);
    append_pwrite();
    vectored();
    stdio_file();
    return check_done();
}
