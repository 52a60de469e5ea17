/*
 * unstable_mixed: one module importing both wasi_snapshot_preview1 (through wasi-libc) and
 * wasi_unstable (declared in snapshot0.h). Both namespaces act on the same process: a descriptor
 * opened through one is usable through the other, and they share its offset. Each snapshot-0
 * struct read here is compared field by field with libc's (preview1) view of the same file.
 */
#include <stdio.h>

#include "guest.h"
#include "../unstable/snapshot0.h"

#define P(s) (s), (uint32_t)(sizeof(s) - 1)

static void same_file_through_both(void) {
    CHECK_SYS("put_text /sandbox/a.txt", put_text("/sandbox/a.txt", "abcdefgh"));
    CHECK_SYS("link a.txt b.txt", link("/sandbox/a.txt", "/sandbox/b.txt"));
    int fd = open("/sandbox/a.txt", O_RDWR);
    CHECK_TRUE("libc open a.txt", fd >= 0);

    struct stat st;
    CHECK_SYS("libc fstat", fstat(fd, &st));
    u0_filestat_t u;
    memset(&u, 0xaa, sizeof u);
    CHECK_WASI("wasi_unstable fd_filestat_get of libc's fd", u0_fd_filestat_get((uint32_t)fd, &u), 0);
    CHECK_TRUE("  dev as fstat", u.dev == st.st_dev);
    CHECK_TRUE("  ino as fstat", u.ino == st.st_ino);
    CHECK_INT("  filetype REGULAR_FILE", u.filetype, U0_FILETYPE_REGULAR_FILE);
    CHECK_INT("  nlink as fstat (2)", u.nlink, st.st_nlink);
    CHECK_INT("  size as fstat (8)", u.size, st.st_size);
    CHECK_TRUE("  atim as fstat", u.atim == (uint64_t)st.st_atim.tv_sec * 1000000000ULL + (uint64_t)st.st_atim.tv_nsec);
    CHECK_TRUE("  mtim as fstat", u.mtim == (uint64_t)st.st_mtim.tv_sec * 1000000000ULL + (uint64_t)st.st_mtim.tv_nsec);
    CHECK_TRUE("  ctim as fstat", u.ctim == (uint64_t)st.st_ctim.tv_sec * 1000000000ULL + (uint64_t)st.st_ctim.tv_nsec);

    struct stat pst;
    CHECK_SYS("libc stat b.txt", stat("/sandbox/b.txt", &pst));
    memset(&u, 0xaa, sizeof u);
    CHECK_WASI("wasi_unstable path_filestat_get b.txt", u0_path_filestat_get(SANDBOX_FD, 0, P("b.txt"), &u), 0);
    CHECK_TRUE("  ino as stat", u.ino == pst.st_ino);
    CHECK_INT("  nlink as stat", u.nlink, pst.st_nlink);
    CHECK_INT("  size as stat", u.size, pst.st_size);

    uint64_t at = 0xdead;
    CHECK_INT("libc lseek 6 SEEK_SET", lseek(fd, 6, SEEK_SET), 6);
    CHECK_WASI("wasi_unstable fd_seek -2 CUR", u0_fd_seek((uint32_t)fd, -2, U0_WHENCE_CUR, &at), 0);
    CHECK_INT("  is 4", at, 4);
    char buf[8] = {0};
    CHECK_INT("libc read 2 at the offset wasi_unstable set", read(fd, buf, 2), 2);
    CHECK_MEM("  reads \"ef\"", buf, 2, "ef", 2);
    CHECK_WASI("wasi_unstable fd_seek 0 END", u0_fd_seek((uint32_t)fd, 0, U0_WHENCE_END, &at), 0);
    CHECK_INT("  is 8", at, 8);
    CHECK_INT("libc lseek 0 SEEK_CUR sees it", lseek(fd, 0, SEEK_CUR), 8);
    CHECK_SYS("libc close", close(fd));
    CHECK_WASI("wasi_unstable fd_close of the closed fd", u0_fd_close((uint32_t)fd), U0_EBADF);
}

static void opened_through_unstable(void) {
    uint32_t fd = 0xdead;
    uint64_t rights = U0_RIGHT_FD_READ | U0_RIGHT_FD_WRITE | U0_RIGHT_FD_SEEK | U0_RIGHT_FD_TELL | U0_RIGHT_FD_FILESTAT_GET;
    CHECK_WASI("wasi_unstable path_open c.txt", u0_path_open(SANDBOX_FD, 0, P("c.txt"), U0_O_CREAT | U0_O_EXCL, rights, 0, 0, &fd), 0);
    CHECK_INT("libc write to it", write((int)fd, "0123456789", 10), 10);
    struct stat st;
    CHECK_SYS("libc fstat of it", fstat((int)fd, &st));
    CHECK_INT("  size 10", st.st_size, 10);
    CHECK_INT("libc lseek -3 SEEK_END", lseek((int)fd, -3, SEEK_END), 7);
    uint64_t at = 0xdead;
    CHECK_WASI("wasi_unstable fd_tell", u0_fd_tell(fd, &at), 0);
    CHECK_INT("  is 7", at, 7);
    CHECK_SYS("libc close of it", close((int)fd));
    char text[16];
    CHECK_INT("libc reads c.txt back", get_file("/sandbox/c.txt", text, sizeof text), 10);
}

static void stdout_through_both(void) {
    printf("printf through wasi_snapshot_preview1\n");
    fflush(stdout);
    u0_ciovec_t iov = {"fd_write through wasi_unstable\n", 31};
    uint32_t n = 0;
    CHECK_WASI("wasi_unstable fd_write to stdout", u0_fd_write(1, &iov, 1, &n), 0);
    CHECK_INT("  wrote 31", n, 31);
}

static void poll_through_unstable(void) {
    u0_subscription_t s[2];
    u0_event_t ev[2];
    memset(s, 0, sizeof s);
    s[0].userdata = 0x77;
    s[0].tag = U0_EVENTTYPE_CLOCK;
    s[0].u.clock.identifier = 0x88;
    s[0].u.clock.id = U0_CLOCKID_MONOTONIC;
    s[0].u.clock.timeout = 1000000;
    uint32_t n = 0;
    CHECK_WASI("wasi_unstable poll_oneoff 1ms", u0_poll_oneoff(s, ev, 1, &n), 0);
    CHECK_INT("  one event", n, 1);
    CHECK_HEX("  its userdata", ev[0].userdata, 0x77);
    CHECK_INT("  its type", ev[0].type, U0_EVENTTYPE_CLOCK);
}

int main(void) {
    check_begin("unstable_mixed");
    same_file_through_both();
    opened_through_unstable();
    stdout_through_both();
    poll_through_unstable();
    return check_done();
}
