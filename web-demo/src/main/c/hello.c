/* Greets, then shows what the host gave the program: its arguments and one environment variable. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    printf("Hello from WebAssembly, running on the WASI polyfill!\n");
    printf("argc = %d\n", argc);
    for (int i = 0; i < argc; i++) {
        printf("argv[%d] = %s\n", i, argv[i]);
    }
    const char *name = getenv("NAME");
    printf("NAME = %s\n", name != NULL ? name : "(not set)");
    fprintf(stderr, "(this line went to stderr)\n");
    return 0;
}
