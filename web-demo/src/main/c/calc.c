/* An interactive calculator: asks for a name, then reads one arithmetic expression per line from standard input
 * and answers it, until "quit" or the end of input (Ctrl-D). Numbers, + - * / % ^, parentheses. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *cursor;
static const char *error;

static double expression(void);

static void skip_spaces(void) {
    while (isspace((unsigned char) *cursor)) cursor++;
}

static double primary(void) {
    skip_spaces();
    if (*cursor == '(') {
        cursor++;
        double value = expression();
        skip_spaces();
        if (*cursor != ')') error = "missing ')'";
        else cursor++;
        return value;
    }
    if (*cursor == '-') {
        cursor++;
        return -primary();
    }
    char *end;
    double value = strtod(cursor, &end);
    if (end == cursor) {
        error = *cursor ? "expected a number" : "unexpected end of the expression";
        return 0;
    }
    cursor = end;
    return value;
}

static double power(void) {
    double base = primary();
    skip_spaces();
    if (*cursor == '^') {
        cursor++;
        return pow(base, power());
    }
    return base;
}

static double term(void) {
    double value = power();
    for (;;) {
        skip_spaces();
        char op = *cursor;
        if (op != '*' && op != '/' && op != '%') return value;
        cursor++;
        double right = power();
        if (op == '*') value *= right;
        else if (op == '/') value /= right;
        else value = fmod(value, right);
    }
}

static double expression(void) {
    double value = term();
    for (;;) {
        skip_spaces();
        char op = *cursor;
        if (op != '+' && op != '-') return value;
        cursor++;
        double right = term();
        value = op == '+' ? value + right : value - right;
    }
}

static int read_line(char *line, size_t size) {
    if (fgets(line, (int) size, stdin) == NULL) return 0;
    line[strcspn(line, "\r\n")] = '\0';
    return 1;
}

int main(void) {
    char line[512];
    printf("What is your name? ");
    fflush(stdout);
    if (!read_line(line, sizeof line) || line[0] == '\0') strcpy(line, "stranger");
    printf("Hello, %s! Type an expression such as (1 + 2) * 3, or quit.\n", line);
    int answered = 0;
    for (;;) {
        printf("> ");
        fflush(stdout);
        if (!read_line(line, sizeof line)) {
            printf("\n");
            break;
        }
        if (strcmp(line, "quit") == 0) break;
        if (line[0] == '\0') continue;
        cursor = line;
        error = NULL;
        double value = expression();
        skip_spaces();
        if (error == NULL && *cursor != '\0') error = "unexpected text after the expression";
        if (error != NULL) {
            fprintf(stderr, "error at column %d: %s\n", (int) (cursor - line) + 1, error);
            continue;
        }
        printf("= %.15g\n", value);
        answered++;
    }
    printf("Bye! %d answer%s given.\n", answered, answered == 1 ? "" : "s");
    return 0;
}
