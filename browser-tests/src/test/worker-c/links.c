/*
 * Hard links, times and modes across runInWorker's copies: reports whether /sandbox/a.txt and /sandbox/pre.txt
 * (linked on the page) are one inode here, then links /sandbox/b.txt to a.txt, appends through b.txt and sets
 * a.txt's modification time to 1234567890.123456789 s.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void) {
    struct stat a, pre;
    if (stat("/sandbox/a.txt", &a) != 0 || stat("/sandbox/pre.txt", &pre) != 0) {
        perror("stat");
        return 2;
    }
    printf("one inode: %s, links: %d\n", a.st_ino == pre.st_ino ? "yes" : "no", (int) a.st_nlink);
    if (link("/sandbox/a.txt", "/sandbox/b.txt") != 0) {
        perror("link");
        return 2;
    }
    FILE *b = fopen("/sandbox/b.txt", "a");
    if (!b || fputs(" two", b) < 0 || fclose(b) != 0) {
        perror("b.txt");
        return 2;
    }
    struct timespec times[2] = { { 0, UTIME_OMIT }, { 1234567890, 123456789 } };
    if (utimensat(AT_FDCWD, "/sandbox/a.txt", times, 0) != 0) {
        perror("utimensat");
        return 2;
    }
    return 0;
}
