/*
 * poll_clocks: clock_res_get / clock_time_get, sleeping, poll_oneoff with zero, one and many
 * subscriptions (relative and absolute clocks, fd_read / fd_write readiness on files and stdio),
 * libc's poll(), and sched_yield. Durations are only ever checked as lower bounds.
 *
 * The PROCESS_CPUTIME and THREAD_CPUTIME clocks work and may be polled, as issue 3 requires
 * (Wasmtime 49 answers EBADF for them, and EINVAL for a poll on them).
 *
 * Where node:wasi (uvwasi) differs, Wasmtime's answer is expected: uvwasi cannot poll regular files.
 */
#include <poll.h>
#include <sched.h>
#include <time.h>

#include "guest.h"

#define MS 1000000ULL

static __wasi_timestamp_t mono(void) {
    __wasi_timestamp_t t = 0;
    (void)__wasi_clock_time_get(__WASI_CLOCKID_MONOTONIC, 1, &t);
    return t;
}

static __wasi_subscription_t clock_sub(__wasi_userdata_t userdata, __wasi_clockid_t id, __wasi_timestamp_t timeout,
                                      __wasi_subclockflags_t flags) {
    __wasi_subscription_t s;
    memset(&s, 0, sizeof s);
    s.userdata = userdata;
    s.u.tag = __WASI_EVENTTYPE_CLOCK;
    s.u.u.clock.id = id;
    s.u.u.clock.timeout = timeout;
    s.u.u.clock.precision = 0;
    s.u.u.clock.flags = flags;
    return s;
}

static __wasi_subscription_t fd_sub(__wasi_userdata_t userdata, __wasi_eventtype_t type, __wasi_fd_t fd) {
    __wasi_subscription_t s;
    memset(&s, 0, sizeof s);
    s.userdata = userdata;
    s.u.tag = type;
    s.u.u.fd_read.file_descriptor = fd; /* fd_read and fd_write share the layout */
    return s;
}

static int by_userdata(const void *a, const void *b) {
    __wasi_userdata_t x = ((const __wasi_event_t *)a)->userdata, y = ((const __wasi_event_t *)b)->userdata;
    return x < y ? -1 : x > y;
}

static void clocks(void) {
    __wasi_timestamp_t res = 0, t = 0;
    CHECK_WASI("clock_res_get REALTIME", __wasi_clock_res_get(__WASI_CLOCKID_REALTIME, &res), 0);
    CHECK_TRUE("REALTIME resolution is nonzero", res > 0);
    CHECK_WASI("clock_res_get MONOTONIC", __wasi_clock_res_get(__WASI_CLOCKID_MONOTONIC, &res), 0);
    CHECK_TRUE("MONOTONIC resolution is nonzero", res > 0);
    /* Wasmtime 49: EBADF; issue 3 requires the CPU-time clocks to work */
    CHECK_WASI("clock_res_get PROCESS_CPUTIME", __wasi_clock_res_get(__WASI_CLOCKID_PROCESS_CPUTIME_ID, &res), 0);
    /* Wasmtime 49: EBADF; issue 3 requires the CPU-time clocks to work */
    CHECK_WASI("clock_res_get THREAD_CPUTIME", __wasi_clock_res_get(__WASI_CLOCKID_THREAD_CPUTIME_ID, &res), 0);
    /* Wasmtime 49: EBADF; issue 3 requires the CPU-time clocks to work */
    CHECK_WASI("clock_time_get PROCESS_CPUTIME", __wasi_clock_time_get(__WASI_CLOCKID_PROCESS_CPUTIME_ID, 1, &t), 0);
    /* Wasmtime 49: EBADF; issue 3 requires the CPU-time clocks to work */
    CHECK_WASI("clock_time_get THREAD_CPUTIME", __wasi_clock_time_get(__WASI_CLOCKID_THREAD_CPUTIME_ID, 1, &t), 0);
    CHECK_WASI("clock_time_get REALTIME", __wasi_clock_time_get(__WASI_CLOCKID_REALTIME, 1, &t), 0);
    CHECK_TRUE("REALTIME is after 2020-01-01", t > 1577836800ULL * 1000000000ULL);

    int monotonic = 1;
    __wasi_timestamp_t prev = mono();
    for (int i = 0; i < 1000; i++) {
        __wasi_timestamp_t now = mono();
        monotonic &= now >= prev;
        prev = now;
    }
    CHECK_TRUE("MONOTONIC never goes backwards over 1000 reads", monotonic);

    struct timespec ts;
    CHECK_SYS("clock_gettime CLOCK_REALTIME", clock_gettime(CLOCK_REALTIME, &ts));
    CHECK_TRUE("CLOCK_REALTIME is after 2020-01-01", ts.tv_sec > 1577836800);
    CHECK_SYS("clock_gettime CLOCK_MONOTONIC", clock_gettime(CLOCK_MONOTONIC, &ts));
    CHECK_SYS("clock_getres CLOCK_MONOTONIC", clock_getres(CLOCK_MONOTONIC, &ts));
    CHECK_TRUE("CLOCK_MONOTONIC resolution is nonzero", ts.tv_sec > 0 || ts.tv_nsec > 0);
    /* Wasmtime 49: EBADF; issue 3 requires the CPU-time clocks to work */
    CHECK_SYS("clock_gettime CLOCK_PROCESS_CPUTIME_ID", clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts));
    /* Wasmtime 49: EBADF; issue 3 requires the CPU-time clocks to work */
    CHECK_SYS("clock_getres CLOCK_THREAD_CPUTIME_ID", clock_getres(CLOCK_THREAD_CPUTIME_ID, &ts));
    CHECK_TRUE("time() is after 2020-01-01", time(NULL) > 1577836800);
}

