// Types for wasi-polyfill/worker: a guest run in a Web Worker that blocks in Atomics.wait (no JSPI needed; a
// cross-origin isolated page is).
import type { MemFS, RunResult, WasmSource, WASIOptions } from './index.js';

/** The page's standard input: called on the page's thread each time the guest needs more; null is end of file. */
export type PageInputCallback = () => Promise<Uint8Array | string | null | undefined> | Uint8Array | string | null | undefined;

export interface WorkerRunOptions extends Pick<WASIOptions, 'version' | 'args' | 'env' | 'preopens' | 'maxOpenFiles' | 'stdout' | 'stderr'> {
  /** Copied into the Worker before the run; after it (an exit or a trap) it holds the Worker's files. */
  fs?: MemFS;
  /** Bytes or text given up front, an async function, or a stream of Uint8Array chunks. */
  stdin?: Uint8Array | string | PageInputCallback | ReadableStream<Uint8Array>;
  /** Aborting it terminates the Worker; the promise rejects with a WorkerAbortError and fs is left unchanged. */
  signal?: AbortSignal;
}

/**
 * Runs a command module in a Web Worker, as WASI.run does on the page: the guest's fd_read on stdin and
 * poll_oneoff (stdin with a timeout, sleeps) block the Worker in Atomics.wait, never the page. Rejects with an
 * Error when the page is not cross-origin isolated (COOP same-origin with COEP require-corp or credentialless),
 * with a WebAssembly.RuntimeError for a trap.
 */
export function runInWorker(source: WasmSource, options?: WorkerRunOptions): Promise<RunResult>;

/** The rejection of an aborted run, named as the core's WASIAbortError; cause is the signal's reason. */
export class WorkerAbortError extends Error {
  name: 'WASIAbortError';
  cause: unknown;
}

/** One entry of a file tree moved between threads; paths are absolute, parents before children. */
export type TreeEntry =
  | { path: string; type: 'directory'; mtime?: number }
  | { path: string; type: 'file'; data: Uint8Array; mtime?: number }
  | { path: string; type: 'symlink'; target: string; mtime?: number };

/** Everything in a MemFS, parents before children (the root not listed). */
export function readTree(fs: MemFS): TreeEntry[];
/** Adds the entries to a MemFS. */
export function writeTree(fs: MemFS, entries: TreeEntry[]): void;
/** Makes a MemFS hold exactly the entries. */
export function replaceTree(fs: MemFS, entries: TreeEntry[]): void;
