/*
 * fs_tool: a tiny file tool driven by its arguments, so a host can script what a guest does to
 * the filesystem and read back what it saw (the JS API checks use it to test MemFS <-> guest).
 *
 *   fs_tool COMMAND ARGS... [COMMAND ARGS...]...
 *
 *   cat PATH            contents, printable ASCII as is, other bytes escaped (\n, \xNN)
 *   write PATH TEXT     create or truncate, then write TEXT        (fopen "w")
 *   append PATH TEXT    append TEXT, creating the file if needed   (fopen "a")
 *   save PATH           write all of stdin to PATH
 *   ls DIR              entry names sorted bytewise, "name/" for a directory, "name@" for a symlink;
 *                       "(empty)" for none (at most 256 entries)
 *   mkdir PATH | rmdir PATH | rm PATH | mv FROM TO | link OLD NEW | symlink TARGET PATH
 *   stat PATH | lstat PATH    type, and size and nlink except for directories (whose size and
 *                             link count depend on the host filesystem under Wasmtime)
 *   readlink PATH
 *
 * Each command prints one line, "<command> <path>: <result>", where the result is "ok", the data
 * asked for, or the errno name of the failure; the tool goes on with the next command either way.
 * The exit status is 0, or 2 for an unknown command or missing arguments.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h" /* errno_name */

/* Starts a command's line: "<cmd> <path>: ", the result follows. */
static void begin(const char *cmd, const char *path) {
    printf("%s %s: ", cmd, path);
}

/* Ends a command's line with "ok" (result 0) or the errno name. */
static void done(int result) {
    puts(result == 0 ? "ok" : errno_name(errno));
}

static void print_escaped(const unsigned char *data, size_t len) {
    for (size_t i = 0; i < len; i++) {
        unsigned char c = data[i];
        if (c == '\n') {
            fputs("\\n", stdout);
        } else if (c == '\\') {
            fputs("\\\\", stdout);
        } else if (c >= 32 && c < 127) {
            putchar(c);
        } else {
            printf("\\x%02x", c);
        }
    }
}

static void do_cat(const char *path, const char *unused) {
    (void)unused;
    begin("cat", path);
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        done(-1);
        return;
    }
    unsigned char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
        print_escaped(buf, n);
    }
    int failed = ferror(f);
    int saved = errno;
    fclose(f);
    if (failed) {
        printf(" %s", errno_name(saved));
    }
    putchar('\n');
}

/* Writes len bytes of data to path, opened with mode ("w" or "a"). */
static void put(const char *cmd, const char *path, const char *mode, const void *data, size_t len) {
    begin(cmd, path);
    FILE *f = fopen(path, mode);
    if (f == NULL) {
        done(-1);
        return;
    }
    /* fwrite buffers: a write error may show only when fclose flushes; report the first one. */
    int written = fwrite(data, 1, len, f) == len;
    int write_errno = errno;
    int closed = fclose(f) == 0;
    if (!written) {
        errno = write_errno;
    }
    done(written && closed ? 0 : -1);
}

static void do_save(const char *path, const char *unused) {
    (void)unused;
    size_t cap = 256, len = 0, n;
    char *data = malloc(cap);
    while (data != NULL && (n = fread(data + len, 1, cap - len, stdin)) > 0) {
        len += n;
        if (len == cap) {
            cap *= 2;
            data = realloc(data, cap);
        }
    }
    if (data == NULL) {
        begin("save", path);
        puts("out of memory");
        return;
    }
    put("save", path, "wb", data, len);
    free(data);
}

