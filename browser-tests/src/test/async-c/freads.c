// Reads stdin with fread, 4 bytes at a time (wasi-libc then reads into two iovecs: these 4 bytes and the FILE's
// buffer), printing each piece in brackets, until end of input.
#include <stdio.h>

int main(void) {
    char piece[4];
    size_t n;
    while ((n = fread(piece, 1, sizeof piece, stdin)) > 0) {
        printf("[%.*s]", (int)n, piece);
    }
    puts("end");
    return 0;
}
