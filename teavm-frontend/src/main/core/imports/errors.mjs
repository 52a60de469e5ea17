// Errors of the imports (ExitSignal, ErrnoExceptions).

/** What proc_exit throws to unwind the guest: a WASIExitError with the exit code as a u32, marked with `mark`. */
export function exitError(mark, code) {
  const error = new Error(`WASI guest exited with code ${code >>> 0}`);
  error.name = 'WASIExitError';
  error.code = code >>> 0;
  error[mark] = true;
  return error;
}

/** Calls run() with V8's Error.stackTraceLimit at 0, so that errors made meanwhile capture no stack; then restores it. */
export function withoutStackTraces(run) {
  const limit = Error.stackTraceLimit;
  if (typeof limit !== 'number') {
    run();
    return;
  }
  Error.stackTraceLimit = 0;
  try {
    run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
