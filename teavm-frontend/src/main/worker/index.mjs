// wasi-polyfill/worker: runs a guest in a Web Worker that blocks in Atomics.wait where the guest waits (standard
// input, sleep), for browsers without JSPI (WebAssembly.Suspending). The page keeps the interactive parts: its
// async stdin is called on the page's thread, stdout and stderr callbacks get the chunks as they come, and the
// MemFS given is copied into the Worker before the run and made to hold the Worker's files after it, both as the
// core's lossless image (hard links, modes and times kept).
import { MemFS } from './wasi-polyfill.mjs';
import { concat } from '../shared/bytes.mjs';
import { describe } from '../shared/describe.mjs';
import { InputSlot } from '../shared/input-slot.mjs';
import { readTree, writeTree, replaceTree } from './tree.mjs';
import { saveImage, loadImage, imageBuffers } from './image.mjs';

export { readTree, writeTree, replaceTree };

const WHO = 'wasi-polyfill/worker';
// A wasi-threads program goes to wasi-polyfill/threads, beside this bundle (a variable: loaded at run time).
const THREADS_ENTRY = './threads.mjs';
const CLONED_OPTIONS = ['version', 'args', 'env', 'preopens', 'maxOpenFiles'];

/**
 * The error a run ends with when its signal aborts it (the Worker is terminated, the files are left as before),
 * named as the core's async mode names its abort: WASIAbortError, with the reason as its cause.
 */
export class WorkerAbortError extends Error {
  constructor(reason) {
    super(`${WHO}: the run was aborted${reason === undefined ? '' : ` (${describeReason(reason)})`}; its Worker `
      + 'was terminated and the files are as they were before the run', { cause: reason });
    this.name = 'WASIAbortError';
  }
}

/**
 * Runs a command module in a Web Worker; resolves to { exitCode, stdout, stderr, fs } as WASI.run does.
 * Needs a cross-origin isolated page (SharedArrayBuffer, Atomics.wait in the Worker).
 */
export async function runInWorker(source, options = {}) {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${WHO}: runInWorker(source, options): options must be an object, got ${typeof options}`);
  }
  requireIsolation();
  checkCallback('stdout', options.stdout);
  checkCallback('stderr', options.stderr);
  if (options.fs !== undefined && !(options.fs instanceof MemFS)) {
    throw new TypeError(`${WHO}: options.fs must be a MemFS`);
  }
  const signal = options.signal;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new TypeError(`${WHO}: options.signal must be an AbortSignal`);
  }
  if (signal?.aborted) throw new WorkerAbortError(signal.reason);
  const input = pageInput(options.stdin);
  const { module, bytes } = await compile(source);
  if (WebAssembly.Module.imports(module).some((entry) => entry.kind === 'memory' || entry.module === 'wasi')) {
    return (await import(THREADS_ENTRY)).runCompiled(module, bytes, options);
  }
  if (signal?.aborted) throw new WorkerAbortError(signal.reason);
  const fs = options.fs ?? new MemFS();
  const image = await saveImage(fs);
  if (signal?.aborted) throw new WorkerAbortError(signal.reason);
  return new WorkerRun(module, options, fs, image, input, signal).result;
}

class WorkerRun {
  constructor(module, options, fs, image, input, signal) {
    this.fs = fs;
    this.input = input;
    this.signal = signal;
    this.outputs = { 1: options.stdout ?? null, 2: options.stderr ?? null };
    this.collected = { 1: [], 2: [] };
    this.slot = input ? new InputSlot() : null;
    this.result = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.onAbort = () => this.fail(new WorkerAbortError(signal.reason));
    signal?.addEventListener('abort', this.onAbort, { once: true });

    const cloned = {};
    for (const key of CLONED_OPTIONS) if (options[key] !== undefined) cloned[key] = options[key];
    if (!input) cloned.stdin = options.stdin;
    try {
      this.worker = new Worker(new URL('./worker-guest.mjs', import.meta.url), { type: 'module', name: WHO });
    } catch (e) {
      this.fail(new Error(`${WHO}: the Worker (worker-guest.mjs beside worker.mjs) could not be started: ${e.message}`));
      return;
    }
    this.worker.onmessage = ({ data }) => this.received(data);
    this.worker.onerror = (event) => {
      event.preventDefault?.();
      this.fail(new Error(`${WHO}: the Worker failed${event.message ? `: ${event.message}` : ''} (is worker-guest.mjs `
        + 'served beside worker.mjs and wasi-polyfill.mjs?)'));
    };
    this.worker.onmessageerror = () => this.fail(new Error(`${WHO}: a message from the Worker could not be read`));
    try {
      const { maxBytes, maxFileSize } = fs.usage();
      const run = { type: 'run', module, options: cloned, image, limits: { maxBytes, maxFileSize } };
      this.worker.postMessage({ ...run, input: this.slot?.buffer ?? null }, imageBuffers(image));
    } catch (e) {
      this.fail(new TypeError(`${WHO}: the options could not be sent to the Worker (only args, env, preopens, `
        + `maxOpenFiles, version and stdin bytes or text are): ${e.message}`));
    }
  }

  received(data) {
    if (this.done) return;
    if (data.type === 'output') {
      this.output(data.fd, data.chunk);
    } else if (data.type === 'input') {
      this.feed();
    } else if (data.type === 'exit' || data.type === 'failure') {
      this.finish(data);
    }
  }

  output(fd, chunk) {
    const callback = this.outputs[fd];
    if (!callback) {
      this.collected[fd].push(chunk);
      return;
    }
    try {
      callback(chunk);
    } catch (e) {
      this.fail(e);
    }
  }

  /** Calls the page's stdin for the next chunk and hands it to the waiting guest, in pieces the slot holds. */
  async feed() {
    try {
      if (!this.pending?.length) {
        const chunk = await this.input.next();
        if (this.done) return;
        this.pending = chunk === null ? null : chunk;
      }
      if (this.pending === null || this.pending.length === 0) {
        this.slot.offer(null);
        return;
      }
      const taken = this.slot.offer(this.pending);
      this.pending = this.pending.subarray(taken);
    } catch (e) {
      this.fail(e);
    }
  }

  async finish(data) {
    if (data.image) {
      try {
        await loadImage(this.fs, data.image, () => !this.done);
      } catch (e) {
        this.fail(new Error(`${WHO}: the guest's files could not be copied back into the MemFS: ${e.message}`));
        return;
      }
      if (this.done) return;
    }
    if (data.type === 'failure') {
      this.fail(rebuildError(data.error));
      return;
    }
    this.end();
    this.resolve({
      exitCode: data.exitCode,
      stdout: this.outputs[1] ? null : concat(this.collected[1]),
      stderr: this.outputs[2] ? null : concat(this.collected[2]),
      fs: this.fs,
    });
  }

  fail(error) {
    if (this.done) return;
    this.end();
    this.reject(error);
  }

  end() {
    this.done = true;
    this.worker?.terminate();
    this.signal?.removeEventListener('abort', this.onAbort);
    this.input?.close();
  }
}

