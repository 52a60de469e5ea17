// A prompt loop: asks a question, reads the answer, replies; until end of input, then exits with 7.
#include <stdio.h>
#include <string.h>

int main(void) {
    char name[128];
    for (;;) {
        fputs("name? ", stdout);
        fflush(stdout);
        if (!fgets(name, sizeof name, stdin)) {
            break;
        }
        name[strcspn(name, "\n")] = '\0';
        printf("hello, %s\n", name);
    }
    puts("bye");
    return 7;
}
