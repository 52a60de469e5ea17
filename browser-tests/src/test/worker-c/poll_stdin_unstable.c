// clang: -nostdlib
/*
 * poll_stdin through wasi_unstable (snapshot 0) alone, without libc: polls stdin with a relative clock of 200 ms
 * (snapshot 0's subscriptions are 56 bytes: a clock's u64 identifier comes before its id), prints "timeout" each
 * time only the clock fired, then the first chunk that came ("ready: ..."), or "eof"; exits 1 after 50 timeouts.
 */
#include <stdint.h>

typedef struct {
    uint64_t userdata;
    uint8_t tag;
    union {
        struct { uint64_t identifier; uint32_t id; uint64_t timeout; uint64_t precision; uint16_t flags; } clock;
        struct { uint32_t fd; } fd_readwrite;
    } u;
} u0_subscription_t;
_Static_assert(sizeof(u0_subscription_t) == 56, "snapshot 0 subscription is 56 bytes");

typedef struct {
    uint64_t userdata;
    uint16_t error;
    uint8_t type;
    uint64_t nbytes;
    uint16_t flags;
} u0_event_t;
_Static_assert(sizeof(u0_event_t) == 32, "event is 32 bytes");

typedef struct {
    const void *buf;
    uint32_t len;
} u0_iovec_t;

#define U0_IMPORT(name) __attribute__((import_module("wasi_unstable"), import_name(#name)))
U0_IMPORT(poll_oneoff) uint16_t u0_poll_oneoff(const u0_subscription_t *in, u0_event_t *out, uint32_t n, uint32_t *nevents);
U0_IMPORT(fd_read) uint16_t u0_fd_read(uint32_t fd, const u0_iovec_t *iovs, uint32_t iovs_len, uint32_t *nread);
U0_IMPORT(fd_write) uint16_t u0_fd_write(uint32_t fd, const u0_iovec_t *iovs, uint32_t iovs_len, uint32_t *nwritten);
U0_IMPORT(proc_exit) _Noreturn void u0_proc_exit(uint32_t code);

enum { EVENTTYPE_CLOCK = 0, EVENTTYPE_FD_READ = 1, CLOCKID_MONOTONIC = 1 };

static void print(const void *bytes, uint32_t length) {
    u0_iovec_t iov = { bytes, length };
    uint32_t written;
    (void)u0_fd_write(1, &iov, 1, &written);
}

#define PRINT(literal) print(literal, sizeof literal - 1)

void _start(void) {
    static u0_subscription_t subs[2];
    static u0_event_t events[2];
    static char line[256];
    for (int i = 0; i < 50; i++) {
        subs[0].userdata = 1;
        subs[0].tag = EVENTTYPE_FD_READ;
        subs[0].u.fd_readwrite.fd = 0;
        subs[1].userdata = 2;
        subs[1].tag = EVENTTYPE_CLOCK;
        subs[1].u.clock.identifier = 0x5151515151515151ULL;
        subs[1].u.clock.id = CLOCKID_MONOTONIC;
        subs[1].u.clock.timeout = 200 * 1000000ULL;
        uint32_t n = 0;
        if (u0_poll_oneoff(subs, events, 2, &n) != 0) {
            PRINT("poll_oneoff failed\n");
            u0_proc_exit(2);
        }
        int readable = 0;
        for (uint32_t e = 0; e < n; e++) readable |= events[e].userdata == 1;
        if (!readable) {
            PRINT("timeout\n");
            continue;
        }
        u0_iovec_t iov = { line, sizeof line };
        uint32_t nread = 0;
        if (u0_fd_read(0, &iov, 1, &nread) != 0 || nread == 0) {
            PRINT("eof\n");
            u0_proc_exit(0);
        }
        PRINT("ready: ");
        print(line, nread);
        u0_proc_exit(0);
    }
    u0_proc_exit(1);
}
