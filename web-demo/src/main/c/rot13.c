/* Reads stdin to its end and writes it back ROT13-encoded; the exit code is the number of lines (at most 255). */
#include <stdio.h>

int main(void) {
    int c;
    int lines = 0;
    while ((c = getchar()) != EOF) {
        if (c >= 'a' && c <= 'z') c = 'a' + (c - 'a' + 13) % 26;
        else if (c >= 'A' && c <= 'Z') c = 'A' + (c - 'A' + 13) % 26;
        else if (c == '\n') lines++;
        putchar(c);
    }
    return lines > 255 ? 255 : lines;
}
