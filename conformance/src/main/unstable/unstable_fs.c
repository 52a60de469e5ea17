/*
 * unstable_fs: a program that imports wasi_unstable (snapshot 0) alone, built without libc. Each
 * call whose snapshot-0 ABI differs from preview1 is checked field by field: fd_seek's whence
 * numbering (CUR=0, END=1, SET=2) and the 56-byte filestat with its 32-bit nlink, from
 * fd_filestat_get and path_filestat_get; then the calls shared with preview1 that a program of
 * the time used: preopens, path_open, fd_write, fd_read, fd_tell, path_link, path_symlink,
 * fd_readdir, fd_close.
 *
 * /sandbox after setup:
 *   d/   f.txt "0123456789"   g.txt (hard link to f.txt)   l -> f.txt
 */
#include "transcript.h"

#define FILL 0xAA

static u0_filestat_t file_stat;

static uint32_t open_file(const char *path, uint32_t path_len, uint32_t oflags) {
    uint32_t fd = 0xdead;
    uint64_t rights = U0_RIGHT_FD_READ | U0_RIGHT_FD_WRITE | U0_RIGHT_FD_SEEK | U0_RIGHT_FD_TELL
                      | U0_RIGHT_FD_FILESTAT_GET | U0_RIGHT_FD_FILESTAT_SET_TIMES | U0_RIGHT_POLL_FD_READWRITE;
    CHECK_WASI("path_open", u0_path_open(SANDBOX_FD, 0, path, path_len, oflags, rights, 0, 0, &fd), 0);
    return fd;
}

static void preopen(void) {
    u0_prestat_t prestat = {0xee, 0xeeeeeeee};
    uint8_t name[16] = {0};
    CHECK_WASI("fd_prestat_get 3", u0_fd_prestat_get(SANDBOX_FD, &prestat), 0);
    CHECK_INT("prestat tag is dir", prestat.tag, 0);
    CHECK_INT("prestat name length", prestat.pr_name_len, 8);
    CHECK_WASI("fd_prestat_dir_name 3", u0_fd_prestat_dir_name(SANDBOX_FD, name, 8), 0);
    CHECK_MEM("preopen name", name, 8, "/sandbox", 8);
}

static void seek(uint32_t fd) {
    uint64_t at = 0xdead;
    char buf[8] = {0};
    u0_iovec_t iov = {buf, 4};
    uint32_t n = 0;
    CHECK_WASI("fd_seek 0 CUR after writing 10 bytes", u0_fd_seek(fd, 0, U0_WHENCE_CUR, &at), 0);
    CHECK_INT("  is 10", at, 10);
    CHECK_WASI("fd_seek 2 SET (whence 2)", u0_fd_seek(fd, 2, U0_WHENCE_SET, &at), 0);
    CHECK_INT("  is 2", at, 2);
    CHECK_WASI("fd_seek 3 CUR (whence 0)", u0_fd_seek(fd, 3, U0_WHENCE_CUR, &at), 0);
    CHECK_INT("  is 5", at, 5);
    CHECK_WASI("fd_seek -4 END (whence 1)", u0_fd_seek(fd, -4, U0_WHENCE_END, &at), 0);
    CHECK_INT("  is 6", at, 6);
    at = 0xdead;
    CHECK_WASI("fd_tell", u0_fd_tell(fd, &at), 0);
    CHECK_INT("  is 6", at, 6);
    CHECK_WASI("fd_read 4 bytes", u0_fd_read(fd, &iov, 1, &n), 0);
    CHECK_MEM("  read from offset 6", buf, n, "6789", 4);
    CHECK_WASI("fd_seek 0 END", u0_fd_seek(fd, 0, U0_WHENCE_END, &at), 0);
    CHECK_INT("  is 10", at, 10);
    CHECK_WASI("fd_seek 0 SET", u0_fd_seek(fd, 0, U0_WHENCE_SET, &at), 0);
    CHECK_INT("  is 0", at, 0);
    CHECK_WASI("fd_seek -1 SET", u0_fd_seek(fd, -1, U0_WHENCE_SET, &at), U0_EINVAL);
    CHECK_WASI("fd_seek -20 CUR", u0_fd_seek(fd, -20, U0_WHENCE_CUR, &at), U0_EINVAL);
    /* A whence neither ABI defines traps in Wasmtime, so it is not tested. */
    at = 0xdead;
    CHECK_WASI("fd_tell after the refused seeks", u0_fd_tell(fd, &at), 0);
    CHECK_INT("  is still 0", at, 0);
    CHECK_WASI("fd_seek on stdout", u0_fd_seek(1, 0, U0_WHENCE_SET, &at), 70 /* ESPIPE */);
}

/* Fills a filestat buffer and the 8 bytes after it with FILL, so a write past 56 bytes shows. */
static void fill(uint8_t *buf) {
    memset(buf, FILL, 64);
}

static int untouched_after_56(const uint8_t *buf) {
    for (int i = 56; i < 64; i++) {
        if (buf[i] != FILL) {
            return 0;
        }
    }
    return 1;
}

