/* grep [-i] [-n] [-v] [-c] PATTERN [FILE...]: prints the lines matching a POSIX extended regular expression.
 * Exits with 0 when a line matched, 1 when none did, 2 on an error (as grep does). Matches are shown in colour. */
#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int ignore_case, show_numbers, invert, count_only;

static void print_highlighted(const regex_t *re, const char *line) {
    regmatch_t m;
    int flags = 0;
    while (*line && regexec(re, line, 1, &m, flags) == 0 && m.rm_eo > 0) {
        fwrite(line, 1, (size_t) m.rm_so, stdout);
        printf("\033[1;31m%.*s\033[0m", (int) (m.rm_eo - m.rm_so), line + m.rm_so);
        line += m.rm_eo;
        flags = REG_NOTBOL;
    }
    fputs(line, stdout);
}

/* Returns the number of selected lines. */
static long search(const regex_t *re, FILE *in, const char *label) {
    char *line = NULL;
    size_t size = 0;
    ssize_t length;
    long number = 0, selected = 0;
    while ((length = getline(&line, &size, in)) >= 0) {
        number++;
        if (length > 0 && line[length - 1] == '\n') line[length - 1] = '\0';
        int matched = regexec(re, line, 0, NULL, 0) == 0;
        if (matched == invert) continue;
        selected++;
        if (count_only) continue;
        if (label) printf("\033[35m%s\033[36m:\033[0m", label);
        if (show_numbers) printf("\033[32m%ld\033[36m:\033[0m", number);
        if (invert) fputs(line, stdout);
        else print_highlighted(re, line);
        putchar('\n');
    }
    free(line);
    if (count_only) {
        if (label) printf("%s:", label);
        printf("%ld\n", selected);
    }
    return selected;
}

int main(int argc, char **argv) {
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        for (const char *o = argv[i] + 1; *o; o++) {
            switch (*o) {
                case 'i': ignore_case = 1; break;
                case 'n': show_numbers = 1; break;
                case 'v': invert = 1; break;
                case 'c': count_only = 1; break;
                default:
                    fprintf(stderr, "grep: unknown option -%c\nusage: grep [-i] [-n] [-v] [-c] PATTERN [FILE...]\n", *o);
                    return 2;
            }
        }
    }
    if (i == argc) {
        fprintf(stderr, "usage: grep [-i] [-n] [-v] [-c] PATTERN [FILE...]\n");
        return 2;
    }
    regex_t re;
    int error = regcomp(&re, argv[i++], REG_EXTENDED | (ignore_case ? REG_ICASE : 0));
    if (error != 0) {
        char message[200];
        regerror(error, &re, message, sizeof message);
        fprintf(stderr, "grep: bad pattern: %s\n", message);
        return 2;
    }
    long selected = 0;
    int status = 0;
    int files = argc - i;
    if (files == 0) selected = search(&re, stdin, NULL);
    for (; i < argc; i++) {
        FILE *f = fopen(argv[i], "r");
        if (f == NULL) {
            fprintf(stderr, "grep: %s: %s\n", argv[i], strerror(errno));
            status = 2;
            continue;
        }
        selected += search(&re, f, files > 1 ? argv[i] : NULL);
        fclose(f);
    }
    regfree(&re);
    return status != 0 ? status : selected > 0 ? 0 : 1;
}
