/* A program the playground tests upload as "the user's own .wasm": prints its arguments. */
#include <stdio.h>

int main(int argc, char **argv) {
    printf("greetings from an uploaded program");
    for (int i = 1; i < argc; i++) printf(" [%s]", argv[i]);
    printf("\n");
    return 7;
}
