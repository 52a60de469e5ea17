// Types for wasi-polyfill/threads: a wasi-threads program (clang --target=wasm32-wasip1-threads -pthread) run as
// one process, each thread in a Worker (worker_threads in Node.js), all served by one kernel on the caller's thread.
import type { RunResult, WASIOptions } from './index.js';

export interface ThreadsRunOptions extends Omit<WASIOptions, 'returnOnExit'> {
  /** The most threads alive at once, the main thread included; past it thread-spawn fails (EAGAIN). Default 64. */
  maxThreads?: number;
  /** Workers made before _start runs, so that the first threads start without waiting for one. Default 4. */
  poolSize?: number;
  /** Aborting it terminates every thread; the promise rejects with an Error named WASIAbortError. */
  signal?: AbortSignal;
}

/** A threaded program's bytes or where to fetch them (a compiled Module does not say its memory's limits). */
export type ThreadsSource = string | URL | Response | PromiseLike<Response> | ArrayBuffer | ArrayBufferView;

/**
 * Runs a threaded command module as WASI.run runs any other (WASI.run hands such a module here by itself): all
 * threads share one descriptor table, the MemFS given, stdio, args and env. Resolves when any thread calls
 * proc_exit or _start returns, with every Worker terminated; rejects with a WebAssembly.RuntimeError naming the
 * thread for a trap in any thread, or with an Error for a module that is not a wasi-threads program or a page that
 * is not cross-origin isolated (COOP same-origin with COEP require-corp or credentialless).
 */
export function runThreads(source: ThreadsSource, options?: ThreadsRunOptions): Promise<RunResult>;

/** runThreads for a module already compiled from `bytes`. */
export function runCompiled(module: WebAssembly.Module, bytes: Uint8Array, options?: ThreadsRunOptions): Promise<RunResult>;
