// Async mode's namespace (SuspendingImports): fd_read and poll_oneoff as WebAssembly.Suspending functions, the only
// imports that may wait (a Suspending import costs more per call, so the others stay plain). The Suspending
// functions are the imports themselves: no JS frame stands between them and the promising export.

/**
 * A copy of the plain namespace whose fd_read and poll_oneoff wait first when `readWait` / `pollWait` (given the
 * call's first three arguments) return a promise: null means the plain call can be made now.
 */
export function suspending(plain, readWait, pollWait) {
  return {
    ...plain,
    fd_read: new WebAssembly.Suspending(afterWaits(readWait, plain.fd_read)),
    poll_oneoff: new WebAssembly.Suspending(afterWaits(pollWait, plain.poll_oneoff)),
  };
}

/**
 * The import that asks `wait(a, b, c)` whether the call would wait: when it would not (null), it calls `call` at
 * once and returns its result; else it returns a promise that awaits each promise `wait` names, asking again after
 * each, and settles with `call`'s result once nothing is pending.
 */
export function afterWaits(wait, call) {
  const later = (pending, a, b, c, d) => pending.then(() => {
    const next = wait(a, b, c);
    return next === null ? call(a, b, c, d) : later(next, a, b, c, d);
  });
  return (a, b, c, d) => {
    const pending = wait(a, b, c);
    return pending === null ? call(a, b, c, d) : later(pending, a, b, c, d);
  };
}
