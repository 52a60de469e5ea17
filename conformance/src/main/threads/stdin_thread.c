/* A thread reads stdin line by line while main computes; main then joins it and reports. */
#include <stdatomic.h>

#include "threads.h"

static atomic_int lines;

static void *echo(void *arg) {
    (void) arg;
    char line[128];
    while (fgets(line, sizeof line, stdin)) {
        lines++;
        printf("echo: %s", line);
        fflush(stdout);
    }
    return NULL;
}

int main(void) {
    pthread_t reader;
    MUST(pthread_create(&reader, NULL, echo, NULL));
    unsigned long long x = 1;
    for (int i = 0; i < 2000000; i++) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    }
    MUST(pthread_join(reader, NULL));
    printf("main: computed %llu, the reader saw %d lines\n", x % 1000, (int) lines);
    return 0;
}
