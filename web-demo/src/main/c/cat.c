/* cat [-n] [FILE...]: writes each FILE (or standard input, also for "-") to standard output; -n numbers the lines. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

static int number_lines;
static long line_number;
static int at_line_start = 1;

static void copy(FILE *in) {
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
        if (!number_lines) {
            fwrite(buf, 1, n, stdout);
            continue;
        }
        for (size_t i = 0; i < n; i++) {
            if (at_line_start) printf("%6ld\t", ++line_number);
            putchar(buf[i]);
            at_line_start = buf[i] == '\n';
        }
    }
}

int main(int argc, char **argv) {
    int first = 1;
    if (argc > 1 && strcmp(argv[1], "-n") == 0) {
        number_lines = 1;
        first = 2;
    }
    if (first == argc) {
        copy(stdin);
        return 0;
    }
    int status = 0;
    for (int i = first; i < argc; i++) {
        if (strcmp(argv[i], "-") == 0) {
            copy(stdin);
            continue;
        }
        FILE *f = fopen(argv[i], "r");
        if (f == NULL) {
            fprintf(stderr, "cat: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        copy(f);
        fclose(f);
    }
    return status;
}
