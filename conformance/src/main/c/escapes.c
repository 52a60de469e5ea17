/*
 * escapes: attempts to reach what the guest was not handed. Each attempt must fail with the
 * expected errno and leave everything outside untouched, which the guest checks after every
 * attempt through two windows it was handed for the purpose:
 *   fd 3 /sandbox  the writable MemFS directory /data/rw
 *   fd 4 /ro       /data, read-only: shows what sits beside /sandbox ("outside" it)
 *   fd 5 /other    the writable MemFS directory /other, a second preopen
 *
 * /data/rw after setup:
 *   file "inside"   dir/inner "inner"   victim "victim"   sub/
 *   up -> ..        up2 -> ../..        out -> ../created     chain1 -> chain2 -> up
 *   deep -> dir/../../x                 loop -> loop          ping -> pong -> ping
 *   fileslash -> file/                  swap (a directory, later a symlink to ..)
 * /other: keep "keep"
 *
 * Escapes are ENOTCAPABLE, as issue 3 requires (Wasmtime 49: EPERM, in almost every attempt below);
 * a symlink with an absolute target is EPERM when made, as in Wasmtime. A change through the
 * read-only /ro is EPERM, as in Wasmtime for a preopen without fs_mutable. Where an attempt is
 * refused by the rights model (a directory fd whose rights were dropped, rights that do not grow),
 * Wasmtime 49, which has no rights model, lets the call through (O_TRUNC, O_CREAT, fd_write) or
 * answers ENOTSUP; issue 3 requires the rights model. fd_allocate, which Wasmtime 49 lacks
 * (ENOTSUP), is EBADF on a descriptor that cannot write.
 */
#include <dirent.h>
#include <stdio.h>

#include "guest.h"

#define RO_FD 4
#define OTHER_FD 5
#define NOTCAP __WASI_ERRNO_NOTCAPABLE
#define FOLLOW __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW
#define FILE_RIGHTS (__WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_FD_SEEK | \
                     __WASI_RIGHTS_FD_FILESTAT_GET | __WASI_RIGHTS_FD_FILESTAT_SET_SIZE)

static int attempts;

/* The names in a directory, sorted, joined by spaces. */
static const char *listing(const char *path) {
    static char buf[512];
    char names[32][64];
    int n = 0;
    DIR *d = opendir(path);
    if (d == NULL) {
        return "(cannot open)";
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 32) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            snprintf(names[n++], sizeof names[0], "%s", e->d_name);
        }
    }
    closedir(d);
    for (int i = 1; i < n; i++) {
        for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char t[64];
            memcpy(t, names[j], sizeof t);
            memcpy(names[j], names[j - 1], sizeof t);
            memcpy(names[j - 1], t, sizeof t);
        }
    }
    buf[0] = 0;
    for (int i = 0; i < n; i++) {
        strncat(buf, i ? " " : "", sizeof buf - strlen(buf) - 1);
        strncat(buf, names[i], sizeof buf - strlen(buf) - 1);
    }
    return buf;
}

static int outside_untouched(void) {
    char buf[16];
    return strcmp(listing("/ro"), "rw") == 0 && strcmp(listing("/other"), "keep") == 0 &&
           get_file("/other/keep", buf, sizeof buf) == 4 && memcmp(buf, "keep", 4) == 0 &&
           get_file("/ro/rw/victim", buf, sizeof buf) == 6 && memcmp(buf, "victim", 6) == 0;
}

/* One escape attempt: a raw call's errno, then the outside must be as it was. */
static void attempt(const char *what, int got, int want) {
    attempts++;
    CHECK_WASI(what, got, want);
    if (!outside_untouched()) {
        CHECK_TRUE(WHAT("%s left the outside untouched", what), 0);
    }
}

/* As attempt, for a libc call returning -1 and errno. */
static void attempt_libc(const char *what, long long result, int err, int want) {
    attempts++;
    check_errno_result(what, result, err, want);
    if (!outside_untouched()) {
        CHECK_TRUE(WHAT("%s left the outside untouched", what), 0);
    }
}
#define ATTEMPT_LIBC(what, expr, want) (errno = 0, attempt_libc((what), (long long)(expr), errno, (want)))


