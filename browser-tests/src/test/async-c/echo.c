// Echoes each line of stdin as it arrives, then says how many lines there were.
#include <stdio.h>
#include <string.h>

int main(void) {
    char line[256];
    int lines = 0;
    while (fgets(line, sizeof line, stdin)) {
        printf("echo: %s", line);
        fflush(stdout);
        lines++;
    }
    printf("%d lines\n", lines);
    return 0;
}
