/*
 * unstable_poll: poll_oneoff through wasi_unstable alone (built without libc). A snapshot-0
 * subscription is 56 bytes: its clock variant starts with a u64 identifier, before id, timeout,
 * precision and flags. Events are 32 bytes, as in preview1, and carry the subscription's
 * userdata, never the identifier. The subscriptions are read, not written: their bytes are the
 * same after the call. Durations are only checked as lower bounds.
 */
#include "transcript.h"

#define MS 1000000ULL

static uint64_t mono(void) {
    uint64_t t = 0;
    (void)u0_clock_time_get(U0_CLOCKID_MONOTONIC, 1, &t);
    return t;
}

static u0_subscription_t clock_sub(uint64_t userdata, uint64_t identifier, uint32_t id, uint64_t timeout,
                                   uint16_t flags) {
    u0_subscription_t s;
    memset(&s, 0, sizeof s);
    s.userdata = userdata;
    s.tag = U0_EVENTTYPE_CLOCK;
    s.u.clock.identifier = identifier;
    s.u.clock.id = id;
    s.u.clock.timeout = timeout;
    s.u.clock.precision = 0;
    s.u.clock.flags = flags;
    return s;
}

static u0_subscription_t fd_sub(uint64_t userdata, uint8_t type, uint32_t fd) {
    u0_subscription_t s;
    memset(&s, 0x5c, sizeof s); /* bytes past the fd mean nothing to an fd subscription */
    s.userdata = userdata;
    s.tag = type;
    s.u.fd_readwrite.file_descriptor = fd;
    return s;
}

static void clocks(void) {
    u0_subscription_t s[4], copy[4];
    u0_event_t ev[4];
    uint32_t n = 0xdead;

    CHECK_WASI("poll_oneoff with zero subscriptions", u0_poll_oneoff(s, ev, 0, &n), U0_EINVAL);

    s[0] = clock_sub(0x1111222233334444ULL, 0xaaaabbbbccccddddULL, U0_CLOCKID_MONOTONIC, 10 * MS, 0);
    memcpy(copy, s, sizeof s[0]);
    memset(ev, 0xee, sizeof ev);
    uint64_t before = mono();
    CHECK_WASI("poll_oneoff relative MONOTONIC 10ms", u0_poll_oneoff(s, ev, 1, &n), 0);
    CHECK_TRUE("  waited at least 10ms", mono() - before >= 10 * MS);
    CHECK_INT("  one event", n, 1);
    CHECK_HEX("  event userdata (offset 0) is the subscription's", ev[0].userdata, 0x1111222233334444ULL);
    CHECK_INT("  event error (offset 8)", ev[0].error, 0);
    CHECK_INT("  event type (offset 10) is CLOCK", ev[0].type, U0_EVENTTYPE_CLOCK);
    CHECK_TRUE("  the subscription is unchanged", t_eq(s, copy, sizeof s[0]));
    CHECK_HEX("  the second event slot is untouched", ev[1].userdata, 0xeeeeeeeeeeeeeeeeULL);

    /* Absolute: a deadline already past fires at once. */
    s[0] = clock_sub(7, 70, U0_CLOCKID_MONOTONIC, mono(), U0_SUBSCRIPTION_CLOCK_ABSTIME);
    n = 0xdead;
    CHECK_WASI("poll_oneoff absolute MONOTONIC in the past", u0_poll_oneoff(s, ev, 1, &n), 0);
    CHECK_INT("  one event", n, 1);
    CHECK_HEX("  event userdata", ev[0].userdata, 7);

    /* Three clocks behind each other, the earliest last: each is read at its 56-byte stride. */
    s[0] = clock_sub(21, 0x2100, U0_CLOCKID_MONOTONIC, 5 * MS, 0);
    s[1] = clock_sub(22, 0x2200, U0_CLOCKID_MONOTONIC, 1000000 * MS, 0);
    s[2] = clock_sub(23, 0x2300, U0_CLOCKID_MONOTONIC, 1 * MS, 0);
    memcpy(copy, s, 3 * sizeof s[0]);
    memset(ev, 0xee, sizeof ev);
    n = 0xdead;
    before = mono();
    CHECK_WASI("poll_oneoff on 5ms, 1000s and 1ms clocks", u0_poll_oneoff(s, ev, 3, &n), 0);
    CHECK_TRUE("  waited at least 1ms", mono() - before >= 1 * MS);
    CHECK_TRUE("  one or two events", n == 1 || n == 2);
    int saw23 = 0, saw22 = 0;
    for (uint32_t i = 0; i < n && i < 4; i++) {
        saw23 |= ev[i].userdata == 23;
        saw22 |= ev[i].userdata == 22;
    }
    CHECK_TRUE("  the 1ms clock fired", saw23);
    CHECK_TRUE("  the 1000s clock did not", !saw22);
    CHECK_TRUE("  the subscriptions are unchanged", t_eq(s, copy, 3 * sizeof s[0]));
}