/* A raw path_open (for a directory, without FD_WRITE: that alone is EISDIR); closes what it opened. */
static int open_at(__wasi_fd_t dir, const char *path, __wasi_lookupflags_t lookup, __wasi_oflags_t oflags) {
    __wasi_fd_t fd = 0;
    __wasi_rights_t base = oflags & __WASI_OFLAGS_DIRECTORY ? DIR_RIGHTS : FILE_RIGHTS;
    int e = __wasi_path_open(dir, lookup, path, oflags, base, FILE_RIGHTS, 0, &fd);
    if (e == 0) {
        raw_close(fd);
    }
    return e;
}

static int open_path(const char *path) {
    return open_at(SANDBOX_FD, path, FOLLOW, 0);
}

static int create_path(const char *path) {
    return open_at(SANDBOX_FD, path, FOLLOW, __WASI_OFLAGS_CREAT);
}

static int stat_path(const char *path) {
    __wasi_filestat_t st;
    return __wasi_path_filestat_get(SANDBOX_FD, FOLLOW, path, &st);
}

static void setup(void) {
    CHECK_SYS("create file", put_text("/sandbox/file", "inside"));
    CHECK_SYS("create victim", put_text("/sandbox/victim", "victim"));
    CHECK_SYS("mkdir dir", mkdir("/sandbox/dir", 0755));
    CHECK_SYS("create dir/inner", put_text("/sandbox/dir/inner", "inner"));
    CHECK_SYS("mkdir sub", mkdir("/sandbox/sub", 0755));
    CHECK_SYS("mkdir swap", mkdir("/sandbox/swap", 0755));
    CHECK_SYS("create /other/keep", put_text("/other/keep", "keep"));
    const char *links[][2] = {
        {"..", "up"}, {"../..", "up2"}, {"../created", "out"}, {"chain2", "chain1"}, {"up", "chain2"},
        {"dir/../../x", "deep"}, {"loop", "loop"}, {"pong", "ping"}, {"ping", "pong"}, {"file/", "fileslash"},
    };
    int made = 0;
    for (size_t i = 0; i < sizeof links / sizeof links[0]; i++) {
        made += __wasi_path_symlink(links[i][0], SANDBOX_FD, links[i][1]) == 0;
    }
    CHECK_INT("made the symlinks", made, (int)(sizeof links / sizeof links[0]));
    CHECK_TRUE("the outside is as set up", outside_untouched());
}

static void dot_dot(void) {
    attempt("open ..", open_at(SANDBOX_FD, "..", 0, __WASI_OFLAGS_DIRECTORY), NOTCAP);
    attempt("open ../", open_at(SANDBOX_FD, "../", 0, __WASI_OFLAGS_DIRECTORY), NOTCAP);
    attempt("open ../rw/file (back inside)", open_path("../rw/file"), NOTCAP);
    attempt("open dir/../../rw/file", open_path("dir/../../rw/file"), NOTCAP);
    attempt("open ./../x", open_path("./../x"), NOTCAP);
    attempt("open dir/./../.././x", open_path("dir/./../.././x"), NOTCAP);
    attempt("open sub/../dir/../../x", open_path("sub/../dir/../../x"), NOTCAP);
    attempt("open twenty ../", open_path("../../../../../../../../../../../../../../../../../../../../x"), NOTCAP);
    attempt("stat ..", stat_path(".."), NOTCAP);
    attempt("create ../created", create_path("../created"), NOTCAP);
    attempt("create dir/../../created", create_path("dir/../../created"), NOTCAP);
    attempt("mkdir ../created", __wasi_path_create_directory(SANDBOX_FD, "../created"), NOTCAP);
    attempt("rmdir ../rw", __wasi_path_remove_directory(SANDBOX_FD, "../rw"), NOTCAP);
    attempt("unlink ../rw/victim", __wasi_path_unlink_file(SANDBOX_FD, "../rw/victim"), NOTCAP);
    attempt("rename victim to ../created", __wasi_path_rename(SANDBOX_FD, "victim", SANDBOX_FD, "../created"), NOTCAP);
    attempt("rename ../rw to x", __wasi_path_rename(SANDBOX_FD, "../rw", SANDBOX_FD, "x"), NOTCAP);
    attempt("link victim to ../created", __wasi_path_link(SANDBOX_FD, 0, "victim", SANDBOX_FD, "../created"), NOTCAP);
    attempt("symlink at ../created", __wasi_path_symlink("x", SANDBOX_FD, "../created"), NOTCAP);
    attempt("set times of ..", __wasi_path_filestat_set_times(SANDBOX_FD, 0, "..", 1, 1, __WASI_FSTFLAGS_MTIM), NOTCAP);
    uint8_t buf[16];
    __wasi_size_t used;
    attempt("readlink ../x", __wasi_path_readlink(SANDBOX_FD, "../x", buf, sizeof buf, &used), NOTCAP);
    ATTEMPT_LIBC("libc open /sandbox/../rw/victim", open("/sandbox/../rw/victim", O_RDONLY), ENOTCAPABLE);
    ATTEMPT_LIBC("libc mkdir /sandbox/../created", mkdir("/sandbox/../created", 0755), ENOTCAPABLE);
    CHECK_WASI("dir/.. stays inside", open_at(SANDBOX_FD, "dir/..", 0, __WASI_OFLAGS_DIRECTORY), 0);
}