static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void do_ls(const char *path, const char *unused) {
    (void)unused;
    begin("ls", path);
    DIR *dir = opendir(path);
    if (dir == NULL) {
        done(-1);
        return;
    }
    char *names[256];
    size_t count = 0;
    struct dirent *entry;
    while (count < sizeof names / sizeof names[0] && (entry = readdir(dir)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) {
            continue;
        }
        const char *suffix = entry->d_type == DT_DIR ? "/" : entry->d_type == DT_LNK ? "@" : "";
        size_t len = strlen(entry->d_name);
        names[count] = malloc(len + 2);
        memcpy(names[count], entry->d_name, len);
        strcpy(names[count] + len, suffix);
        count++;
    }
    closedir(dir);
    qsort(names, count, sizeof names[0], compare_names);
    for (size_t i = 0; i < count; i++) {
        printf(i == 0 ? "%s" : " %s", names[i]);
        free(names[i]);
    }
    puts(count == 0 ? "(empty)" : "");
}

static void print_stat(const char *cmd, const char *path, int follow) {
    begin(cmd, path);
    struct stat st;
    if ((follow ? stat(path, &st) : lstat(path, &st)) != 0) {
        done(-1);
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        puts("directory");
        return;
    }
    const char *type = S_ISREG(st.st_mode) ? "file" : S_ISLNK(st.st_mode) ? "symlink" : "other";
    printf("%s size %lld nlink %lld\n", type, (long long)st.st_size, (long long)st.st_nlink);
}

static void do_readlink(const char *path, const char *unused) {
    (void)unused;
    begin("readlink", path);
    char target[1024];
    ssize_t n = readlink(path, target, sizeof target - 1);
    if (n < 0) {
        done(-1);
        return;
    }
    target[n] = 0;
    puts(target);
}

static void do_write(const char *path, const char *text) {
    put("write", path, "wb", text, strlen(text));
}

static void do_append(const char *path, const char *text) {
    put("append", path, "ab", text, strlen(text));
}

static void do_stat(const char *path, const char *unused) {
    (void)unused;
    print_stat("stat", path, 1);
}

static void do_lstat(const char *path, const char *unused) {
    (void)unused;
    print_stat("lstat", path, 0);
}

static void do_mkdir(const char *path, const char *unused) {
    (void)unused;
    begin("mkdir", path);
    done(mkdir(path, 0755));
}

static void do_rmdir(const char *path, const char *unused) {
    (void)unused;
    begin("rmdir", path);
    done(rmdir(path));
}

static void do_rm(const char *path, const char *unused) {
    (void)unused;
    begin("rm", path);
    done(unlink(path));
}

static void do_mv(const char *from, const char *to) {
    printf("mv %s %s: ", from, to);
    done(rename(from, to));
}

static void do_link(const char *old_path, const char *new_path) {
    printf("link %s %s: ", old_path, new_path);
    done(link(old_path, new_path));
}

static void do_symlink(const char *target, const char *path) {
    printf("symlink %s %s: ", target, path);
    done(symlink(target, path));
}

static const struct {
    const char *name;
    int args; /* 1 or 2; a one-argument command gets NULL as its second */
    void (*run)(const char *, const char *);
} commands[] = {
    {"cat", 1, do_cat},     {"write", 2, do_write}, {"append", 2, do_append},     {"save", 1, do_save},
    {"ls", 1, do_ls},       {"mkdir", 1, do_mkdir}, {"rmdir", 1, do_rmdir},       {"rm", 1, do_rm},
    {"mv", 2, do_mv},       {"link", 2, do_link},   {"symlink", 2, do_symlink},   {"stat", 1, do_stat},
    {"lstat", 1, do_lstat}, {"readlink", 1, do_readlink},
};

int main(int argc, char **argv) {
    for (int i = 1; i < argc;) {
        int known = 0;
        for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++) {
            if (strcmp(argv[i], commands[c].name) == 0 && i + commands[c].args < argc) {
                commands[c].run(argv[i + 1], commands[c].args == 2 ? argv[i + 2] : NULL);
                i += 1 + commands[c].args;
                known = 1;
                break;
            }
        }
        if (!known) {
            fprintf(stderr, "fs_tool: unknown command or missing arguments at '%s'\n", argv[i]);
            return 2;
        }
    }
    return 0;
}
