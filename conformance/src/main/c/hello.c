/* Issue 2's case: arguments and an environment variable reach the guest, stdout and stderr are
 * separate streams, and the exit code of proc_exit reaches the host. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    for (int i = 0; i < argc; i++) {
        printf("%s\n", argv[i]);
    }
    const char *greeting = getenv("GREETING");
    printf("%s\n", greeting ? greeting : "(GREETING not set)");
    fprintf(stderr, "hello: this line goes to stderr\n");
    return 3;
}
