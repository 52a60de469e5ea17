// Blocking the calling thread for poll_oneoff on a clock (Sleeper). Atomics.wait on a private SharedArrayBuffer
// sleeps without burning CPU, in Node and in workers; browsers forbid it on the main thread (it throws) and hide
// SharedArrayBuffer unless the page is cross-origin isolated, where the only way left is to spin on the clock.

/** An Int32Array over a SharedArrayBuffer that Atomics.wait may block on here, or null where it may not. */
export function waitCell() {
  if (typeof SharedArrayBuffer !== 'function' || typeof Atomics !== 'object') {
    return null;
  }
  try {
    const cell = new Int32Array(new SharedArrayBuffer(4));
    Atomics.wait(cell, 0, 0, 0);
    return cell;
  } catch {
    return null;
  }
}

/** Returns once `millis` have passed on performance.now() (Date.now() where there is none), busy all the while. */
export function spin(millis, now = typeof performance === 'object' && performance ? () => performance.now() : Date.now) {
  const end = now() + millis;
  while (now() < end) {
    // spinning
  }
}
