/*
 * readdir: fd_readdir's dirent stream. "." and ".." come first, cookies are stable across calls
 * and resume the listing, a short buffer ends with a partial dirent (bufused == buf_len), and
 * d_type / d_ino / d_namlen are right. Entries after ".." are compared sorted by name, so the
 * host's order never matters.
 *
 * /sandbox/list after setup:
 *   a_dir/   b.txt "bbb"   c_link -> b.txt   h\xc3\xa9llo.txt   long_name_...(40 chars)
 *
 * Where node:wasi (uvwasi) differs, Wasmtime's answer is expected: uvwasi lists neither "." nor
 * "..", reports d_ino 0, and answers fd_readdir on a file with ENOTCAPABLE (EBADF).
 */
#include <dirent.h>
#include <stdio.h>

#include "guest.h"

#define DIRENT_SIZE 24 /* sizeof(__wasi_dirent_t) */
#define LONG_NAME "long_name_0123456789_0123456789_01234567"

typedef struct {
    char name[64];
    __wasi_dircookie_t next;
    __wasi_inode_t ino;
    __wasi_filetype_t type;
    __wasi_dirnamlen_t namlen;
} entry_t;

/* Parses complete dirents of buf[0..used) into out; returns how many. */
static int parse(const uint8_t *buf, size_t used, entry_t *out, int max) {
    size_t at = 0;
    int count = 0;
    while (at + DIRENT_SIZE <= used && count < max) {
        __wasi_dirent_t d;
        memcpy(&d, buf + at, DIRENT_SIZE);
        if (at + DIRENT_SIZE + d.d_namlen > used) {
            break;
        }
        entry_t *e = &out[count++];
        size_t n = d.d_namlen < sizeof e->name - 1 ? d.d_namlen : sizeof e->name - 1;
        memcpy(e->name, buf + at + DIRENT_SIZE, n);
        e->name[n] = 0;
        e->next = d.d_next;
        e->ino = d.d_ino;
        e->type = d.d_type;
        e->namlen = d.d_namlen;
        at += DIRENT_SIZE + d.d_namlen;
    }
    return count;
}

/* Zeroes the 3 padding bytes after d_type in every (possibly partial) dirent header of
 * buf[0..used), starting at a header boundary: their value is unspecified (Wasmtime copies
 * its host struct, padding included), so byte comparisons must not see them. */
static void mask_padding(uint8_t *buf, size_t used) {
    size_t at = 0;
    while (at < used) {
        for (size_t i = at + 21; i < at + 24 && i < used; i++) {
            buf[i] = 0;
        }
        if (at + DIRENT_SIZE > used) {
            break;
        }
        __wasi_dirnamlen_t namlen;
        memcpy(&namlen, buf + at + 16, sizeof namlen);
        at += DIRENT_SIZE + namlen;
    }
}

static int by_name(const void *a, const void *b) {
    return strcmp(((const entry_t *)a)->name, ((const entry_t *)b)->name);
}

static __wasi_inode_t lstat_ino(const char *path) {
    __wasi_filestat_t st;
    return raw_stat(path, 0, &st) == 0 ? st.ino : 0;
}

static void setup(void) {
    CHECK_SYS("mkdir list", mkdir("/sandbox/list", 0755));
    CHECK_SYS("mkdir list/a_dir", mkdir("/sandbox/list/a_dir", 0755));
    CHECK_SYS("create list/b.txt", put_text("/sandbox/list/b.txt", "bbb"));
    CHECK_SYS("symlink list/c_link", symlink("b.txt", "/sandbox/list/c_link"));
    CHECK_SYS("create list/h\\xc3\\xa9llo.txt", put_text("/sandbox/list/h\xc3\xa9llo.txt", ""));
    CHECK_SYS("create list/" LONG_NAME, put_text("/sandbox/list/" LONG_NAME, ""));
    CHECK_SYS("mkdir empty", mkdir("/sandbox/empty", 0755));
}

