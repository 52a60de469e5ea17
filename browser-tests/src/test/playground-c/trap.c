/* Prints a line, writes a file, then traps (unreachable): the playground must say so and keep the file. */
#include <stdio.h>

int main(void) {
    FILE *f = fopen("/before-trap.txt", "w");
    if (f != NULL) {
        fputs("written before the trap\n", f);
        fclose(f);
    }
    printf("about to trap\n");
    fflush(stdout);
    __builtin_trap();
}