static void absolute(void) {
    attempt("open /", open_at(SANDBOX_FD, "/", 0, __WASI_OFLAGS_DIRECTORY), NOTCAP);
    attempt("open /data/rw/file", open_path("/data/rw/file"), NOTCAP);
    attempt("open /sandbox/file", open_path("/sandbox/file"), NOTCAP);
    attempt("open //file", open_path("//file"), NOTCAP);
    attempt("create /created", create_path("/created"), NOTCAP);
    attempt("mkdir /created", __wasi_path_create_directory(SANDBOX_FD, "/created"), NOTCAP);
    attempt("unlink /data/rw/victim", __wasi_path_unlink_file(SANDBOX_FD, "/data/rw/victim"), NOTCAP);
    attempt("rename to /created", __wasi_path_rename(SANDBOX_FD, "victim", SANDBOX_FD, "/created"), NOTCAP);
    attempt("link to /created", __wasi_path_link(SANDBOX_FD, 0, "victim", SANDBOX_FD, "/created"), NOTCAP);
    attempt("stat /", stat_path("/"), NOTCAP);
    attempt("symlink abs -> /data", __wasi_path_symlink("/data", SANDBOX_FD, "abs"), __WASI_ERRNO_PERM);
    attempt("symlink abs -> /", __wasi_path_symlink("/", SANDBOX_FD, "abs"), __WASI_ERRNO_PERM);
    attempt("symlink abs -> //x", __wasi_path_symlink("//x", SANDBOX_FD, "abs"), __WASI_ERRNO_PERM);
    CHECK_INT("no abs link was made", filetype_of("abs"), 0xff);
}