static void sleeping(void) {
    __wasi_timestamp_t start = mono();
    struct timespec req = {0, 20 * MS};
    CHECK_SYS("nanosleep 20ms", nanosleep(&req, NULL));
    CHECK_TRUE("nanosleep slept at least 20ms", mono() - start >= 20 * MS);
    start = mono();
    CHECK_SYS("usleep 5000", usleep(5000));
    CHECK_TRUE("usleep slept at least 5ms", mono() - start >= 5 * MS);
    CHECK_WASI("sched_yield", __wasi_sched_yield(), 0);
    CHECK_SYS("libc sched_yield", sched_yield());
}

static void one_subscription(void) {
    __wasi_event_t ev[4];
    __wasi_size_t n = 0xdead;
    __wasi_subscription_t s[4];

    CHECK_WASI("poll_oneoff with zero subscriptions", __wasi_poll_oneoff(s, ev, 0, &n), __WASI_ERRNO_INVAL);

    s[0] = clock_sub(0x1234, __WASI_CLOCKID_MONOTONIC, 10 * MS, 0);
    __wasi_timestamp_t start = mono();
    memset(ev, 0xee, sizeof ev);
    CHECK_WASI("poll_oneoff relative MONOTONIC 10ms", __wasi_poll_oneoff(s, ev, 1, &n), 0);
    CHECK_TRUE("it waited at least 10ms", mono() - start >= 10 * MS);
    CHECK_INT("one event", n, 1);
    CHECK_HEX("event userdata", ev[0].userdata, 0x1234);
    CHECK_INT("event type CLOCK", ev[0].type, __WASI_EVENTTYPE_CLOCK);
    CHECK_INT("event error", ev[0].error, 0);

    s[0] = clock_sub(7, __WASI_CLOCKID_REALTIME, 5 * MS, 0);
    start = mono();
    n = 0xdead;
    CHECK_WASI("poll_oneoff relative REALTIME 5ms", __wasi_poll_oneoff(s, ev, 1, &n), 0);
    CHECK_TRUE("it waited at least 5ms", mono() - start >= 5 * MS);
    CHECK_INT("one REALTIME event", n, 1);
    CHECK_HEX("REALTIME event userdata", ev[0].userdata, 7);

    __wasi_timestamp_t deadline = mono() + 10 * MS;
    s[0] = clock_sub(8, __WASI_CLOCKID_MONOTONIC, deadline, __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME);
    n = 0xdead;
    CHECK_WASI("poll_oneoff absolute MONOTONIC now+10ms", __wasi_poll_oneoff(s, ev, 1, &n), 0);
    CHECK_TRUE("it returned no earlier than the deadline", mono() >= deadline);
    CHECK_INT("one absolute event", n, 1);
    CHECK_HEX("absolute event userdata", ev[0].userdata, 8);

    s[0] = clock_sub(9, __WASI_CLOCKID_MONOTONIC, 1, __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME);
    n = 0xdead;
    CHECK_WASI("poll_oneoff absolute MONOTONIC in the past", __wasi_poll_oneoff(s, ev, 1, &n), 0);
    CHECK_INT("a past deadline fires at once", n, 1);
    s[0] = clock_sub(10, __WASI_CLOCKID_REALTIME, 1, __WASI_SUBCLOCKFLAGS_SUBSCRIPTION_CLOCK_ABSTIME);
    n = 0xdead;
    CHECK_WASI("poll_oneoff absolute REALTIME in the past", __wasi_poll_oneoff(s, ev, 1, &n), 0);
    CHECK_INT("a past REALTIME deadline fires at once", n, 1);
    CHECK_HEX("past REALTIME event userdata", ev[0].userdata, 10);

    s[0] = clock_sub(11, __WASI_CLOCKID_PROCESS_CPUTIME_ID, 1 * MS, 0);
    s[1] = clock_sub(12, __WASI_CLOCKID_MONOTONIC, 0, 0);
    /* Wasmtime 49: EINVAL; issue 3 requires the CPU-time clocks to be valid in poll_oneoff */
    CHECK_WASI("poll_oneoff on the PROCESS_CPUTIME clock", __wasi_poll_oneoff(s, ev, 2, &n), 0);
}

