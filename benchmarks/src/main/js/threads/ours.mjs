// This polyfill under the threads benchmark: threaded runs through wasi-polyfill/threads (runThreads: one kernel
// on this thread, each guest thread in a pooled Worker), single-threaded baselines through the core WASI, both
// over a fresh MemFS with /sandbox preopened. The bundle's folder is handed in by the driver.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const name = 'ours';
export const label = 'wasi-polyfill (this project): wasi-polyfill/threads';

// The main thread takes a Worker of the pool too: five keeps the compute row's four threads and main on warm
// Workers, as emnapi's four reused Workers do for its four threads (its main thread is Node's own).
const POOL_SIZE = 5;

let polyfill = null;
let threads = null;

export async function load(bundleDir) {
  polyfill = await import(pathToFileURL(join(bundleDir, 'wasi-polyfill.mjs')).href);
  threads = await import(pathToFileURL(join(bundleDir, 'threads.mjs')).href);
}

function files() {
  const fs = new polyfill.MemFS();
  fs.mkdir('/sandbox', { recursive: true });
  return fs;
}

/** Runs the threaded program; resolves to { exitCode, stderr } (stdout goes to `stdout`, a chunk callback). */
export async function runThreaded({ bytes, args, stdout, stderr }) {
  const { exitCode } = await threads.runThreads(bytes, {
    args, env: {}, fs: files(), preopens: { '/sandbox': '/sandbox' }, stdout, stderr,
    poolSize: POOL_SIZE,
  });
  return exitCode;
}

export async function runSingle({ module, args, stdout, stderr }) {
  const wasi = new polyfill.WASI({
    version: 'preview1', args, env: {}, fs: files(), preopens: { '/sandbox': '/sandbox' }, stdout, stderr,
    returnOnExit: true,
  });
  const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
  return wasi.start(instance);
}
