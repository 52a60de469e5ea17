/*
 * directories: path_create_directory and path_remove_directory with their errnos, directory
 * listings (sorted, so entry order never matters), and libc's emulated working directory.
 *
 * /sandbox after setup:
 *   file.txt
 *   d1/  sub/  note.txt
 *   many/  f000 .. f099
 *
 * Where node:wasi (uvwasi) differs, Wasmtime's answer is expected: an empty path is EINVAL there
 * (ENOENT), and rmdir("d2/") removes d2 there (EINVAL).
 */
#include <dirent.h>

#include "guest.h"

static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists path (without . and ..) sorted and joined with ',' into out; returns the count or -1. */
static int list_dir(const char *path, char *out, size_t cap) {
    DIR *dir = opendir(path);
    if (dir == NULL) {
        return -1;
    }
    char *names[256];
    int count = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL && count < 256) {
        if (strcmp(entry->d_name, ".") != 0 && strcmp(entry->d_name, "..") != 0) {
            names[count++] = strdup(entry->d_name);
        }
    }
    closedir(dir);
    qsort(names, (size_t)count, sizeof names[0], compare_names);
    out[0] = 0;
    for (int i = 0; i < count; i++) {
        if (i > 0) {
            strncat(out, ",", cap - strlen(out) - 1);
        }
        strncat(out, names[i], cap - strlen(out) - 1);
        free(names[i]);
    }
    return count;
}

static void creating(void) {
    struct stat st;
    CHECK_SYS("mkdir d1", mkdir("/sandbox/d1", 0755));
    CHECK_SYS("stat d1", stat("/sandbox/d1", &st));
    CHECK_TRUE("d1 is a directory", S_ISDIR(st.st_mode));
    CHECK_ERRNO("mkdir d1 again", mkdir("/sandbox/d1", 0755), EEXIST);
    CHECK_SYS("create file.txt", put_text("/sandbox/file.txt", "x"));
    CHECK_ERRNO("mkdir over a file", mkdir("/sandbox/file.txt", 0755), EEXIST);
    CHECK_ERRNO("mkdir in a missing parent", mkdir("/sandbox/missing/x", 0755), ENOENT);
    CHECK_ERRNO("mkdir below a file", mkdir("/sandbox/file.txt/x", 0755), ENOTDIR);
    CHECK_SYS("mkdir d1/sub", mkdir("/sandbox/d1/sub", 0755));
    CHECK_SYS("mkdir d2/ with a trailing slash", mkdir("/sandbox/d2/", 0755));
    CHECK_INT("d2 exists as a directory", filetype_of("d2"), __WASI_FILETYPE_DIRECTORY);
    CHECK_SYS("create d1/note.txt", put_text("/sandbox/d1/note.txt", "note"));

    CHECK_WASI("raw path_create_directory d3", __wasi_path_create_directory(SANDBOX_FD, "d3"), 0);
    CHECK_WASI("raw path_create_directory d3 again", __wasi_path_create_directory(SANDBOX_FD, "d3"),
               __WASI_ERRNO_EXIST);
    CHECK_WASI("raw path_create_directory with an empty path", __wasi_path_create_directory(SANDBOX_FD, ""),
               __WASI_ERRNO_NOENT);
    CHECK_WASI("raw path_create_directory d1/sub/deeper", __wasi_path_create_directory(SANDBOX_FD, "d1/sub/deeper"),
               0);
    CHECK_WASI("raw path_create_directory d1/sub/../sub2", __wasi_path_create_directory(SANDBOX_FD, "d1/sub/../sub2"),
               0);
    CHECK_INT("d1/sub2 was created", filetype_of("d1/sub2"), __WASI_FILETYPE_DIRECTORY);

    char names[512];
    CHECK_INT("d1 lists 3 entries", list_dir("/sandbox/d1", names, sizeof names), 3);
    CHECK_STR("d1 entries", names, "note.txt,sub,sub2");
    CHECK_INT("the sandbox lists 4 entries", list_dir("/sandbox", names, sizeof names), 4);
    CHECK_STR("sandbox entries", names, "d1,d2,d3,file.txt");
}