static void symlinks_out(void) {
    attempt("open up (-> ..)", open_at(SANDBOX_FD, "up", FOLLOW, __WASI_OFLAGS_DIRECTORY), NOTCAP);
    attempt("open up/rw/victim", open_path("up/rw/victim"), NOTCAP);
    attempt("open up2 (-> ../..)", open_at(SANDBOX_FD, "up2", FOLLOW, __WASI_OFLAGS_DIRECTORY), NOTCAP);
    attempt("open deep (-> dir/../../x)", open_path("deep"), NOTCAP);
    attempt("open chain1 -> chain2 -> up", open_at(SANDBOX_FD, "chain1", FOLLOW, __WASI_OFLAGS_DIRECTORY), NOTCAP);
    attempt("open chain1/rw/victim", open_path("chain1/rw/victim"), NOTCAP);
    attempt("stat up/rw", stat_path("up/rw"), NOTCAP);
    attempt("mkdir up/created", __wasi_path_create_directory(SANDBOX_FD, "up/created"), NOTCAP);
    attempt("unlink up/rw/victim", __wasi_path_unlink_file(SANDBOX_FD, "up/rw/victim"), NOTCAP);
    attempt("rmdir up/rw", __wasi_path_remove_directory(SANDBOX_FD, "up/rw"), NOTCAP);
    attempt("rename into up/", __wasi_path_rename(SANDBOX_FD, "victim", SANDBOX_FD, "up/created"), NOTCAP);
    attempt("link through up2", __wasi_path_link(SANDBOX_FD, 0, "up2/data/rw/file", SANDBOX_FD, "x"), NOTCAP);
    attempt("symlink through up", __wasi_path_symlink("x", SANDBOX_FD, "up/created"), NOTCAP);
    attempt("set times through up", __wasi_path_filestat_set_times(SANDBOX_FD, FOLLOW, "up/rw", 1, 1,
                                                                   __WASI_FSTFLAGS_MTIM), NOTCAP);
    ATTEMPT_LIBC("libc stat through up", stat("/sandbox/up/rw/file", &(struct stat){0}), ENOTCAPABLE);
    ATTEMPT_LIBC("libc opendir up", open("/sandbox/up", O_RDONLY | O_DIRECTORY), ENOTCAPABLE);
    CHECK_WASI("lstat up (the link itself) works", raw_stat("up", 0, &(__wasi_filestat_t){0}), 0);
}

static void loops(void) {
    attempt("open loop", open_path("loop"), __WASI_ERRNO_LOOP);
    attempt("open ping <-> pong", open_path("ping"), __WASI_ERRNO_LOOP);
    attempt("open loop/x", open_path("loop/x"), __WASI_ERRNO_LOOP);
    attempt("create loop/x", create_path("loop/x"), __WASI_ERRNO_LOOP);
    attempt("stat ping/", stat_path("ping/"), __WASI_ERRNO_LOOP);
    attempt("mkdir loop/x", __wasi_path_create_directory(SANDBOX_FD, "loop/x"), __WASI_ERRNO_LOOP);
}

static void trailing_slash(void) {
    attempt("open up/ (GHSA-vqjp-4c8c-hfgg)", open_at(SANDBOX_FD, "up/", 0, 0), NOTCAP);
    attempt("open up/ with O_DIRECTORY", open_at(SANDBOX_FD, "up/", 0, __WASI_OFLAGS_DIRECTORY), NOTCAP);
    // O_CREAT with a trailing slash is EISDIR before anything is looked up; mkdir never follows.
    attempt("create out/ (a dangling link out, with a slash)", create_path("out/"), __WASI_ERRNO_ISDIR);
    attempt("create out/ without FOLLOW", open_at(SANDBOX_FD, "out/", 0, __WASI_OFLAGS_CREAT), __WASI_ERRNO_ISDIR);
    attempt("mkdir out/", __wasi_path_create_directory(SANDBOX_FD, "out/"), __WASI_ERRNO_EXIST);
    attempt("O_CREAT of up/x/ (through up, with a slash)", create_path("up/x/"), NOTCAP);
    // A trailing slash follows the link even without FOLLOW, as in Linux (Wasmtime 49: the link itself).
    attempt("stat up2/ without FOLLOW", __wasi_path_filestat_get(SANDBOX_FD, 0, "up2/", &(__wasi_filestat_t){0}),
            NOTCAP);
    attempt("open fileslash (-> file/)", open_path("fileslash"), __WASI_ERRNO_NOTDIR);
    attempt("open file/", open_path("file/"), __WASI_ERRNO_NOTDIR);
    // rmdir never follows its last name, even before a slash: up is a symlink, not a directory (Linux).
    attempt("rmdir up/", __wasi_path_remove_directory(SANDBOX_FD, "up/"), __WASI_ERRNO_NOTDIR);
}

