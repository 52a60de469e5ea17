/*
 * Workload 4, metadata: 100 directories of 100 files each are created (mkdir, open O_CREAT + an 8-byte write),
 * stat'ed (stat), listed (opendir/readdir), half of the files renamed (rename), and everything removed (unlink,
 * rmdir). Listing order is the host's choice, so names are folded in order-independently.
 */

#include "bench.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#define FILES 100

static void file_path(char *out, size_t n, int dir, int file, char prefix) {
    snprintf(out, n, "/sandbox/d%03d/%c%03d", dir, prefix, file);
}

int main(int argc, char **argv) {
    long divisor = size_divisor(argc, argv);
    int dirs = (int)(100 / divisor) > 0 ? (int)(100 / divisor) : 1;
    char path[64], to[64];
    uint64_t h = FNV64_OFFSET;
    long long sizes = 0;

    for (int d = 0; d < dirs; d++) {
        snprintf(path, sizeof path, "/sandbox/d%03d", d);
        if (mkdir(path, 0755) != 0) {
            die("mkdir");
        }
        for (int f = 0; f < FILES; f++) {
            file_path(path, sizeof path, d, f, 'f');
            int fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0644);
            if (fd < 0) {
                die("open");
            }
            write_all(fd, (const uint8_t *)path + 9, 8); /* "dNNN/fNNN" minus the slash: 8 bytes */
            close(fd);
        }
    }

    for (int d = 0; d < dirs; d++) {
        for (int f = 0; f < FILES; f++) {
            struct stat st;
            file_path(path, sizeof path, d, f, 'f');
            if (stat(path, &st) != 0) {
                die("stat");
            }
            if (!S_ISREG(st.st_mode)) {
                fprintf(stderr, "%s is not a regular file\n", path);
                return 1;
            }
            sizes += st.st_size;
        }
    }

    long listed = 0;
    for (int d = 0; d < dirs; d++) {
        snprintf(path, sizeof path, "/sandbox/d%03d", d);
        DIR *dir = opendir(path);
        if (dir == NULL) {
            die("opendir");
        }
        uint64_t names = 0;
        struct dirent *e;
        while ((e = readdir(dir)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
                continue;
            }
            names += fnv1a(e->d_name, strlen(e->d_name)); /* a sum: independent of listing order */
            listed++;
        }
        closedir(dir);
        h = mix64(h, names);
    }

    for (int d = 0; d < dirs; d++) {
        for (int f = 0; f < FILES; f += 2) {
            file_path(path, sizeof path, d, f, 'f');
            file_path(to, sizeof to, d, f, 'r');
            if (rename(path, to) != 0) {
                die("rename");
            }
        }
    }

    for (int d = 0; d < dirs; d++) {
        for (int f = 0; f < FILES; f++) {
            file_path(path, sizeof path, d, f, f % 2 == 0 ? 'r' : 'f');
            if (unlink(path) != 0) {
                die("unlink");
            }
        }
        snprintf(path, sizeof path, "/sandbox/d%03d", d);
        if (rmdir(path) != 0) {
            die("rmdir");
        }
    }

    DIR *root = opendir("/sandbox");
    if (root == NULL) {
        die("opendir /sandbox");
    }
    long left = 0;
    struct dirent *e;
    while ((e = readdir(root)) != NULL) {
        left += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    }
    closedir(root);

    if (listed != (long)dirs * FILES || left != 0) {
        fprintf(stderr, "listed %ld entries, %ld left after removal\n", listed, left);
        return 1;
    }
    printf("meta dirs=%d files=%ld bytes=%lld hash=%016llx\n", dirs, listed, sizes, (unsigned long long)h);
    return 0;
}
