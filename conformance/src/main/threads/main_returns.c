/* main returning ends the process although its threads still run (one spinning, one sleeping). */
#include <stdatomic.h>

#include "threads.h"

static atomic_int started;

static void *spin(void *arg) {
    (void) arg;
    started++;
    volatile unsigned long n = 0;
    for (;;) {
        n++;
    }
}

static void *sleep_long(void *arg) {
    (void) arg;
    started++;
    sleep_ms(600000);
    return NULL;
}

int main(void) {
    pthread_t thread;
    MUST(pthread_create(&thread, NULL, spin, NULL));
    MUST(pthread_create(&thread, NULL, sleep_long, NULL));
    while (started < 2) {
        sleep_ms(5);
    }
    printf("main: returning 0 with two threads running\n");
    return 0;
}