static void create_through_symlink(void) {
    attempt("O_CREAT through out (CVE-2024-38358)", create_path("out"), NOTCAP);
    attempt("O_CREAT|O_TRUNC through out",
            open_at(SANDBOX_FD, "out", FOLLOW, __WASI_OFLAGS_CREAT | __WASI_OFLAGS_TRUNC), NOTCAP);
    attempt("O_CREAT|O_EXCL at out (never follows)",
            open_at(SANDBOX_FD, "out", FOLLOW, __WASI_OFLAGS_CREAT | __WASI_OFLAGS_EXCL), __WASI_ERRNO_EXIST);
    attempt("O_CREAT through up/created", create_path("up/created"), NOTCAP);
    attempt("O_CREAT through chain1/created", create_path("chain1/created"), NOTCAP);
    ATTEMPT_LIBC("libc O_CREAT through out", open("/sandbox/out", O_WRONLY | O_CREAT, 0644), ENOTCAPABLE);
    ATTEMPT_LIBC("libc fopen(w) through out", fopen("/sandbox/out", "w") ? 0 : -1, ENOTCAPABLE);
}

static void swapped_symlink(void) {
    CHECK_SYS("create swap/x", put_text("/sandbox/swap/x", "x"));
    __wasi_fd_t swap = 0;
    CHECK_WASI("open swap as a directory", __wasi_path_open(SANDBOX_FD, 0, "swap", __WASI_OFLAGS_DIRECTORY,
                                                            DIR_RIGHTS, DIR_RIGHTS | FILE_RIGHTS, 0, &swap), 0);
    CHECK_WASI("open swap/x", open_path("swap/x"), 0);
    CHECK_WASI("rename swap away", __wasi_path_rename(SANDBOX_FD, "swap", SANDBOX_FD, "swapped"), 0);
    CHECK_WASI("and put a symlink to .. in its place", __wasi_path_symlink("..", SANDBOX_FD, "swap"), 0);
    attempt("open swap/rw/victim after the swap", open_path("swap/rw/victim"), NOTCAP);
    attempt("create swap/created after the swap", create_path("swap/created"), NOTCAP);
    attempt("unlink swap/rw/victim after the swap", __wasi_path_unlink_file(SANDBOX_FD, "swap/rw/victim"), NOTCAP);
    attempt("the old fd still names the directory: .. from it", open_at(swap, "..", 0, __WASI_OFLAGS_DIRECTORY),
            NOTCAP);
    CHECK_WASI("and x is still found through it", open_at(swap, "x", 0, 0), 0);
    CHECK_WASI("swap the symlink for a directory again", __wasi_path_unlink_file(SANDBOX_FD, "swap"), 0);
    attempt("open swap/x now", open_path("swap/x"), __WASI_ERRNO_NOENT);
    raw_close(swap);
}

static void truncate_read_only(void) {
    __wasi_fd_t dir = 0;
    CHECK_WASI("open . as a directory without PATH_FILESTAT_SET_SIZE",
               __wasi_path_open(SANDBOX_FD, 0, ".", __WASI_OFLAGS_DIRECTORY,
                                __WASI_RIGHTS_PATH_OPEN | __WASI_RIGHTS_FD_READDIR, FILE_RIGHTS, 0, &dir), 0);
    attempt("O_TRUNC through it (GHSA-2r75-cxrj-cmph)", open_at(dir, "victim", 0, __WASI_OFLAGS_TRUNC), NOTCAP);
    attempt("O_CREAT through it", open_at(dir, "created", 0, __WASI_OFLAGS_CREAT), NOTCAP);
    raw_close(dir);
    __wasi_fdstat_t other;
    CHECK_WASI("fdstat of /other", __wasi_fd_fdstat_get(OTHER_FD, &other), 0);
    CHECK_WASI("drop PATH_FILESTAT_SET_SIZE from /other",
               __wasi_fd_fdstat_set_rights(OTHER_FD, other.fs_rights_base & ~__WASI_RIGHTS_PATH_FILESTAT_SET_SIZE,
                                           other.fs_rights_inheriting), 0);
    attempt("O_TRUNC in /other now", open_at(OTHER_FD, "keep", 0, __WASI_OFLAGS_TRUNC), NOTCAP);
    attempt("O_TRUNC of victim through /ro", open_at(RO_FD, "rw/victim", 0, __WASI_OFLAGS_TRUNC), __WASI_ERRNO_PERM);
    attempt("O_TRUNC|O_CREAT through /ro", open_at(RO_FD, "rw/victim", 0, __WASI_OFLAGS_TRUNC | __WASI_OFLAGS_CREAT),
            __WASI_ERRNO_PERM);
    __wasi_fd_t f = 0;
    attempt("open victim through /ro asking for every right",
            __wasi_path_open(RO_FD, 0, "rw/victim", 0, ALL_RIGHTS, ALL_RIGHTS, 0, &f), __WASI_ERRNO_PERM);
    CHECK_WASI("open victim through /ro asking for every right but FD_WRITE",
               __wasi_path_open(RO_FD, 0, "rw/victim", 0, ALL_RIGHTS & ~(__wasi_rights_t)__WASI_RIGHTS_FD_WRITE,
                                ALL_RIGHTS, 0, &f), 0);
    attempt("fd_filestat_set_size on it", __wasi_fd_filestat_set_size(f, 0), __WASI_ERRNO_PERM);
    __wasi_ciovec_t iov = {(const uint8_t *)"X", 1};
    __wasi_size_t n;
    attempt("fd_pwrite on it", __wasi_fd_pwrite(f, &iov, 1, 0, &n), __WASI_ERRNO_BADF);
    attempt("fd_allocate on it", __wasi_fd_allocate(f, 0, 100), __WASI_ERRNO_BADF);
    raw_close(f);
}

