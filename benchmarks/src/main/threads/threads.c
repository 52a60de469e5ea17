/*
 * The threads benchmark's workloads (issue 23), one program: argv[1] is the size divisor, argv[2] the workload,
 * argv[3] a thread count where one applies. Built twice by build-workloads.sh: for wasm32-wasip1-threads with
 * -pthread (bench/threads/threads.wasm) and for wasm32-wasi with -DSINGLE_THREADED (threads-single.wasm), the
 * baseline of the per-call rows, where the same loop runs in the only thread.
 *
 * The guest times itself with CLOCK_MONOTONIC around the part measured and prints "elapsed_ns <n> over <count>"
 * (the calls, threads or 1 the time covers) to stderr before its checksum line, so that Worker start-up, the pool and instantiation stay out of the per-thread and per-call
 * figures; the driver times the whole run as well.
 *
 *   spawn    warm the pool (as many threads as it holds, joined), then create and join one trivial thread at a
 *            time, 16 / divisor times (at least 4): ns per thread-spawn + join
 *   clock    50K / divisor clock_gettime(CLOCK_MONOTONIC) in one created thread (in main when single-threaded)
 *   write    16K / divisor 4 KiB writes to stdout, likewise
 *   compute  a fixed amount of integer work split over argv[3] threads (main waits in join)
 *   sharedfd main opens /sandbox/shared, 4 threads each write 256 / divisor (at least 4) 4 KiB blocks through it
 */
#include "../c/bench.h"

#include <fcntl.h>
#include <time.h>
#ifndef SINGLE_THREADED
#include <pthread.h>
#endif

#define BLOCK 4096
#define MAX_WORKERS 16

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000ULL + (uint64_t)t.tv_nsec;
}

static void fail(const char *what) {
    fprintf(stderr, "threads: %s failed: %s\n", what, strerror(errno));
    exit(1);
}

struct job {
    long count;
    int index;
    int fd;
    uint64_t result;
    uint64_t elapsed;
};

typedef void *(*body_fn)(void *);

#ifndef SINGLE_THREADED
static pthread_t create(body_fn body, void *arg) {
    pthread_t thread;
    int error = pthread_create(&thread, NULL, body, arg);
    if (error) {
        errno = error;
        fail("pthread_create");
    }
    return thread;
}
#endif

/* Runs body(job) in a created thread and joins it; single-threaded, in main. */
static void run_in_thread(body_fn body, struct job *job) {
#ifdef SINGLE_THREADED
    body(job);
#else
    pthread_join(create(body, job), NULL);
#endif
}

static void *clock_body(void *arg) {
    struct job *job = arg;
    uint64_t start = now_ns(), h = FNV64_OFFSET, previous = 0;
    long backwards = 0;
    for (long i = 0; i < job->count; i++) {
        struct timespec t;
        clock_gettime(CLOCK_MONOTONIC, &t);
        uint64_t ns = (uint64_t)t.tv_sec * 1000000000ULL + (uint64_t)t.tv_nsec;
        backwards += ns < previous;
        previous = ns;
    }
    job->elapsed = now_ns() - start;
    job->result = mix64(mix64(h, (uint64_t)job->count), (uint64_t)backwards);
    return NULL;
}

static uint8_t block[BLOCK];

static void *write_body(void *arg) {
    struct job *job = arg;
    uint64_t start = now_ns();
    for (long i = 0; i < job->count; i++) {
        if (write(1, block, BLOCK) != BLOCK) fail("write");
    }
    job->elapsed = now_ns() - start;
    job->result = mix64(FNV64_OFFSET, (uint64_t)job->count * BLOCK);
    return NULL;
}

#ifndef SINGLE_THREADED
/* xorshift64* steps: pure integer work, no memory traffic, no calls. */
static void *compute_body(void *arg) {
    struct job *job = arg;
    uint64_t x = 0x9e3779b97f4a7c15ULL ^ (uint64_t)job->index, h = 0;
    for (long i = 0; i < job->count; i++) {
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        h += x * 0x2545f4914f6cdd1dULL;
    }
    job->result = h;
    return NULL;
}