static void removing(void) {
    CHECK_ERRNO("rmdir a non-empty directory", rmdir("/sandbox/d1"), ENOTEMPTY);
    CHECK_ERRNO("rmdir a file", rmdir("/sandbox/file.txt"), ENOTDIR);
    CHECK_ERRNO("rmdir a missing directory", rmdir("/sandbox/missing"), ENOENT);
    CHECK_ERRNO("unlink a directory", unlink("/sandbox/d2"), EISDIR);
    CHECK_SYS("rmdir d1/sub/deeper", rmdir("/sandbox/d1/sub/deeper"));
    CHECK_INT("d1/sub/deeper is gone", filetype_of("d1/sub/deeper"), 0xff);
    // cap-std resolves "d2/" as "d2/." and removing "." is EINVAL, so Wasmtime refuses this
    // (Linux would remove d2).
    CHECK_ERRNO("rmdir d2/ with a trailing slash", rmdir("/sandbox/d2/"), EINVAL);
    CHECK_SYS("rmdir d2", rmdir("/sandbox/d2"));
    CHECK_WASI("raw path_remove_directory d3", __wasi_path_remove_directory(SANDBOX_FD, "d3"), 0);
    CHECK_WASI("raw path_remove_directory d3 again", __wasi_path_remove_directory(SANDBOX_FD, "d3"),
               __WASI_ERRNO_NOENT);
    CHECK_WASI("raw path_remove_directory of a file", __wasi_path_remove_directory(SANDBOX_FD, "file.txt"),
               __WASI_ERRNO_NOTDIR);
    CHECK_WASI("raw path_remove_directory d1 (not empty)", __wasi_path_remove_directory(SANDBOX_FD, "d1"),
               __WASI_ERRNO_NOTEMPTY);
    CHECK_WASI("raw path_unlink_file of a directory", __wasi_path_unlink_file(SANDBOX_FD, "d1/sub"),
               __WASI_ERRNO_ISDIR);

    // An open directory can still be removed; its fd keeps working for fstat.
    CHECK_SYS("mkdir gone", mkdir("/sandbox/gone", 0755));
    int fd = CHECK_SYS("open gone", open("/sandbox/gone", O_RDONLY | O_DIRECTORY));
    CHECK_SYS("rmdir gone while it is open", rmdir("/sandbox/gone"));
    struct stat st;
    CHECK_SYS("fstat the removed directory", fstat(fd, &st));
    CHECK_TRUE("it is still a directory", S_ISDIR(st.st_mode));
    CHECK_ERRNO("creating in the removed directory", openat(fd, "x", O_WRONLY | O_CREAT, 0644), ENOENT);
    close(fd);
}

static void many_entries(void) {
    CHECK_SYS("mkdir many", mkdir("/sandbox/many", 0755));
    int made = 0;
    for (int i = 0; i < 100; i++) {
        char path[64];
        snprintf(path, sizeof path, "/sandbox/many/f%03d", i);
        made += put_text(path, "") == 0;
    }
    CHECK_INT("created 100 files", made, 100);
    char names[1024];
    CHECK_INT("many lists 100 entries", list_dir("/sandbox/many", names, sizeof names), 100);
    CHECK_INT("sorted listing starts with f000", strncmp(names, "f000,f001,f002", 14), 0);
    CHECK_STR("sorted listing ends with f099", names + strlen(names) - 4, "f099");
    int removed = 0;
    for (int i = 0; i < 100; i += 2) {
        char path[64];
        snprintf(path, sizeof path, "/sandbox/many/f%03d", i);
        removed += unlink(path) == 0;
    }
    CHECK_INT("removed 50 files", removed, 50);
    CHECK_INT("many lists 50 entries", list_dir("/sandbox/many", names, sizeof names), 50);
    CHECK_INT("odd names remain", strncmp(names, "f001,f003,f005", 14), 0);
}

static void working_directory(void) {
    // wasi-libc emulates chdir/getcwd on top of the preopens; relative paths then resolve from it.
    char cwd[256];
    CHECK_STR("initial cwd", getcwd(cwd, sizeof cwd), "/");
    CHECK_SYS("open a relative path from /", close(open("sandbox/file.txt", O_RDONLY)));
    CHECK_SYS("chdir /sandbox/d1", chdir("/sandbox/d1"));
    CHECK_STR("cwd after chdir", getcwd(cwd, sizeof cwd), "/sandbox/d1");
    char buf[16];
    CHECK_MEM("relative open from the new cwd", buf, get_file("note.txt", buf, sizeof buf), "note", 4);
    CHECK_SYS("relative mkdir", mkdir("rel", 0755));
    CHECK_INT("relative mkdir landed in d1", filetype_of("d1/rel"), __WASI_FILETYPE_DIRECTORY);
    CHECK_SYS("chdir /sandbox", chdir("/sandbox"));
    CHECK_STR("cwd after chdir /sandbox", getcwd(cwd, sizeof cwd), "/sandbox");
    CHECK_ERRNO("chdir to a file", chdir("/sandbox/file.txt"), ENOTDIR);
    CHECK_ERRNO("chdir to a missing directory", chdir("/sandbox/missing"), ENOENT);
    CHECK_STR("failed chdir keeps the cwd", getcwd(cwd, sizeof cwd), "/sandbox");
}

int main(void) {
    check_begin("directories");
    creating();
    removing();
    many_entries();
    working_directory();
    return check_done();
}