static void whole_listing(__wasi_fd_t dir, uint8_t *full, __wasi_size_t *full_used) {
    static uint8_t again[4096];
    __wasi_size_t used = 0;
    CHECK_WASI("fd_readdir with a 4096-byte buffer", __wasi_fd_readdir(dir, full, 4096, 0, full_used), 0);
    size_t want_bytes = 7 * DIRENT_SIZE + 1 + 2 + 5 + 5 + 6 + 10 + 40;
    CHECK_INT("bufused is every dirent and name", *full_used, want_bytes);
    CHECK_WASI("fd_readdir again from cookie 0", __wasi_fd_readdir(dir, again, 4096, 0, &used), 0);
    mask_padding(full, *full_used);
    mask_padding(again, used);
    CHECK_MEM("a second read returns the same bytes (stable order and cookies)", again, used, full, *full_used);

    entry_t e[16];
    int n = parse(full, *full_used, e, 16);
    CHECK_INT("7 entries", n, 7);
    CHECK_STR("first entry is .", e[0].name, ".");
    CHECK_INT(". is a directory", e[0].type, __WASI_FILETYPE_DIRECTORY);
    CHECK_INT(". has d_next 1", e[0].next, 1);
    CHECK_INT(". has d_namlen 1", e[0].namlen, 1);
    CHECK_STR("second entry is ..", e[1].name, "..");
    CHECK_INT(".. is a directory", e[1].type, __WASI_FILETYPE_DIRECTORY);
    CHECK_INT(".. has d_next 2", e[1].next, 2);
    CHECK_TRUE(". has the directory's inode", e[0].ino == lstat_ino("list"));
    for (int i = 2; i < n; i++) {
        CHECK_INT(WHAT("entry %d has d_next %d", i, i + 1), e[i].next, i + 1);
    }

    qsort(e + 2, (size_t)(n - 2), sizeof e[0], by_name);
    static const struct {
        const char *name;
        int type;
    } want[5] = {
        {"a_dir", __WASI_FILETYPE_DIRECTORY},
        {"b.txt", __WASI_FILETYPE_REGULAR_FILE},
        {"c_link", __WASI_FILETYPE_SYMBOLIC_LINK},
        {"h\xc3\xa9llo.txt", __WASI_FILETYPE_REGULAR_FILE},
        {LONG_NAME, __WASI_FILETYPE_REGULAR_FILE},
    };
    for (int i = 0; i < 5 && i + 2 < n; i++) {
        char path[96];
        snprintf(path, sizeof path, "list/%s", want[i].name);
        CHECK_STR(WHAT("sorted entry %d name", i), e[i + 2].name, want[i].name);
        CHECK_INT(WHAT("%s d_type", want[i].name), e[i + 2].type, want[i].type);
        CHECK_INT(WHAT("%s d_namlen", want[i].name), e[i + 2].namlen, strlen(want[i].name));
        CHECK_TRUE(WHAT("%s d_ino matches path_filestat_get", want[i].name), e[i + 2].ino == lstat_ino(path));
    }
    CHECK_TRUE("entries have distinct inodes", e[2].ino != e[3].ino && e[3].ino != e[4].ino);
}

