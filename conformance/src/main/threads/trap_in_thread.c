/* A trap in a thread ends the whole process (main is blocked joining it). */
#include "threads.h"

static void *crash(void *arg) {
    (void) arg;
    printf("thread: about to trap\n");
    fflush(stdout);
    __builtin_trap();
}

int main(void) {
    pthread_t thread;
    MUST(pthread_create(&thread, NULL, crash, NULL));
    pthread_join(thread, NULL);
    printf("main: joined a trapped thread\n");
    return 0;
}