static void fds(void) {
    u0_subscription_t s[4], copy[4];
    u0_event_t ev[4];
    uint32_t n = 0xdead;
    uint32_t fd = 0xdead;
    uint64_t rights = U0_RIGHT_FD_READ | U0_RIGHT_FD_WRITE | U0_RIGHT_FD_SEEK | U0_RIGHT_POLL_FD_READWRITE;
    CHECK_WASI("path_open data.txt", u0_path_open(SANDBOX_FD, 0, PATH("data.txt"), U0_O_CREAT | U0_O_TRUNC, rights, 0, 0, &fd), 0);
    u0_ciovec_t iov = {"hello", 5};
    uint32_t written = 0;
    CHECK_WASI("fd_write 5 bytes", u0_fd_write(fd, &iov, 1, &written), 0);
    uint64_t at = 0;
    CHECK_WASI("fd_seek 0 SET", u0_fd_seek(fd, 0, U0_WHENCE_SET, &at), 0);

    /* A 10s clock first, so the fd subscription is at the 56-byte offset. */
    s[0] = clock_sub(1, 0x1000, U0_CLOCKID_MONOTONIC, 10000 * MS, 0);
    s[1] = fd_sub(2, U0_EVENTTYPE_FD_WRITE, 1);
    memcpy(copy, s, 2 * sizeof s[0]);
    memset(ev, 0xee, sizeof ev);
    CHECK_WASI("poll_oneoff a 10s clock and fd_write on stdout", u0_poll_oneoff(s, ev, 2, &n), 0);
    CHECK_INT("  one event, not the clock", n, 1);
    CHECK_HEX("  event userdata", ev[0].userdata, 2);
    CHECK_INT("  event type is FD_WRITE", ev[0].type, U0_EVENTTYPE_FD_WRITE);
    CHECK_INT("  event error", ev[0].error, 0);
    CHECK_TRUE("  the subscriptions are unchanged", t_eq(s, copy, 2 * sizeof s[0]));

    /* As in poll_clocks: a file's read readiness gets a poll of its own, beside a clock that never fires. */
    s[1] = fd_sub(3, U0_EVENTTYPE_FD_READ, fd);
    n = 0xdead;
    memset(ev, 0xee, sizeof ev);
    CHECK_WASI("poll_oneoff fd_read on a file with 5 unread bytes", u0_poll_oneoff(s, ev, 2, &n), 0);
    CHECK_INT("  one event", n, 1);
    CHECK_HEX("  event userdata", ev[0].userdata, 3);
    CHECK_INT("  event type is FD_READ", ev[0].type, U0_EVENTTYPE_FD_READ);
    CHECK_INT("  event error", ev[0].error, 0);
    CHECK_HEX("  event flags (offset 24): not hung up", ev[0].fd_readwrite.flags, 0);

    CHECK_WASI("fd_seek 0 END", u0_fd_seek(fd, 0, U0_WHENCE_END, &at), 0);
    s[1] = fd_sub(4, U0_EVENTTYPE_FD_READ, fd);
    n = 0xdead;
    memset(ev, 0xee, sizeof ev);
    CHECK_WASI("poll_oneoff fd_read on a file at its end", u0_poll_oneoff(s, ev, 2, &n), 0);
    CHECK_INT("  one event", n, 1);
    CHECK_HEX("  event userdata", ev[0].userdata, 4);
    CHECK_HEX("  event flags: HANGUP", ev[0].fd_readwrite.flags, U0_EVENTRWFLAGS_FD_READWRITE_HANGUP);

    s[1] = fd_sub(5, U0_EVENTTYPE_FD_READ, 77);
    CHECK_WASI("poll_oneoff fd_read on a closed fd", u0_poll_oneoff(s, ev, 2, &n), U0_EBADF);
    CHECK_WASI("fd_close", u0_fd_close(fd), 0);
}

static int guest_main(void) {
    t_case = "unstable_poll";
    clocks();
    fds();
    CHECK_WASI("sched_yield", u0_sched_yield(), 0);
    return 0;
}
