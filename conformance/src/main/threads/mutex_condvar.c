/* Producer/consumer over a bounded queue guarded by a mutex and two condition variables. */
#include "threads.h"

#define ITEMS 2000
#define SLOTS 8
#define CONSUMERS 3

static int queue[SLOTS];
static int head, count, produced_all;
static long consumed_sum;
static int consumed_count;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;

static void *consume(void *arg) {
    (void) arg;
    MUST(pthread_mutex_lock(&lock));
    for (;;) {
        while (count == 0 && !produced_all) {
            MUST(pthread_cond_wait(&not_empty, &lock));
        }
        if (count == 0) {
            break;
        }
        int item = queue[head];
        head = (head + 1) % SLOTS;
        count--;
        consumed_sum += item;
        consumed_count++;
        MUST(pthread_cond_signal(&not_full));
    }
    MUST(pthread_mutex_unlock(&lock));
    return NULL;
}

int main(void) {
    pthread_t consumers[CONSUMERS];
    for (int i = 0; i < CONSUMERS; i++) {
        MUST(pthread_create(&consumers[i], NULL, consume, NULL));
    }
    for (int item = 1; item <= ITEMS; item++) {
        MUST(pthread_mutex_lock(&lock));
        while (count == SLOTS) {
            MUST(pthread_cond_wait(&not_full, &lock));
        }
        queue[(head + count) % SLOTS] = item;
        count++;
        MUST(pthread_cond_signal(&not_empty));
        MUST(pthread_mutex_unlock(&lock));
    }
    MUST(pthread_mutex_lock(&lock));
    produced_all = 1;
    MUST(pthread_cond_broadcast(&not_empty));
    MUST(pthread_mutex_unlock(&lock));
    for (int i = 0; i < CONSUMERS; i++) {
        MUST(pthread_join(consumers[i], NULL));
    }
    printf("consumed %d items, sum %ld\n", consumed_count, consumed_sum);
    return 0;
}