static void filestat(uint32_t fd) {
    _Alignas(8) uint8_t raw[64];
    u0_filestat_t *st = (u0_filestat_t *)raw;
    CHECK_WASI("fd_filestat_set_times atim 1000000001 mtim 2000000002",
               u0_fd_filestat_set_times(fd, 1000000001ULL, 2000000002ULL, U0_FSTFLAGS_ATIM | U0_FSTFLAGS_MTIM), 0);
    fill(raw);
    CHECK_WASI("fd_filestat_get", u0_fd_filestat_get(fd, st), 0);
    CHECK_TRUE("  writes 56 bytes, not 64", untouched_after_56(raw));
    CHECK_TRUE("  ino (offset 8) is nonzero", st->ino != 0);
    CHECK_INT("  filetype (offset 16) is REGULAR_FILE", st->filetype, U0_FILETYPE_REGULAR_FILE);
    CHECK_INT("  nlink (u32 at offset 20) is 1", st->nlink, 1);
    CHECK_INT("  size (offset 24) is 10", st->size, 10);
    CHECK_INT("  atim (offset 32)", st->atim, 1000000001ULL);
    CHECK_INT("  mtim (offset 40)", st->mtim, 2000000002ULL);
    CHECK_TRUE("  ctim (offset 48) is set", st->ctim != 0);
    file_stat = *st;

    fill(raw);
    CHECK_WASI("path_filestat_get f.txt", u0_path_filestat_get(SANDBOX_FD, U0_LOOKUP_SYMLINK_FOLLOW, PATH("f.txt"), st), 0);
    CHECK_TRUE("  writes 56 bytes, not 64", untouched_after_56(raw));
    CHECK_TRUE("  dev is fd_filestat_get's", st->dev == file_stat.dev);
    CHECK_TRUE("  ino is fd_filestat_get's", st->ino == file_stat.ino);
    CHECK_INT("  filetype", st->filetype, U0_FILETYPE_REGULAR_FILE);
    CHECK_INT("  nlink", st->nlink, 1);
    CHECK_INT("  size", st->size, 10);
    CHECK_INT("  atim", st->atim, 1000000001ULL);
    CHECK_INT("  mtim", st->mtim, 2000000002ULL);
    CHECK_TRUE("  ctim", st->ctim == file_stat.ctim);

    CHECK_WASI("path_link f.txt g.txt", u0_path_link(SANDBOX_FD, 0, PATH("f.txt"), SANDBOX_FD, PATH("g.txt")), 0);
    fill(raw);
    CHECK_WASI("path_filestat_get g.txt", u0_path_filestat_get(SANDBOX_FD, 0, PATH("g.txt"), st), 0);
    CHECK_INT("  nlink is 2", st->nlink, 2);
    CHECK_TRUE("  ino is f.txt's", st->ino == file_stat.ino);
    CHECK_INT("  size", st->size, 10);
    fill(raw);
    CHECK_WASI("fd_filestat_get after the link", u0_fd_filestat_get(fd, st), 0);
    CHECK_INT("  nlink is 2", st->nlink, 2);

    CHECK_WASI("path_symlink f.txt l", u0_path_symlink(PATH("f.txt"), SANDBOX_FD, PATH("l")), 0);
    fill(raw);
    CHECK_WASI("path_filestat_get l (no follow)", u0_path_filestat_get(SANDBOX_FD, 0, PATH("l"), st), 0);
    CHECK_INT("  filetype is SYMBOLIC_LINK", st->filetype, U0_FILETYPE_SYMBOLIC_LINK);
    CHECK_INT("  size is the target's length", st->size, 5);
    CHECK_INT("  nlink", st->nlink, 1);
    fill(raw);
    CHECK_WASI("path_filestat_get l (follow)", u0_path_filestat_get(SANDBOX_FD, U0_LOOKUP_SYMLINK_FOLLOW, PATH("l"), st), 0);
    CHECK_TRUE("  is f.txt", st->ino == file_stat.ino && st->size == 10);

    CHECK_WASI("path_create_directory d", u0_path_create_directory(SANDBOX_FD, PATH("d")), 0);
    fill(raw);
    CHECK_WASI("path_filestat_get d", u0_path_filestat_get(SANDBOX_FD, 0, PATH("d"), st), 0);
    CHECK_INT("  filetype is DIRECTORY", st->filetype, U0_FILETYPE_DIRECTORY);
    CHECK_TRUE("  writes 56 bytes, not 64", untouched_after_56(raw));
    CHECK_WASI("path_filestat_get missing", u0_path_filestat_get(SANDBOX_FD, 0, PATH("missing"), st), U0_ENOENT);
    CHECK_WASI("fd_filestat_get 77", u0_fd_filestat_get(77, st), U0_EBADF);

    fill(raw);
    CHECK_WASI("fd_filestat_get stdout", u0_fd_filestat_get(1, st), 0);
    CHECK_INT("  filetype is CHARACTER_DEVICE", st->filetype, U0_FILETYPE_CHARACTER_DEVICE);
    CHECK_TRUE("  writes 56 bytes, not 64", untouched_after_56(raw));

    /* The last 56 bytes of memory hold a snapshot-0 filestat; a preview1 one would not fit. */
    u0_filestat_t *last = (u0_filestat_t *)(uintptr_t)(__builtin_wasm_memory_size(0) * 65536 - sizeof(u0_filestat_t));
    CHECK_WASI("fd_filestat_get into the last 56 bytes of memory", u0_fd_filestat_get(fd, last), 0);
    CHECK_INT("  size", last->size, 10);
    CHECK_INT("  nlink", last->nlink, 2);
    CHECK_INT("  mtim", last->mtim, 2000000002ULL);
}