static void many_subscriptions(void) {
    put_text("/sandbox/data.txt", "0123456789");
    int rd = open("/sandbox/data.txt", O_RDONLY);
    int at_end = open("/sandbox/data.txt", O_RDONLY);
    lseek(at_end, 0, SEEK_END);
    int wr = open("/sandbox/out.txt", O_WRONLY | O_CREAT, 0644);

    __wasi_subscription_t s[6];
    __wasi_event_t ev[6];
    __wasi_size_t n = 0xdead;
    // Every write subscription is ready at once; the 10s clock never is.
    s[0] = clock_sub(1, __WASI_CLOCKID_MONOTONIC, 10000 * MS, 0);
    s[1] = fd_sub(2, __WASI_EVENTTYPE_FD_WRITE, (__wasi_fd_t)wr);
    s[2] = fd_sub(3, __WASI_EVENTTYPE_FD_WRITE, 1);
    s[3] = fd_sub(4, __WASI_EVENTTYPE_FD_WRITE, 2);
    memset(ev, 0xee, sizeof ev);
    CHECK_WASI("poll_oneoff fd_write on a file, stdout, stderr and a 10s clock", __wasi_poll_oneoff(s, ev, 4, &n), 0);
    CHECK_INT("the three writable descriptors, not the clock", n, 3);
    qsort(ev, n <= 6 ? n : 6, sizeof ev[0], by_userdata);
    for (int i = 0; i < 3; i++) {
        CHECK_HEX(WHAT("write event %d userdata", i), ev[i].userdata, i + 2);
        CHECK_INT(WHAT("write event %d type", i), ev[i].type, __WASI_EVENTTYPE_FD_WRITE);
        CHECK_INT(WHAT("write event %d error", i), ev[i].error, 0);
    }

    // A file's read readiness may arrive a little later in Wasmtime (it reads on a worker
    // thread), so each file gets a poll of its own, next to a clock that never fires.
    s[1] = fd_sub(5, __WASI_EVENTTYPE_FD_READ, (__wasi_fd_t)rd);
    n = 0xdead;
    memset(ev, 0xee, sizeof ev);
    CHECK_WASI("poll_oneoff fd_read on a file with data", __wasi_poll_oneoff(s, ev, 2, &n), 0);
    CHECK_INT("one read event", n, 1);
    CHECK_HEX("read event userdata", ev[0].userdata, 5);
    CHECK_INT("read event type", ev[0].type, __WASI_EVENTTYPE_FD_READ);
    CHECK_INT("read event error", ev[0].error, 0);
    CHECK_HEX("a file with unread data is not hung up", ev[0].fd_readwrite.flags, 0);
    s[1] = fd_sub(6, __WASI_EVENTTYPE_FD_READ, (__wasi_fd_t)at_end);
    n = 0xdead;
    memset(ev, 0xee, sizeof ev);
    CHECK_WASI("poll_oneoff fd_read on a file at its end", __wasi_poll_oneoff(s, ev, 2, &n), 0);
    CHECK_INT("one read event at the end", n, 1);
    CHECK_HEX("read-at-end event userdata", ev[0].userdata, 6);
    CHECK_HEX("a file read at its end reports HANGUP", ev[0].fd_readwrite.flags,
              __WASI_EVENTRWFLAGS_FD_READWRITE_HANGUP);

    __wasi_subscription_t c[40];
    __wasi_event_t cev[40];
    for (int i = 0; i < 32; i++) {
        c[i] = clock_sub(100 + (__wasi_userdata_t)i, __WASI_CLOCKID_MONOTONIC, 0, 0);
    }
    n = 0xdead;
    CHECK_WASI("poll_oneoff with 32 expired clocks", __wasi_poll_oneoff(c, cev, 32, &n), 0);
    CHECK_INT("32 events", n, 32);
    qsort(cev, n <= 32 ? n : 32, sizeof cev[0], by_userdata);
    int ok = 1;
    for (int i = 0; i < 32 && i < (int)n; i++) {
        ok &= cev[i].userdata == 100 + (__wasi_userdata_t)i && cev[i].type == __WASI_EVENTTYPE_CLOCK;
    }
    CHECK_TRUE("every clock reported once with its userdata", ok);

    c[0] = clock_sub(1, __WASI_CLOCKID_MONOTONIC, 10000 * MS, 0);
    c[1] = clock_sub(2, __WASI_CLOCKID_MONOTONIC, 1 * MS, 0);
    c[2] = clock_sub(3, __WASI_CLOCKID_MONOTONIC, 10000 * MS, 0);
    n = 0xdead;
    CHECK_WASI("poll_oneoff with 10s, 1ms and 10s clocks", __wasi_poll_oneoff(c, cev, 3, &n), 0);
    CHECK_INT("only the 1ms clock fires", n, 1);
    CHECK_HEX("its userdata", cev[0].userdata, 2);

    s[0] = fd_sub(1, __WASI_EVENTTYPE_FD_READ, BAD_FD);
    CHECK_WASI("poll_oneoff on a closed fd", __wasi_poll_oneoff(s, ev, 1, &n), __WASI_ERRNO_BADF);
    s[0] = fd_sub(1, __WASI_EVENTTYPE_FD_READ, SANDBOX_FD);
    s[1] = clock_sub(2, __WASI_CLOCKID_MONOTONIC, 0, 0);
    CHECK_WASI("poll_oneoff fd_read on a directory", __wasi_poll_oneoff(s, ev, 2, &n), __WASI_ERRNO_BADF);
    s[0] = fd_sub(1, __WASI_EVENTTYPE_FD_WRITE, 0);
    CHECK_WASI("poll_oneoff fd_write on stdin", __wasi_poll_oneoff(s, ev, 2, &n), __WASI_ERRNO_BADF);

    struct pollfd p[2] = {{wr, POLLOUT, 0}, {1, POLLOUT, 0}};
    CHECK_INT("poll() a writable file and stdout", poll(p, 2, 0), 2);
    CHECK_HEX("POLLOUT on the file", p[0].revents, POLLOUT);
    CHECK_HEX("POLLOUT on stdout", p[1].revents, POLLOUT);
    struct pollfd r = {rd, POLLIN, 0};
    CHECK_INT("poll() a readable file without a timeout", poll(&r, 1, -1), 1);
    CHECK_HEX("POLLIN on the file", r.revents, POLLIN);
    __wasi_timestamp_t start = mono();
    CHECK_INT("poll() with no fds and a 15ms timeout", poll(NULL, 0, 15), 0);
    CHECK_TRUE("poll() waited at least 15ms", mono() - start >= 15 * MS);
    close(rd);
    close(at_end);
    close(wr);
}

int main(void) {
    check_begin("poll_clocks");
    clocks();
    sleeping();
    one_subscription();
    many_subscriptions();
    return check_done();
}