static void across_preopens(void) {
    attempt("link from /ro into /sandbox (GHSA-4ch3-9j33-3pmj)",
            __wasi_path_link(RO_FD, 0, "rw/victim", SANDBOX_FD, "linked"), __WASI_ERRNO_PERM);
    attempt("link from /ro into /other", __wasi_path_link(RO_FD, 0, "rw/victim", OTHER_FD, "linked"), __WASI_ERRNO_PERM);
    attempt("rename from /ro into /other", __wasi_path_rename(RO_FD, "rw/victim", OTHER_FD, "moved"), __WASI_ERRNO_PERM);
    attempt("rename from /sandbox into /ro", __wasi_path_rename(SANDBOX_FD, "file", RO_FD, "moved"), __WASI_ERRNO_PERM);
    attempt("link from /sandbox into /ro", __wasi_path_link(SANDBOX_FD, 0, "file", RO_FD, "linked"), __WASI_ERRNO_PERM);
    attempt("rename over /ro's victim", __wasi_path_rename(SANDBOX_FD, "file", RO_FD, "rw/victim"), __WASI_ERRNO_PERM);
    attempt("symlink in /ro", __wasi_path_symlink("rw/victim", RO_FD, "linked"), __WASI_ERRNO_PERM);
    attempt("link /other/keep through .. of /sandbox",
            __wasi_path_link(SANDBOX_FD, 0, "../../other/keep", SANDBOX_FD, "k"), NOTCAP);
    CHECK_TRUE("nothing was linked or moved", !exists("/sandbox/linked") && !exists("/other/linked") &&
                                              !exists("/other/moved") && exists("/sandbox/file"));
}