static int cmp_name(const char *a, const char *b) {
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return (unsigned char)*a - (unsigned char)*b;
}

typedef struct {
    char name[16];
    uint8_t type;
    uint64_t ino;
} entry_t;

static void readdir(void) {
    static uint8_t buf[1024];
    entry_t entries[16];
    uint32_t used = 0;
    int count = 0;
    CHECK_WASI("fd_readdir 3", u0_fd_readdir(SANDBOX_FD, buf, sizeof buf, 0, &used), 0);
    CHECK_TRUE("  fits the buffer", used < sizeof buf);
    uint64_t second_cookie = 0;
    for (uint32_t at = 0; at + sizeof(u0_dirent_t) <= used && count < 16;) {
        u0_dirent_t d;
        memcpy(&d, buf + at, sizeof d);
        entry_t *e = &entries[count++];
        uint32_t n = d.d_namlen < sizeof e->name - 1 ? d.d_namlen : sizeof e->name - 1;
        memcpy(e->name, buf + at + sizeof d, n);
        e->name[n] = 0;
        e->type = d.d_type;
        e->ino = d.d_ino;
        if (count == 2) {
            second_cookie = d.d_next;
        }
        at += sizeof d + d.d_namlen;
    }
    CHECK_INT("  6 entries", count, 6);
    for (int i = 1; i < count; i++) {
        for (int j = i; j > 0 && cmp_name(entries[j - 1].name, entries[j].name) > 0; j--) {
            entry_t t = entries[j];
            entries[j] = entries[j - 1];
            entries[j - 1] = t;
        }
    }
    static const char *const names[] = {".", "..", "d", "f.txt", "g.txt", "l"};
    static const uint8_t types[] = {U0_FILETYPE_DIRECTORY, U0_FILETYPE_DIRECTORY, U0_FILETYPE_DIRECTORY,
                                    U0_FILETYPE_REGULAR_FILE, U0_FILETYPE_REGULAR_FILE, U0_FILETYPE_SYMBOLIC_LINK};
    for (int i = 0; i < count && i < 6; i++) {
        CHECK_STR("  entry name", entries[i].name, names[i]);
        CHECK_INT("  entry type", entries[i].type, types[i]);
    }
    if (count == 6) {
        CHECK_TRUE("  f.txt and g.txt share the ino of fd_filestat_get",
                   entries[3].ino == file_stat.ino && entries[4].ino == file_stat.ino);
    }
    uint32_t rest = 0;
    CHECK_WASI("fd_readdir from the second entry's cookie", u0_fd_readdir(SANDBOX_FD, buf, sizeof buf, second_cookie, &rest), 0);
    uint32_t n = 0;
    for (uint32_t at = 0; at + sizeof(u0_dirent_t) <= rest; n++) {
        u0_dirent_t d;
        memcpy(&d, buf + at, sizeof d);
        at += sizeof d + d.d_namlen;
    }
    CHECK_INT("  lists the other 4", n, 4);
}

static int guest_main(void) {
    t_case = "unstable_fs";
    preopen();
    uint32_t fd = open_file(PATH("f.txt"), U0_O_CREAT | U0_O_TRUNC);
    u0_ciovec_t iov = {"0123456789", 10};
    uint32_t n = 0;
    CHECK_WASI("fd_write 10 bytes", u0_fd_write(fd, &iov, 1, &n), 0);
    CHECK_INT("  wrote 10", n, 10);
    u0_fdstat_t fdstat;
    CHECK_WASI("fd_fdstat_get", u0_fd_fdstat_get(fd, &fdstat), 0);
    CHECK_INT("  filetype is REGULAR_FILE", fdstat.fs_filetype, U0_FILETYPE_REGULAR_FILE);
    seek(fd);
    filestat(fd);
    readdir();
    CHECK_WASI("fd_close", u0_fd_close(fd), 0);
    CHECK_WASI("fd_close again", u0_fd_close(fd), U0_EBADF);
    uint32_t none = 0;
    CHECK_WASI("path_open missing without CREAT", u0_path_open(SANDBOX_FD, 0, PATH("missing"), 0, U0_RIGHT_FD_READ, 0, 0, &none),
               U0_ENOENT);
    return 0;
}
