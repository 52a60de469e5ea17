// wasi-polyfill/threads: runs a wasi-threads program (clang --target=wasm32-wasip1-threads -pthread) as one
// process: every thread, the first included, in a Worker of its own (worker_threads in Node.js), all served by
// one kernel on this thread, so that they share one descriptor table, one MemFS, stdio, args and env.
import { WASI, MemFS } from './wasi-polyfill.mjs';
import { concat } from '../shared/bytes.mjs';
import { Kernel } from './kernel.mjs';
import { importedMemory, threadsProblem } from './module-info.mjs';
import { isolationProblem, workerFactory } from './workers.mjs';

const WHO = 'runThreads';
const DEFAULT_MAX_THREADS = 64;
const DEFAULT_POOL_SIZE = 4;
const THREAD_OPTIONS = ['maxThreads', 'poolSize', 'signal'];

/**
 * runThreads(source, options): as WASI.run, for a threaded program; resolves to { exitCode, stdout, stderr, fs }.
 * source: a URL (string or URL), a Response, an ArrayBuffer or typed array (a compiled WebAssembly.Module does
 * not say its memory's limits, so it is refused). options: WASI.run's, and maxThreads (default 64, main
 * included), poolSize (Workers made before _start, default 4) and signal (an AbortSignal).
 */
export async function runThreads(source, options) {
  const bytes = await bytesOf(source);
  return runCompiled(bytes ? await WebAssembly.compile(bytes) : source, bytes, options);
}

/** runThreads for a module already compiled from `bytes` (how WASI.run hands a threaded module over). */
export async function runCompiled(module, bytes, options) {
  const given = options === undefined || options === null ? {} : options;
  if (typeof given !== 'object') throw new TypeError(`${WHO}: options must be an object`);
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(`${WHO}: give a threaded program's bytes or URL, not a compiled WebAssembly.Module:`
      + ' its shared memory\'s limits are read from its binary');
  }
  const problem = isolationProblem(WHO) || threadsProblem(WHO, module, bytes);
  if (problem) throw new Error(problem);
  const maxThreads = count(given.maxThreads, DEFAULT_MAX_THREADS, 'maxThreads');
  const poolSize = Math.min(count(given.poolSize, DEFAULT_POOL_SIZE, 'poolSize'), maxThreads);
  const { signal } = given;
  if (signal !== undefined && !(typeof AbortSignal === 'function' && signal instanceof AbortSignal)) {
    throw new TypeError(`${WHO}: option 'signal' must be an AbortSignal`);
  }
  signal?.throwIfAborted();

  const settings = { ...given };
  for (const name of THREAD_OPTIONS) delete settings[name];
  const stdout = settings.stdout === undefined ? collect(settings, 'stdout') : null;
  const stderr = settings.stderr === undefined ? collect(settings, 'stderr') : null;
  settings.fs = settings.fs || new MemFS();
  const limits = importedMemory(bytes);
  const memory = new WebAssembly.Memory({ initial: limits.initial, maximum: limits.maximum, shared: true });
  const wasi = WASI.forThreads(settings, memory);
  const newWorker = await workerFactory(new URL('./threads-guest.mjs', import.meta.url));
  const kernel = new Kernel({ module, memory, wasi, newWorker, maxThreads, poolSize });
  const onAbort = () => kernel.end(null, abortError(signal.reason));
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const exitCode = await kernel.start();
    return { exitCode, stdout: stdout && concat(stdout), stderr: stderr && concat(stderr), fs: settings.fs };
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

function count(value, fallback, name) {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new TypeError(`${WHO}: option '${name}' must be a whole number of at least 1`);
  return value;
}

function collect(settings, stream) {
  const chunks = [];
  settings[stream] = (chunk) => chunks.push(chunk);
  return chunks;
}


function abortError(reason) {
  const error = new Error(`${WHO}: aborted`, { cause: reason });
  error.name = 'WASIAbortError';
  return error;
}

async function bytesOf(given) {
  const source = given !== null && typeof given === 'object' && typeof given.then === 'function' ? await given : given;
  if (typeof source === 'string' || source instanceof URL) {
    const response = await fetch(String(source));
    if (!response.ok) throw new Error(`${WHO}: fetching ${source} failed with HTTP status ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
  if (typeof Response === 'function' && source instanceof Response) return new Uint8Array(await source.arrayBuffer());
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  if (ArrayBuffer.isView(source)) return new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  if (source instanceof WebAssembly.Module) return null;
  throw new TypeError(`${WHO}: expected a URL (string or URL), a Response, an ArrayBuffer or a Uint8Array`);
}
