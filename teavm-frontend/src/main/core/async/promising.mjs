// Async mode's start (JsWasi): the guest's entry as a WebAssembly.promising function, so that its Suspending
// imports can wait.

/**
 * Calls `WebAssembly.promising(entry)()` and settles with `settle(null)` when it returns, `settle({ thrown })`
 * when it throws: what the guest threw (its exit, a trap, an abort) stays a value the caller decides about.
 */
export function startPromising(entry, settle) {
  return WebAssembly.promising(entry)().then(() => settle(null), (thrown) => settle({ thrown }));
}
