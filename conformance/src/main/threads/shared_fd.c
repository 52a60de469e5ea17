/*
 * One process: four threads write through one fd that main opened, at its shared offset, while main
 * waits; every line must then be in the file whole. A seek made by one thread is seen by the others.
 */
#include <fcntl.h>
#include <unistd.h>

#include "threads.h"

#define THREADS 4
#define LINES 200

static int fd;
static pthread_barrier_t start;

static void *write_lines(void *arg) {
    long id = (long) arg;
    pthread_barrier_wait(&start);
    for (int i = 0; i < LINES; i++) {
        char line[64];
        int n = snprintf(line, sizeof line, "thread %ld line %03d %s\n", id, i, &"................"[id * 4]);
        if (write(fd, line, n) != n) {
            printf("thread %ld: write failed\n", id);
            return (void *) 1;
        }
    }
    return NULL;
}

static void *seek_to_end(void *arg) {
    (void) arg;
    return (void *) (long) lseek(fd, 0, SEEK_END);
}

int main(void) {
    fd = open("/sandbox/shared.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        perror("open");
        return 1;
    }
    MUST(pthread_barrier_init(&start, NULL, THREADS));
    pthread_t threads[THREADS];
    for (long i = 0; i < THREADS; i++) {
        MUST(pthread_create(&threads[i], NULL, write_lines, (void *) i));
    }
    for (int i = 0; i < THREADS; i++) {
        void *failed;
        MUST(pthread_join(threads[i], &failed));
        if (failed) {
            return 2;
        }
    }
    off_t size = lseek(fd, 0, SEEK_CUR);
    lseek(fd, 0, SEEK_SET);
    pthread_t seeker;
    void *seen;
    MUST(pthread_create(&seeker, NULL, seek_to_end, NULL));
    MUST(pthread_join(seeker, &seen));
    printf("offset after the writes %lld, the seek in a thread moved main's to %lld of %lld\n",
           (long long) size, (long long) lseek(fd, 0, SEEK_CUR), (long long) (long) seen);

    lseek(fd, 0, SEEK_SET);
    static char text[THREADS * LINES * 64];
    ssize_t length = read(fd, text, sizeof text - 1);
    text[length < 0 ? 0 : length] = 0;
    int counts[THREADS] = { 0 }, bad = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        long id;
        int number;
        char dots[32];
        if (sscanf(line, "thread %ld line %d %31s", &id, &number, dots) != 3 || id < 0 || id >= THREADS
            || strlen(dots) != (size_t) (16 - id * 4) || number != counts[id]) {
            bad++;
            continue;
        }
        counts[id]++;
    }
    for (int i = 0; i < THREADS; i++) {
        printf("thread %d: %d lines in order\n", i, counts[i]);
    }
    printf("%d broken lines\n", bad);
    return 0;
}
