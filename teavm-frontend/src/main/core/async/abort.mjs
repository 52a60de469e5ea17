// What wasi.abort(reason) needs in async mode (AbortState): its error, and the waits of the suspending imports,
// which an abort rejects at once so that the suspended guest unwinds.

/** The Error an abort rejects with: named WASIAbortError, its cause the reason. */
export function abortError(reason) {
  const error = new Error(`WASI: the guest was aborted${reason === undefined ? '' : `: ${String(reason)}`}`,
    { cause: reason });
  error.name = 'WASIAbortError';
  return error;
}

/** The longest setTimeout delay; a longer one would fire at once. */
const LONGEST_TIMER_MS = 2147483647;

/** The waits in progress of one process (one per thread that waits), which cancel() rejects. */
export class Waits {
  constructor() {
    this.pending = new Set();
  }

  /** Rejects every wait in progress with error; nothing when no thread is waiting. */
  cancel(error) {
    for (const fail of [...this.pending]) {
      fail(error);
    }
  }

  /**
   * A promise that resolves when `input` (a promise, or null) settles or after `millis` (none when negative),
   * whichever comes first, and rejects with what input rejects with or with what cancel() is given; the timer never
   * outlives it. A timer fires at the latest after 2^31 - 1 ms, after which the caller asks the core again.
   */
  wait(input, millis) {
    return new Promise((resolve, reject) => {
      let settled = false;
      const end = (settle, value) => {
        if (settled) {
          return;
        }
        settled = true;
        if (timer !== null) {
          clearTimeout(timer);
        }
        this.pending.delete(fail);
        settle(value);
      };
      const fail = (error) => end(reject, error);
      const timer = millis >= 0 ? setTimeout(() => end(resolve), Math.min(Math.ceil(millis), LONGEST_TIMER_MS)) : null;
      this.pending.add(fail);
      if (input !== null) {
        input.then(() => end(resolve), fail);
      }
    });
  }
}