static void rights_grow(void) {
    __wasi_fd_t dir = 0;
    CHECK_WASI("open dir with PATH_OPEN only, inheriting FD_READ",
               __wasi_path_open(SANDBOX_FD, 0, "dir", __WASI_OFLAGS_DIRECTORY, __WASI_RIGHTS_PATH_OPEN,
                                __WASI_RIGHTS_FD_READ, 0, &dir), 0);
    attempt("fd_fdstat_set_rights adding PATH_CREATE_FILE",
            __wasi_fd_fdstat_set_rights(dir, __WASI_RIGHTS_PATH_OPEN | __WASI_RIGHTS_PATH_CREATE_FILE,
                                        __WASI_RIGHTS_FD_READ), NOTCAP);
    attempt("fd_fdstat_set_rights adding inheriting FD_WRITE",
            __wasi_fd_fdstat_set_rights(dir, __WASI_RIGHTS_PATH_OPEN, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE),
            NOTCAP);
    __wasi_fd_t f = 0;
    CHECK_WASI("open inner through it asking for FD_WRITE",
               __wasi_path_open(dir, 0, "inner", 0, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE, 0, 0, &f), 0);
    __wasi_fdstat_t st;
    CHECK_WASI("fdstat of inner", __wasi_fd_fdstat_get(f, &st), 0);
    CHECK_HEX("it has FD_READ only", st.fs_rights_base, __WASI_RIGHTS_FD_READ);
    __wasi_ciovec_t iov = {(const uint8_t *)"X", 1};
    __wasi_size_t n;
    attempt("fd_write on it", __wasi_fd_write(f, &iov, 1, &n), __WASI_ERRNO_BADF);
    attempt("fd_fdstat_set_rights giving it FD_WRITE",
            __wasi_fd_fdstat_set_rights(f, __WASI_RIGHTS_FD_READ | __WASI_RIGHTS_FD_WRITE, 0), NOTCAP);
    raw_close(f);
    attempt("O_CREAT through it", open_at(dir, "new", 0, __WASI_OFLAGS_CREAT), NOTCAP);
    __wasi_fd_t again = 0;
    CHECK_WASI("open . through it asking for every directory right",
               __wasi_path_open(dir, 0, ".", __WASI_OFLAGS_DIRECTORY, DIR_RIGHTS, ALL_RIGHTS, 0, &again), 0);
    CHECK_WASI("fdstat of that", __wasi_fd_fdstat_get(again, &st), 0);
    CHECK_HEX("it got nothing more than dir could hand down", st.fs_rights_base & ~(__wasi_rights_t)__WASI_RIGHTS_FD_READ, 0);
    attempt("mkdir through it", __wasi_path_create_directory(again, "new"), NOTCAP);
    raw_close(again);
    raw_close(dir);
}

/* path_open and path_create_directory with an explicit length, so a name may hold a NUL. */
__attribute__((import_module("wasi_snapshot_preview1"), import_name("path_open"))) int32_t
raw_path_open_n(int32_t fd, int32_t dirflags, int32_t path, int32_t path_len, int32_t oflags, int64_t base,
                int64_t inheriting, int32_t fdflags, int32_t fd_out);
__attribute__((import_module("wasi_snapshot_preview1"), import_name("path_create_directory"))) int32_t
raw_mkdir_n(int32_t fd, int32_t path, int32_t path_len);

static int create_n(const char *path, size_t len) {
    __wasi_fd_t fd = 0;
    int e = raw_path_open_n(SANDBOX_FD, 0, (int32_t)(intptr_t)path, (int32_t)len, __WASI_OFLAGS_CREAT,
                            FILE_RIGHTS, 0, 0, (int32_t)(intptr_t)&fd);
    if (e == 0) {
        raw_close(fd);
    }
    return e;
}

static char long_path[8192];

static void bad_names(void) {
    attempt("create a name with a NUL", create_n("file\0x", 6), __WASI_ERRNO_INVAL);
    attempt("create ../x hidden after a NUL", create_n("x\0/../../y", 10), __WASI_ERRNO_INVAL);
    attempt("mkdir a name with a NUL", raw_mkdir_n(SANDBOX_FD, (int32_t)(intptr_t)"d\0", 2), __WASI_ERRNO_INVAL);
    attempt("create a name ending in a NUL", create_n("file\0", 5), __WASI_ERRNO_INVAL);
    attempt("create \\xff", create_n("\xff", 1), __WASI_ERRNO_ILSEQ);
    attempt("create a truncated sequence \\xc3", create_n("a\xc3", 2), __WASI_ERRNO_ILSEQ);
    attempt("create an overlong / (\\xc0\\xaf)", create_n("\xc0\xaf", 2), __WASI_ERRNO_ILSEQ);
    attempt("create an overlong ../ (\\xc0\\xae\\xc0\\xae/x)", create_n("\xc0\xae\xc0\xae/x", 5), __WASI_ERRNO_ILSEQ);
    attempt("create a surrogate \\xed\\xa0\\x80", create_n("\xed\xa0\x80", 3), __WASI_ERRNO_ILSEQ);
    attempt("create past U+10FFFF \\xf4\\x90\\x80\\x80", create_n("\xf4\x90\x80\x80", 4), __WASI_ERRNO_ILSEQ);
    attempt("create a three-byte overlong \\xe0\\x80\\xaf", create_n("\xe0\x80\xaf", 3), __WASI_ERRNO_ILSEQ);
    CHECK_WASI("create a valid UTF-8 name", create_n("caf\xc3\xa9", 5), 0);
    CHECK_TRUE("nothing but it was made in /sandbox", strstr(listing("/sandbox"), "file\xc3") == NULL);

    memset(long_path, 'n', 255);
    long_path[255] = 0;
    CHECK_WASI("create a 255-byte name", create_path(long_path), 0);
    memset(long_path, 'n', 256);
    long_path[256] = 0;
    attempt("create a 256-byte name", create_path(long_path), __WASI_ERRNO_NAMETOOLONG);
    memset(long_path, 'n', 5000);
    long_path[5000] = 0;
    attempt("create a 5000-byte name", create_path(long_path), __WASI_ERRNO_NAMETOOLONG);
    size_t n = 0;
    while (n + 3 <= 4200) {
        memcpy(long_path + n, "../", 3);
        n += 3;
    }
    long_path[n] = 0;
    attempt("open 1400 ../ (over 4 KiB)", open_path(long_path), __WASI_ERRNO_NAMETOOLONG);
}