static void cookies_and_short_buffers(__wasi_fd_t dir, const uint8_t *full, __wasi_size_t full_used) {
    uint8_t buf[4096];
    __wasi_size_t used = 0;
    entry_t e[16];
    parse(full, full_used, e, 16);

    CHECK_WASI("fd_readdir from cookie 2", __wasi_fd_readdir(dir, buf, sizeof buf, 2, &used), 0);
    mask_padding(buf, used);
    size_t dots = 2 * DIRENT_SIZE + 3;
    CHECK_MEM("cookie 2 skips . and ..", buf, used, full + dots, full_used - dots);
    __wasi_dircookie_t c = e[3].next;
    size_t skip = dots + DIRENT_SIZE + e[2].namlen + DIRENT_SIZE + e[3].namlen;
    CHECK_WASI("fd_readdir from the 4th entry's d_next", __wasi_fd_readdir(dir, buf, sizeof buf, c, &used), 0);
    mask_padding(buf, used);
    CHECK_MEM("a cookie resumes right after its entry", buf, used, full + skip, full_used - skip);
    CHECK_WASI("fd_readdir from the last cookie", __wasi_fd_readdir(dir, buf, sizeof buf, 7, &used), 0);
    CHECK_INT("nothing after the last entry", used, 0);
    CHECK_WASI("fd_readdir far past the end", __wasi_fd_readdir(dir, buf, sizeof buf, 1000, &used), 0);
    CHECK_INT("nothing far past the end", used, 0);

    CHECK_WASI("fd_readdir into 25 bytes", __wasi_fd_readdir(dir, buf, 25, 0, &used), 0);
    mask_padding(buf, used);
    CHECK_INT("25 bytes hold exactly the . dirent", used, 25);
    CHECK_MEM("the . dirent bytes", buf, used, full, 25);
    CHECK_WASI("fd_readdir into 30 bytes", __wasi_fd_readdir(dir, buf, 30, 0, &used), 0);
    mask_padding(buf, used);
    CHECK_INT("a full buffer reports bufused == buf_len", used, 30);
    CHECK_MEM("the partial .. header is a prefix of the real one", buf, used, full, 30);
    CHECK_WASI("fd_readdir into 10 bytes", __wasi_fd_readdir(dir, buf, 10, 0, &used), 0);
    mask_padding(buf, used);
    CHECK_INT("a buffer smaller than one header is filled", used, 10);
    CHECK_MEM("10 bytes of the first header", buf, used, full, 10);
    CHECK_WASI("fd_readdir into 0 bytes", __wasi_fd_readdir(dir, buf, 0, 0, &used), 0);
    CHECK_INT("a zero-length buffer gets nothing", used, 0);
    CHECK_WASI("fd_readdir into 51 bytes from cookie 1", __wasi_fd_readdir(dir, buf, 51, 1, &used), 0);
    mask_padding(buf, used);
    CHECK_MEM("the .. dirent then the next header's first bytes", buf, used, full + 25, 51);

    // Read the listing through a 64-byte window the way wasi-libc does: keep complete dirents,
    // then continue from the last complete one's d_next.
    static uint8_t joined[4096];
    size_t joined_len = 0;
    __wasi_dircookie_t cookie = 0;
    int calls = 0;
    for (;;) {
        uint8_t window[64];
        if (__wasi_fd_readdir(dir, window, 64, cookie, &used) != 0 || calls++ > 100) {
            break;
        }
        mask_padding(window, used);
        size_t at = 0;
        while (at + DIRENT_SIZE <= used) {
            __wasi_dirent_t d;
            memcpy(&d, window + at, DIRENT_SIZE);
            if (at + DIRENT_SIZE + d.d_namlen > used) {
                break;
            }
            memcpy(joined + joined_len, window + at, DIRENT_SIZE + d.d_namlen);
            joined_len += DIRENT_SIZE + d.d_namlen;
            at += DIRENT_SIZE + d.d_namlen;
            cookie = d.d_next;
        }
        if (used < 64) {
            break;
        }
    }
    CHECK_MEM("a 64-byte window stitches the same listing", joined, joined_len, full, full_used);
    CHECK_TRUE("it took several calls", calls > 3);
}

