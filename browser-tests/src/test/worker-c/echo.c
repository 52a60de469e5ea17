/* Echoes each line of stdin as soon as it arrives, numbered; says how many there were at end of file. */
#include <stdio.h>

int main(void) {
    char line[512];
    int count = 0;
    while (fgets(line, sizeof line, stdin)) {
        printf("echo %d: %s", ++count, line);
        fflush(stdout);
    }
    printf("end of input after %d lines\n", count);
    return 0;
}