static void *shared_fd_body(void *arg) {
    struct job *job = arg;
    uint8_t own[BLOCK];
    memset(own, 'a' + job->index, BLOCK);
    for (long i = 0; i < job->count; i++) {
        if (write(job->fd, own, BLOCK) != BLOCK) {
            fprintf(stderr, "thread %d: write failed: %s\n", job->index, strerror(errno));
            job->result = 1;
            return NULL;
        }
    }
    job->result = 0;
    return NULL;
}

static void *nothing(void *arg) {
    return arg;
}

static void spawn_and_join(long count) {
    for (long i = 0; i < count; i++) {
        pthread_join(create(nothing, NULL), NULL);
    }
}

/* Runs body over `threads` jobs at once, each with `count`; returns the jobs' results folded. */
static uint64_t run_parallel(body_fn body, int threads, long count, int fd) {
    pthread_t ids[MAX_WORKERS];
    struct job jobs[MAX_WORKERS];
    for (int t = 0; t < threads; t++) {
        jobs[t] = (struct job){ .count = count, .index = t, .fd = fd };
        ids[t] = create(body, &jobs[t]);
    }
    uint64_t h = FNV64_OFFSET;
    for (int t = 0; t < threads; t++) {
        pthread_join(ids[t], NULL);
        h = mix64(h, jobs[t].result);
    }
    return h;
}
#endif

int main(int argc, char **argv) {
    long divisor = argc > 1 ? atol(argv[1]) : 1;
    const char *workload = argc > 2 ? argv[2] : "";
    int threads = argc > 3 ? atoi(argv[3]) : 1;
    if (divisor < 1 || threads < 1 || threads > MAX_WORKERS) {
        fprintf(stderr, "usage: threads DIVISOR spawn|clock|write|compute|sharedfd [THREADS]\n");
        return 2;
    }
    struct job job = { .count = 0 };
    uint64_t elapsed = 0, checksum = FNV64_OFFSET;
    long over = 1;
    if (strcmp(workload, "clock") == 0) {
        job.count = 50000 / divisor;
        run_in_thread(clock_body, &job);
        elapsed = job.elapsed;
        checksum = job.result;
        over = job.count;
    } else if (strcmp(workload, "write") == 0) {
        memset(block, 'w', BLOCK);
        block[BLOCK - 1] = '\n';
        job.count = 16384 / divisor;
        run_in_thread(write_body, &job);
        elapsed = job.elapsed;
        checksum = job.result;
        over = job.count;
#ifndef SINGLE_THREADED
    } else if (strcmp(workload, "spawn") == 0) {
        long count = 16 / divisor < 4 ? 4 : 16 / divisor;
        spawn_and_join(8);
        uint64_t start = now_ns();
        spawn_and_join(count);
        elapsed = now_ns() - start;
        checksum = mix64(checksum, (uint64_t)count);
        over = count;
    } else if (strcmp(workload, "compute") == 0) {
        long total = 200000000L / divisor;
        uint64_t start = now_ns();
        uint64_t h = run_parallel(compute_body, threads, total / threads, -1);
        elapsed = now_ns() - start;
        /* the checksum depends on the split, so it is folded with the thread count the driver also knows */
        checksum = mix64(h, (uint64_t)threads);
    } else if (strcmp(workload, "sharedfd") == 0) {
        int fd = open("/sandbox/shared", O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0) fail("open /sandbox/shared");
        long count = 256 / divisor < 4 ? 4 : 256 / divisor;
        uint64_t start = now_ns();
        uint64_t failures = run_parallel(shared_fd_body, 4, count, fd);
        elapsed = now_ns() - start;
        off_t size = lseek(fd, 0, SEEK_END);
        close(fd);
        checksum = mix64(mix64(checksum, failures), (uint64_t)size);
        if (size != 4 * count * BLOCK) {
            fprintf(stderr, "sharedfd: %lld bytes in the file, %ld expected\n", (long long)size, 4 * count * BLOCK);
            return 1;
        }
#endif
    } else {
        fprintf(stderr, "threads: unknown workload '%s'\n", workload);
        return 2;
    }
    fprintf(stderr, "elapsed_ns %llu over %ld\n", (unsigned long long)elapsed, over);
    fprintf(stderr, "%s checksum %016llx\n", workload, (unsigned long long)checksum);
    return 0;
}
