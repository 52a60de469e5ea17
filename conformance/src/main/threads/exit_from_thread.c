/* exit() from a thread ends the process while main is blocked reading stdin (which never comes). */
#include <unistd.h>

#include "threads.h"

static void *leave(void *arg) {
    (void) arg;
    sleep_ms(100);
    printf("thread: exiting with 3\n");
    fflush(stdout);
    exit(3);
}

int main(void) {
    pthread_t thread;
    MUST(pthread_create(&thread, NULL, leave, NULL));
    printf("main: reading stdin\n");
    fflush(stdout);
    char buffer[16];
    ssize_t n = read(0, buffer, sizeof buffer);
    printf("main: read returned %zd\n", n);
    return 1;
}