/** The page's side of an interactive stdin: an async function or a ReadableStream; null for bytes or text. */
function pageInput(stdin) {
  if (typeof stdin === 'function') {
    return {
      next: async () => bytesOf(await stdin(), 'the stdin function returned'),
      close() {},
    };
  }
  if (typeof ReadableStream === 'function' && stdin instanceof ReadableStream) {
    const reader = stdin.getReader();
    return {
      next: async () => {
        const { value, done } = await reader.read();
        return done ? null : bytesOf(value, 'the stdin stream gave');
      },
      close: () => reader.releaseLock(),
    };
  }
  if (stdin === undefined || stdin === null || typeof stdin === 'string' || stdin instanceof Uint8Array) return null;
  throw new TypeError(`${WHO}: options.stdin must be a Uint8Array, a string, an async function or a `
    + `ReadableStream, got ${describe(stdin)}`);
}

const encoder = new TextEncoder();

function bytesOf(value, what) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return encoder.encode(value);
  if (value instanceof Uint8Array) return value;
  throw new TypeError(`${WHO}: ${what} ${describe(value)}; it must give a Uint8Array, a string or null`);
}

function requireIsolation() {
  if (globalThis.crossOriginIsolated !== true || typeof SharedArrayBuffer !== 'function') {
    throw new Error(`${WHO}: runInWorker needs a cross-origin isolated page, for SharedArrayBuffer and Atomics.wait: `
      + 'serve it with the headers Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: '
      + 'require-corp (or credentialless). Where WebAssembly.Suspending exists (JSPI), use the core WASI with an '
      + 'async stdin instead, which needs no isolation.');
  }
}

function checkCallback(name, value) {
  if (value !== undefined && typeof value !== 'function') {
    throw new TypeError(`${WHO}: options.${name} must be a function, got ${describe(value)}`);
  }
}

/** { module, bytes } (bytes null for a module given compiled). */
async function compile(source) {
  if (source instanceof WebAssembly.Module) return { module: source, bytes: null };
  let response = source;
  if (typeof source === 'string' || source instanceof URL) {
    response = fetch(new URL(source, globalThis.document?.baseURI ?? globalThis.location?.href));
  }
  response = await response;
  let bytes;
  if (typeof Response === 'function' && response instanceof Response) {
    if (!response.ok) throw new Error(`${WHO}: fetching ${response.url} failed: HTTP ${response.status}`);
    bytes = await response.arrayBuffer();
  } else if (response instanceof ArrayBuffer || ArrayBuffer.isView(response)) {
    bytes = response;
  } else {
    throw new TypeError(`${WHO}: the source must be a URL, a Response, bytes or a WebAssembly.Module, got `
      + describe(source));
  }
  const view = ArrayBuffer.isView(bytes) ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    : new Uint8Array(bytes);
  return { module: await WebAssembly.compile(view), bytes: view };
}

/** The Worker's error as the same kind on the page: a trap stays a WebAssembly.RuntimeError. */
function rebuildError({ name, message, stack, code }) {
  const Kind = name === 'RuntimeError' ? WebAssembly.RuntimeError
    : name === 'CompileError' ? WebAssembly.CompileError
      : name === 'LinkError' ? WebAssembly.LinkError
        : globalThis[name]?.prototype instanceof Error ? globalThis[name] : Error;
  const error = new Kind(message);
  if (error.name !== name) error.name = name;
  if (code !== undefined) error.code = code;
  if (stack) error.stack = stack;
  return error;
}

function describeReason(reason) {
  return reason instanceof Error ? reason.message : String(reason);
}
