/* pipeline [ITEMS]: a producer and a consumer thread pass ITEMS numbers (default 20) through a small queue guarded
 * by a mutex and two condition variables; the consumer writes each one to pipeline.txt, opened by main, and main
 * prints the file's size when both are done. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define SLOTS 4

static struct {
    pthread_mutex_t lock;
    pthread_cond_t not_empty;
    pthread_cond_t not_full;
    int items[SLOTS];
    int head;
    int count;
} queue = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, PTHREAD_COND_INITIALIZER, { 0 }, 0, 0 };

static int total;
static FILE *out;

static void put(int item) {
    pthread_mutex_lock(&queue.lock);
    while (queue.count == SLOTS) pthread_cond_wait(&queue.not_full, &queue.lock);
    queue.items[(queue.head + queue.count) % SLOTS] = item;
    queue.count++;
    pthread_cond_signal(&queue.not_empty);
    pthread_mutex_unlock(&queue.lock);
}

static int take(void) {
    pthread_mutex_lock(&queue.lock);
    while (queue.count == 0) pthread_cond_wait(&queue.not_empty, &queue.lock);
    int item = queue.items[queue.head];
    queue.head = (queue.head + 1) % SLOTS;
    queue.count--;
    pthread_cond_signal(&queue.not_full);
    pthread_mutex_unlock(&queue.lock);
    return item;
}

static void *produce(void *unused) {
    (void) unused;
    for (int i = 1; i <= total; i++) {
        put(i);
        if (i % 5 == 0) printf("producer: %d items queued\n", i);
    }
    put(0); /* the end */
    return NULL;
}

static void *consume(void *unused) {
    (void) unused;
    int written = 0;
    for (int item; (item = take()) != 0;) {
        fprintf(out, "item %d: %d squared is %d\n", item, item, item * item);
        if (++written % 5 == 0) printf("consumer: %d items written\n", written);
    }
    return NULL;
}

int main(int argc, char **argv) {
    total = argc > 1 ? atoi(argv[1]) : 20;
    if (total < 1) {
        fprintf(stderr, "usage: pipeline [ITEMS]: ITEMS at least 1\n");
        return 2;
    }
    out = fopen("pipeline.txt", "w");
    if (!out) {
        perror("pipeline: pipeline.txt");
        return 1;
    }
    pthread_t producer, consumer;
    if (pthread_create(&consumer, NULL, consume, NULL) != 0 || pthread_create(&producer, NULL, produce, NULL) != 0) {
        fprintf(stderr, "pipeline: could not start the threads\n");
        return 1;
    }
    pthread_join(producer, NULL);
    pthread_join(consumer, NULL);
    long size = ftell(out);
    fclose(out);
    printf("done: %d items through a queue of %d, pipeline.txt has %ld bytes\n", total, SLOTS, size);
    return 0;
}
