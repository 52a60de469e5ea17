/* ls [-a] [PATH...]: lists each directory and, recursively, every directory below it, like ls -lR: per entry its
 * type, link count, size, modification time (UTC) and name, a symbolic link with its target. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int show_hidden;
static int status;

static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *) a, *(char *const *) b);
}

static char type_of(mode_t mode) {
    if (S_ISDIR(mode)) return 'd';
    if (S_ISLNK(mode)) return 'l';
    if (S_ISCHR(mode)) return 'c';
    if (S_ISBLK(mode)) return 'b';
    if (S_ISSOCK(mode)) return 's';
    if (S_ISFIFO(mode)) return 'p';
    return '-';
}

static void join(char *out, size_t size, const char *dir, const char *name) {
    size_t n = strlen(dir);
    snprintf(out, size, "%s%s%s", dir, n > 0 && dir[n - 1] == '/' ? "" : "/", name);
}

static void list(const char *dir, int first) {
    DIR *d = opendir(dir);
    if (d == NULL) {
        fprintf(stderr, "ls: %s: %s\n", dir, strerror(errno));
        status = 1;
        return;
    }
    char **names = NULL;
    size_t count = 0;
    struct dirent *entry;
    while ((entry = readdir(d)) != NULL) {
        if (entry->d_name[0] == '.' && !show_hidden) continue;
        names = realloc(names, (count + 1) * sizeof *names);
        names[count++] = strdup(entry->d_name);
    }
    closedir(d);
    qsort(names, count, sizeof *names, by_name);

    printf("%s\033[1;34m%s\033[0m:\n", first ? "" : "\n", dir);
    long long total = 0;
    struct stat *stats = calloc(count ? count : 1, sizeof *stats);
    for (size_t i = 0; i < count; i++) {
        char path[1024];
        join(path, sizeof path, dir, names[i]);
        if (lstat(path, &stats[i]) != 0) {
            fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
            status = 1;
            stats[i].st_mode = 0;
        }
        total += stats[i].st_size;
    }
    printf("total %lld bytes in %zu entries\n", total, count);
    for (size_t i = 0; i < count; i++) {
        char path[1024], when[32], target[1024] = "";
        join(path, sizeof path, dir, names[i]);
        struct tm tm;
        time_t mtime = stats[i].st_mtim.tv_sec;
        strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", gmtime_r(&mtime, &tm));
        const char *colour = "";
        if (S_ISDIR(stats[i].st_mode)) colour = "\033[1;34m";
        else if (S_ISLNK(stats[i].st_mode)) {
            colour = "\033[1;36m";
            ssize_t n = readlink(path, target, sizeof target - 1);
            target[n < 0 ? 0 : n] = '\0';
        }
        printf("%c %3llu %9lld %s %s%s\033[0m%s%s\n", type_of(stats[i].st_mode),
               (unsigned long long) stats[i].st_nlink, (long long) stats[i].st_size, when, colour, names[i],
               target[0] ? " -> " : "", target);
    }
    for (size_t i = 0; i < count; i++) {
        if (S_ISDIR(stats[i].st_mode) && strcmp(names[i], ".") != 0 && strcmp(names[i], "..") != 0) {
            char path[1024];
            join(path, sizeof path, dir, names[i]);
            list(path, 0);
        }
        free(names[i]);
    }
    free(names);
    free(stats);
}

int main(int argc, char **argv) {
    int i = 1;
    if (i < argc && strcmp(argv[i], "-a") == 0) {
        show_hidden = 1;
        i++;
    }
    if (i == argc) list(".", 1);
    for (int first = 1; i < argc; i++, first = 0) list(argv[i], first);
    return status;
}
