/* Never ends and prints nothing: only Stop ends it. It writes a file first, which a stopped run must discard. */
#include <stdio.h>

int main(void) {
    FILE *f = fopen("/from-forever.txt", "w");
    if (f != NULL) {
        fputs("should not survive Stop\n", f);
        fclose(f);
    }
    volatile unsigned long n = 0;
    for (;;) n++;
}
