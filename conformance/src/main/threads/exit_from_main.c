/*
 * exit() from main ends the process while its threads are blocked: one in a condition variable
 * wait (memory.atomic.wait32), one spinning, one in read(stdin), one in nanosleep.
 */
#include <stdatomic.h>
#include <unistd.h>

#include "threads.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t never = PTHREAD_COND_INITIALIZER;
static atomic_int started;

static void *wait_forever(void *arg) {
    (void) arg;
    MUST(pthread_mutex_lock(&lock));
    started++;
    for (;;) {
        pthread_cond_wait(&never, &lock);
    }
}

static void *spin(void *arg) {
    (void) arg;
    started++;
    volatile unsigned long n = 0;
    for (;;) {
        n++;
    }
}

static void *read_stdin(void *arg) {
    (void) arg;
    started++;
    char buffer[8];
    read(0, buffer, sizeof buffer);
    printf("read_stdin: read returned\n");
    return NULL;
}

static void *sleep_long(void *arg) {
    (void) arg;
    started++;
    sleep_ms(600000);
    return NULL;
}

int main(void) {
    void *(*bodies[])(void *) = { wait_forever, spin, read_stdin, sleep_long };
    for (int i = 0; i < 4; i++) {
        pthread_t thread;
        MUST(pthread_create(&thread, NULL, bodies[i], NULL));
    }
    while (started < 4) {
        sleep_ms(5);
    }
    sleep_ms(50);
    printf("main: exiting with 5\n");
    exit(5);
}
