/*
 * limits: the polyfill's resource limits, as this case's "limits" set them: at most 32 open
 * descriptors (EMFILE), 1 MiB in all files together (ENOSPC) and 256 KiB in one file (EFBIG).
 * A guest that opens or writes in a loop gets the errno, and can go on once it frees something.
 * Wasmtime has no such limits, so tools/run-wasmtime.py skips this case.
 */
#include <stdio.h>

#include "guest.h"

#define MAX_OPEN 32
#define MAX_BYTES (1024 * 1024)
#define MAX_FILE (256 * 1024)

static unsigned char chunk[64 * 1024];

static void open_descriptors(void) {
    int fds[MAX_OPEN];
    int opened = 0;
    int fd;
    CHECK_SYS("create f", put_text("/sandbox/f", "f"));
    while (opened < MAX_OPEN && (fd = open("/sandbox/f", O_RDONLY)) >= 0) {
        fds[opened++] = fd;
    }
    CHECK_INT("opens until fd 31 is taken (0-3 are stdio and /sandbox)", opened, MAX_OPEN - 4);
    CHECK_INT("the last fd is 31", fds[opened - 1], MAX_OPEN - 1);
    CHECK_ERRNO("the next open is EMFILE", open("/sandbox/f", O_RDONLY), EMFILE);
    CHECK_ERRNO("so is an O_CREAT open", open("/sandbox/g", O_WRONLY | O_CREAT, 0644), EMFILE);
    CHECK_ERRNO("and a directory open", open("/sandbox", O_RDONLY | O_DIRECTORY), EMFILE);
    CHECK_INT("the O_CREAT made nothing", exists("/sandbox/g"), 0);
    CHECK_SYS("close fd 10", close(fds[6]));
    fds[6] = CHECK_SYS("then an open works again", open("/sandbox/f", O_RDONLY));
    CHECK_INT("and takes fd 10", fds[6], 10);
    CHECK_SYS("renumber fd 11 onto fd 12", __wasi_fd_renumber(fds[7], fds[8]) == 0 ? 0 : -1);
    int again = CHECK_SYS("fd 11 is free again", open("/sandbox/f", O_RDONLY));
    CHECK_INT("and is reused", again, 11);
    fds[7] = again;
    for (int i = 0; i < opened; i++) {
        close(fds[i]);
    }
    fd = CHECK_SYS("all closed, an open works", open("/sandbox/f", O_RDONLY));
    CHECK_INT("at fd 4", fd, 4);
    close(fd);
}

static void file_size(void) {
    int fd = CHECK_SYS("create big", open("/sandbox/big", O_RDWR | O_CREAT | O_TRUNC, 0644));
    int written = 0;
    while (write(fd, chunk, sizeof chunk) == (ssize_t)sizeof chunk) {
        written++;
    }
    CHECK_INT("errno after the last write", errno, EFBIG);
    CHECK_INT("four 64 KiB writes fit in 256 KiB", written, 4);
    CHECK_ERRNO("one byte more is EFBIG", write(fd, "x", 1), EFBIG);
    CHECK_ERRNO("pwrite at the limit", pwrite(fd, "x", 1, MAX_FILE), EFBIG);
    CHECK_INT("a pwrite that ends at the limit", pwrite(fd, "x", 1, MAX_FILE - 1), 1);
    CHECK_ERRNO("ftruncate past the limit", ftruncate(fd, MAX_FILE + 1), EFBIG);
    CHECK_INT("posix_fallocate past the limit", posix_fallocate(fd, 1, MAX_FILE), EFBIG);
    CHECK_SYS("ftruncate to 100", ftruncate(fd, 100));
    CHECK_INT("then a write fits again", pwrite(fd, chunk, sizeof chunk, 100), (int)sizeof chunk);
    close(fd);
    CHECK_SYS("unlink big", unlink("/sandbox/big"));
}

static void total_bytes(void) {
    char path[32];
    int files = 0;
    for (;;) {
        snprintf(path, sizeof path, "/sandbox/fill%d", files);
        int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0) {
            break;
        }
        int ok = write(fd, chunk, sizeof chunk) == (ssize_t)sizeof chunk;
        int saved = errno;
        close(fd);
        if (!ok) {
            errno = saved;
            break;
        }
        files++;
    }
    CHECK_INT("the write that does not fit is ENOSPC", errno, ENOSPC);
    /* 1 byte in f: fifteen 64 KiB files fit beside it, the sixteenth does not. */
    CHECK_INT("fifteen 64 KiB files fit", files, 15);
    struct stat st;
    CHECK_SYS("stat the file that did not fit", stat(path, &st));
    CHECK_INT("nothing of the refused write was kept", st.st_size, 0);
    int fd = CHECK_SYS("open it", open(path, O_RDWR));
    CHECK_ERRNO("ftruncate past the budget", ftruncate(fd, 65536), ENOSPC);
    CHECK_INT("posix_fallocate past the budget", posix_fallocate(fd, 0, 65536), ENOSPC);
    CHECK_INT("65535 bytes still fit", write(fd, chunk, 65535), 65535);
    CHECK_ERRNO("one more does not", write(fd, "x", 1), ENOSPC);
    close(fd);

    CHECK_SYS("unlink fill0", unlink("/sandbox/fill0"));
    CHECK_SYS("a 64 KiB file fits again", put_file("/sandbox/again", chunk, sizeof chunk));
    fd = CHECK_SYS("open fill1", open("/sandbox/fill1", O_RDONLY));
    CHECK_SYS("unlink fill1 while it is open", unlink("/sandbox/fill1"));
    CHECK_ERRNO("its bytes are still held", put_file("/sandbox/more", chunk, sizeof chunk), ENOSPC);
    char c = 1;
    CHECK_INT("and still readable", pread(fd, &c, 1, 0), 1);
    CHECK_SYS("close it", close(fd));
    CHECK_SYS("then they are free", put_file("/sandbox/more", chunk, sizeof chunk));
    CHECK_SYS("rename over fill2 frees fill2", rename("/sandbox/more", "/sandbox/fill2"));
    CHECK_SYS("so a 64 KiB file fits again", put_file("/sandbox/more2", chunk, sizeof chunk));
    CHECK_ERRNO("and the budget is full again", put_file("/sandbox/more3", chunk, sizeof chunk), ENOSPC);
}

int main(void) {
    check_begin("limits");
    memset(chunk, 'c', sizeof chunk);
    open_descriptors();
    file_size();
    total_bytes();
    return check_done();
}
