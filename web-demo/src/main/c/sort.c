/* sort [-r] [-n] [-u] [FILE...]: sorts the lines of the FILEs (or of standard input) and prints them;
 * -r reverses, -n compares leading numbers, -u drops repeated lines. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int reverse, numeric, unique;
static char **lines;
static size_t count, capacity;

static void read_lines(FILE *in) {
    char *line = NULL;
    size_t size = 0;
    ssize_t length;
    while ((length = getline(&line, &size, in)) >= 0) {
        if (length > 0 && line[length - 1] == '\n') line[length - 1] = '\0';
        if (count == capacity) {
            capacity = capacity ? capacity * 2 : 64;
            lines = realloc(lines, capacity * sizeof *lines);
            if (lines == NULL) {
                fprintf(stderr, "sort: out of memory\n");
                exit(2);
            }
        }
        lines[count++] = strdup(line);
    }
    free(line);
}

static int compare(const void *a, const void *b) {
    const char *x = *(char *const *) a, *y = *(char *const *) b;
    int order;
    if (numeric) {
        double dx = strtod(x, NULL), dy = strtod(y, NULL);
        order = dx < dy ? -1 : dx > dy ? 1 : strcmp(x, y);
    } else {
        order = strcmp(x, y);
    }
    return reverse ? -order : order;
}

int main(int argc, char **argv) {
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        for (const char *o = argv[i] + 1; *o; o++) {
            if (*o == 'r') reverse = 1;
            else if (*o == 'n') numeric = 1;
            else if (*o == 'u') unique = 1;
            else {
                fprintf(stderr, "sort: unknown option -%c\nusage: sort [-r] [-n] [-u] [FILE...]\n", *o);
                return 2;
            }
        }
    }
    int status = 0;
    if (i == argc) read_lines(stdin);
    for (; i < argc; i++) {
        FILE *f = fopen(argv[i], "r");
        if (f == NULL) {
            fprintf(stderr, "sort: %s: %s\n", argv[i], strerror(errno));
            status = 2;
            continue;
        }
        read_lines(f);
        fclose(f);
    }
    qsort(lines, count, sizeof *lines, compare);
    for (size_t k = 0; k < count; k++) {
        if (unique && k > 0 && compare(&lines[k - 1], &lines[k]) == 0) continue;
        puts(lines[k]);
    }
    return status;
}
