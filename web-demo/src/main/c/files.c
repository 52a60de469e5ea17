/* Works in the in-memory filesystem preopened at /sandbox: creates a directory, writes, appends,
 * reads back, lists, renames and removes files. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int fail(const char *what) {
    fprintf(stderr, "%s: %s\n", what, strerror(errno));
    return 1;
}

static int write_text(const char *path, const char *mode, const char *text) {
    FILE *f = fopen(path, mode);
    if (f == NULL) return fail(path);
    fputs(text, f);
    return fclose(f) == 0 ? 0 : fail(path);
}

int main(void) {
    if (mkdir("/sandbox/notes", 0755) != 0) return fail("mkdir /sandbox/notes");
    if (write_text("/sandbox/notes/todo.txt", "w", "write a polyfill\n")) return 1;
    if (write_text("/sandbox/notes/todo.txt", "a", "run it in a browser\n")) return 1;
    if (write_text("/sandbox/notes/done.txt", "w", "nothing yet\n")) return 1;

    char buf[256];
    FILE *f = fopen("/sandbox/notes/todo.txt", "r");
    if (f == NULL) return fail("open todo.txt");
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    printf("todo.txt holds %zu bytes:\n%s", n, buf);

    if (rename("/sandbox/notes/done.txt", "/sandbox/notes/archive.txt") != 0) return fail("rename");

    DIR *dir = opendir("/sandbox/notes");
    if (dir == NULL) return fail("opendir");
    printf("files in /sandbox/notes:\n");
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] == '.') continue;
        char path[300];
        snprintf(path, sizeof path, "/sandbox/notes/%s", entry->d_name);
        struct stat st;
        if (stat(path, &st) != 0) return fail(path);
        printf("  %-12s %lld bytes\n", entry->d_name, (long long) st.st_size);
    }
    closedir(dir);

    if (unlink("/sandbox/notes/archive.txt") != 0) return fail("unlink");
    printf("removed archive.txt; it %s\n", access("/sandbox/notes/archive.txt", F_OK) == 0 ? "still exists" : "is gone");
    return 0;
}
