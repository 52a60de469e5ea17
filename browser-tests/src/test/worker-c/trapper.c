/* Writes /sandbox/before-trap.txt and a line of stdout, then traps (unreachable). */
#include <stdio.h>

int main(void) {
    FILE *out = fopen("/sandbox/before-trap.txt", "w");
    if (!out) {
        perror("before-trap.txt");
        return 2;
    }
    fputs("written before the trap\n", out);
    fclose(out);
    printf("about to trap\n");
    fflush(stdout);
    __builtin_trap();
}