static void deep_paths(void) {
    __wasi_fd_t at = SANDBOX_FD;
    int made = 0;
    CHECK_SYS("mkdir deep0", mkdir("/sandbox/deep0", 0755));
    __wasi_fd_t next = 0;
    CHECK_WASI("open deep0", __wasi_path_open(SANDBOX_FD, 0, "deep0", __WASI_OFLAGS_DIRECTORY, DIR_RIGHTS,
                                              DIR_RIGHTS | FILE_RIGHTS, 0, &next), 0);
    at = next;
    for (int i = 0; i < 1000; i++) {
        if (__wasi_path_create_directory(at, "d") != 0 ||
            __wasi_path_open(at, 0, "d", __WASI_OFLAGS_DIRECTORY, DIR_RIGHTS, DIR_RIGHTS | FILE_RIGHTS, 0, &next) != 0) {
            break;
        }
        raw_close(at);
        at = next;
        made++;
    }
    CHECK_INT("made 1000 nested directories", made, 1000);
    CHECK_WASI("create a file at the bottom", open_at(at, "bottom", 0, __WASI_OFLAGS_CREAT), 0);
    size_t n = 0;
    memcpy(long_path, "deep0/", 6);
    n = 6;
    for (int i = 0; i < 1000; i++) {
        memcpy(long_path + n, "d/", 2);
        n += 2;
    }
    memcpy(long_path + n, "bottom", 7);
    CHECK_WASI("open the bottom file by a 2012-byte path of 1001 levels", open_path(long_path), 0);
    n = 0;
    for (int i = 0; i < 1000; i++) {
        memcpy(long_path + n, "../", 3);
        n += 3;
    }
    long_path[n] = 0;
    attempt("1000 .. from the bottom fd (its own root)", open_at(at, long_path, 0, __WASI_OFLAGS_DIRECTORY), NOTCAP);
    n = 0;
    for (int i = 0; i < 1000; i++) {
        memcpy(long_path + n, "../", 3);
        n += 3;
    }
    memcpy(long_path + n, "..", 3);
    memcpy(long_path, "d/", 2);
    CHECK_WASI("mkdir d at the bottom", __wasi_path_create_directory(at, "d"), 0);
    attempt("d/ then 1000 .. from the bottom fd", open_at(at, long_path, 0, __WASI_OFLAGS_DIRECTORY), NOTCAP);
    raw_close(at);
}

int main(void) {
    check_begin("escapes");
    setup();
    dot_dot();
    absolute();
    symlinks_out();
    loops();
    trailing_slash();
    create_through_symlink();
    swapped_symlink();
    truncate_read_only();
    across_preopens();
    rights_grow();
    bad_names();
    deep_paths();
    printf("# escape attempts: %d\n", attempts);
    return check_done();
}
