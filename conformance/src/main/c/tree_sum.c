/*
 * tree_sum: walks directory trees and prints what it finds, with a CRC-32 of every file's bytes, so a host
 * can check that a tree it mounted (an archive, a lazy file) reads back exactly through WASI.
 *
 *   tree_sum COMMAND ARGS... [COMMAND ARGS...]...
 *
 *   walk DIR                 one line per entry below DIR, names sorted bytewise, paths relative to DIR:
 *                              "d PATH", "f PATH SIZE CRC", "l PATH -> TARGET"
 *                            then "walk DIR: N files, M bytes, crc CRC" (CRC over all file bytes in walk order)
 *   range PATH OFFSET LEN    reads LEN bytes at OFFSET (pread, in 64 KiB calls):
 *                              "range PATH OFFSET LEN: N bytes, crc CRC"
 *
 * CRCs are CRC-32 (ISO 3309, as zip's) in 8 lowercase hex digits. A failure prints the errno name in place of
 * the result ("walk DIR: ENOENT", "range PATH OFFSET LEN: EIO") and the tool goes on with the next command.
 * The exit status is 0, or 2 for an unknown command or missing arguments.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h" /* errno_name */

#define CHUNK (64 * 1024)

static uint32_t crc_table[256];
static unsigned char buffer[CHUNK];

static void crc_init(void) {
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++) {
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        }
        crc_table[n] = c;
    }
}

/* Continues a CRC-32 whose running value (pre- and post-inverted) is crc. */
static uint32_t crc_update(uint32_t crc, const unsigned char *data, size_t len) {
    uint32_t c = ~crc;
    for (size_t i = 0; i < len; i++) {
        c = crc_table[(c ^ data[i]) & 0xff] ^ (c >> 8);
    }
    return ~c;
}

struct totals {
    unsigned long long files;
    unsigned long long bytes;
    uint32_t crc;
};

static int compare_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted names in dir (without "." and ".."), or NULL with errno set; *count is how many. */
static char **sorted_names(const char *dir, size_t *count) {
    DIR *d = opendir(dir);
    if (d == NULL) {
        return NULL;
    }
    size_t n = 0, capacity = 16;
    char **names = malloc(capacity * sizeof *names);
    struct dirent *entry;
    while ((entry = readdir(d)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) {
            continue;
        }
        if (n == capacity) {
            capacity *= 2;
            names = realloc(names, capacity * sizeof *names);
        }
        names[n++] = strdup(entry->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, compare_names);
    *count = n;
    return names;
}

/* Reads the whole file at path into the totals; 0, or -1 with errno set. */
static int sum_file(const char *path, unsigned long long *size, uint32_t *crc, struct totals *totals) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        return -1;
    }
    *size = 0;
    *crc = 0;
    for (;;) {
        ssize_t n = read(fd, buffer, sizeof buffer);
        if (n < 0) {
            int saved = errno;
            close(fd);
            errno = saved;
            return -1;
        }
        if (n == 0) {
            break;
        }
        *size += (unsigned long long)n;
        *crc = crc_update(*crc, buffer, (size_t)n);
        totals->crc = crc_update(totals->crc, buffer, (size_t)n);
    }
    close(fd);
    totals->files++;
    totals->bytes += *size;
    return 0;
}

/* Prints the tree below dir (relative paths after prefix); 0, or -1 with errno set for dir itself. */
static int walk(const char *dir, const char *prefix, struct totals *totals) {
    size_t count;
    char **names = sorted_names(dir, &count);
    if (names == NULL) {
        return -1;
    }
    for (size_t i = 0; i < count; i++) {
        size_t path_len = strlen(dir) + strlen(names[i]) + 2;
        size_t relative_len = strlen(prefix) + strlen(names[i]) + 2;
        char *path = malloc(path_len);
        char *relative = malloc(relative_len);
        snprintf(path, path_len, "%s/%s", dir, names[i]);
        snprintf(relative, relative_len, "%s%s%s", prefix, *prefix ? "/" : "", names[i]);
        struct stat st;
        if (lstat(path, &st) != 0) {
            printf("? %s: %s\n", relative, errno_name(errno));
        } else if (S_ISDIR(st.st_mode)) {
            printf("d %s\n", relative);
            if (walk(path, relative, totals) != 0) {
                printf("? %s: %s\n", relative, errno_name(errno));
            }
        } else if (S_ISLNK(st.st_mode)) {
            char target[4097];
            ssize_t n = readlink(path, target, sizeof target - 1);
            if (n < 0) {
                printf("? %s: %s\n", relative, errno_name(errno));
            } else {
                target[n] = '\0';
                printf("l %s -> %s\n", relative, target);
            }
        } else {
            unsigned long long size;
            uint32_t crc;
            if (sum_file(path, &size, &crc, totals) != 0) {
                printf("? %s: %s\n", relative, errno_name(errno));
            } else {
                printf("f %s %llu %08x\n", relative, size, crc);
            }
        }
        free(path);
        free(relative);
        free(names[i]);
    }
    free(names);
    return 0;
}

static void range(const char *path, const char *offset_text, const char *length_text) {
    printf("range %s %s %s: ", path, offset_text, length_text);
    long long offset = strtoll(offset_text, NULL, 10);
    long long length = strtoll(length_text, NULL, 10);
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        puts(errno_name(errno));
        return;
    }
    uint32_t crc = 0;
    long long done = 0;
    while (done < length) {
        size_t want = length - done < CHUNK ? (size_t)(length - done) : CHUNK;
        ssize_t n = pread(fd, buffer, want, offset + done);
        if (n < 0) {
            puts(errno_name(errno));
            close(fd);
            return;
        }
        if (n == 0) {
            break;
        }
        crc = crc_update(crc, buffer, (size_t)n);
        done += n;
    }
    close(fd);
    printf("%lld bytes, crc %08x\n", done, crc);
}

int main(int argc, char **argv) {
    crc_init();
    for (int i = 1; i < argc;) {
        if (strcmp(argv[i], "walk") == 0 && i + 1 < argc) {
            struct totals totals = { 0, 0, 0 };
            if (walk(argv[i + 1], "", &totals) != 0) {
                printf("walk %s: %s\n", argv[i + 1], errno_name(errno));
            } else {
                printf("walk %s: %llu files, %llu bytes, crc %08x\n", argv[i + 1], totals.files, totals.bytes,
                    totals.crc);
            }
            i += 2;
        } else if (strcmp(argv[i], "range") == 0 && i + 3 < argc) {
            range(argv[i + 1], argv[i + 2], argv[i + 3]);
            i += 4;
        } else {
            fprintf(stderr, "tree_sum: unknown command or missing arguments at '%s'\n", argv[i]);
            return 2;
        }
    }
    return 0;
}