static void libc_readdir(void) {
    DIR *d = opendir("/sandbox/list");
    CHECK_TRUE("opendir list", d != NULL);
    entry_t e[16];
    int n = 0;
    struct dirent *de;
    while (d != NULL && (de = readdir(d)) != NULL && n < 16) {
        snprintf(e[n].name, sizeof e[n].name, "%s", de->d_name);
        e[n].type = de->d_type;
        n++;
    }
    CHECK_INT("readdir returns 7 entries", n, 7);
    qsort(e, (size_t)n, sizeof e[0], by_name);
    CHECK_STR("sorted: .", e[0].name, ".");
    CHECK_STR("sorted: ..", e[1].name, "..");
    CHECK_STR("sorted: a_dir", e[2].name, "a_dir");
    CHECK_INT("DT_DIR for a_dir", e[2].type, DT_DIR);
    CHECK_INT("DT_REG for b.txt", e[3].type, DT_REG);
    CHECK_INT("DT_LNK for c_link", e[4].type, DT_LNK);

    CHECK_SYS("create list/z_new while the listing is open", put_text("/sandbox/list/z_new", ""));
    rewinddir(d);
    int count = 0, saw_new = 0;
    while ((de = readdir(d)) != NULL) {
        count++;
        saw_new |= strcmp(de->d_name, "z_new") == 0;
    }
    CHECK_INT("rewinddir sees the new entry", count, 8);
    CHECK_TRUE("z_new is listed", saw_new);
    closedir(d);

    d = opendir("/sandbox/empty");
    count = 0;
    while (d != NULL && (de = readdir(d)) != NULL) {
        count++;
    }
    closedir(d);
    CHECK_INT("an empty directory lists only . and ..", count, 2);
    errno = 0;
    CHECK_TRUE("opendir a file fails", opendir("/sandbox/list/b.txt") == NULL);
    CHECK_INT("opendir a file: errno", errno, ENOTDIR);
    errno = 0;
    CHECK_TRUE("opendir a missing directory fails", opendir("/sandbox/missing") == NULL);
    CHECK_INT("opendir a missing directory: errno", errno, ENOENT);
}

static void many(void) {
    CHECK_SYS("mkdir big", mkdir("/sandbox/big", 0755));
    int made = 0;
    for (int i = 0; i < 300; i++) {
        char path[64];
        snprintf(path, sizeof path, "/sandbox/big/entry-%03d", i);
        made += put_text(path, "") == 0;
    }
    CHECK_INT("created 300 files", made, 300);
    static char seen[300];
    DIR *d = opendir("/sandbox/big");
    struct dirent *de;
    int count = 0, dup = 0;
    while (d != NULL && (de = readdir(d)) != NULL) {
        int i;
        if (sscanf(de->d_name, "entry-%d", &i) == 1 && i >= 0 && i < 300) {
            dup += seen[i];
            seen[i] = 1;
            count++;
        }
    }
    closedir(d);
    CHECK_INT("readdir returns all 300 entries", count, 300);
    CHECK_INT("no entry twice", dup, 0);
}

int main(void) {
    check_begin("readdir");
    setup();
    __wasi_fd_t dir;
    CHECK_WASI("open list as a directory", raw_open("list", 0, __WASI_OFLAGS_DIRECTORY, DIR_RIGHTS, 0, &dir), 0);
    static uint8_t full[4096];
    __wasi_size_t full_used = 0;
    whole_listing(dir, full, &full_used);
    cookies_and_short_buffers(dir, full, full_used);
    __wasi_fd_t empty;
    uint8_t buf[256];
    __wasi_size_t used;
    CHECK_WASI("open empty as a directory", raw_open("empty", 0, __WASI_OFLAGS_DIRECTORY, DIR_RIGHTS, 0, &empty), 0);
    CHECK_WASI("fd_readdir of an empty directory", __wasi_fd_readdir(empty, buf, sizeof buf, 0, &used), 0);
    CHECK_INT("an empty directory has . and ..", used, 2 * DIRENT_SIZE + 3);
    raw_close(empty);
    __wasi_fd_t file;
    CHECK_WASI("open list/b.txt", raw_open("list/b.txt", 0, 0, __WASI_RIGHTS_FD_READ, 0, &file), 0);
    // Wasmtime only reads directories: a file fd is EBADF (Linux's getdents says ENOTDIR).
    CHECK_WASI("fd_readdir on a file", __wasi_fd_readdir(file, buf, sizeof buf, 0, &used), __WASI_ERRNO_BADF);
    raw_close(file);
    raw_close(dir);
    libc_readdir();
    many();
    return check_done();
}
