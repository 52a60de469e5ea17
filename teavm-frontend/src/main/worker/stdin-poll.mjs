// poll_oneoff for a guest whose standard input the page feeds: the core reports stdin as always readable, which
// is true of bytes given up front but not of a page that has nothing typed yet. A poll that waits for stdin
// (fd 0) and, at most, relative clocks blocks here until the page has put a chunk or the earliest clock is due;
// with a chunk there, or for any other poll, the core's poll_oneoff answers.
//
// Layouts (witx): subscription 48 bytes: userdata u64 @0, tag u8 @8, clock { id u32 @16, timeout u64 @24,
// precision u64 @32, flags u16 @40 } or fd_readwrite { fd u32 @16 }; event 32 bytes: userdata u64 @0,
// error u16 @8, type u8 @10, fd_readwrite { nbytes u64 @16, flags u16 @24 }.

const SUBSCRIPTION_SIZE = 48;
const EVENT_SIZE = 32;
const EVENTTYPE_CLOCK = 0;
const EVENTTYPE_FD_READ = 1;
const CLOCK_REALTIME = 0;
const CLOCK_MONOTONIC = 1;
const SUBSCRIPTION_CLOCK_ABSTIME = 1;
const STDIN = 0;
const ERRNO_SUCCESS = 0;

export class StdinPoll {
  constructor(input) {
    this.input = input;
    this.memory = null;
  }

  bind(memory) {
    this.memory = memory instanceof WebAssembly.Memory ? memory : null;
  }

  wrap(pollOneoff) {
    return (subscriptions, events, count, neventsPtr) => {
      const plan = this.memory ? this.plan(subscriptions >>> 0, events >>> 0, count >>> 0, neventsPtr >>> 0) : null;
      if (plan === null || this.input.await(plan.timeoutMs)) {
        return pollOneoff(subscriptions, events, count, neventsPtr);
      }
      return this.reportClocks(plan.clocks, subscriptions >>> 0, events >>> 0, neventsPtr >>> 0);
    };
  }

  /**
   * { timeoutMs, clocks } when the subscriptions are a read of stdin and relative clocks only; else null (also
   * when a pointer is out of bounds: the core's poll_oneoff then traps as for any other wild pointer).
   */
  plan(subscriptions, events, count, neventsPtr) {
    const buffer = this.memory.buffer;
    if (count === 0 || subscriptions + count * SUBSCRIPTION_SIZE > buffer.byteLength
        || events + count * EVENT_SIZE > buffer.byteLength || neventsPtr + 4 > buffer.byteLength) {
      return null;
    }
    const view = new DataView(buffer);
    let readsStdin = false;
    let timeoutNs = Infinity;
    const clocks = [];
    for (let i = 0; i < count; i++) {
      const at = subscriptions + i * SUBSCRIPTION_SIZE;
      const tag = view.getUint8(at + 8);
      if (tag === EVENTTYPE_FD_READ && view.getUint32(at + 16, true) === STDIN) {
        readsStdin = true;
      } else if (tag === EVENTTYPE_CLOCK) {
        const id = view.getUint32(at + 16, true);
        const absolute = (view.getUint16(at + 40, true) & SUBSCRIPTION_CLOCK_ABSTIME) !== 0;
        if ((id !== CLOCK_MONOTONIC && id !== CLOCK_REALTIME) || absolute) return null;
        const ns = Number(view.getBigUint64(at + 24, true));
        clocks.push({ index: i, ns });
        timeoutNs = Math.min(timeoutNs, ns);
      } else {
        return null;
      }
    }
    return readsStdin ? { timeoutMs: timeoutNs / 1e6, clocks } : null;
  }

  /** After the earliest clock is due with no input: every clock subscription as expired, as the core would. */
  reportClocks(clocks, subscriptions, events, neventsPtr) {
    const buffer = this.memory.buffer;
    const view = new DataView(buffer);
    const due = Math.min(...clocks.map((clock) => clock.ns));
    let written = 0;
    for (const clock of clocks) {
      if (clock.ns > due) continue;
      const out = events + written++ * EVENT_SIZE;
      new Uint8Array(buffer, out, EVENT_SIZE).fill(0);
      view.setBigUint64(out, view.getBigUint64(subscriptions + clock.index * SUBSCRIPTION_SIZE, true), true);
      view.setUint16(out + 8, ERRNO_SUCCESS, true);
      view.setUint8(out + 10, EVENTTYPE_CLOCK);
    }
    view.setUint32(neventsPtr, written, true);
    return ERRNO_SUCCESS;
  }
}
