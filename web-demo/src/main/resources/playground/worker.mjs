// Runs one guest, off the page's main thread: the page posts { type: 'run', ... } once; the guest's output goes
// into the shared channel (channel.mjs) when the page is cross-origin isolated, else it is posted as { type:
// 'output' }. When the guest waits for standard input the worker posts { type: 'input' }, and the page answers in
// one of two ways: with JSPI (stdinMode 'jspi') the guest is suspended and the page posts { type: 'stdin', chunk }
// (null: end of file), and { type: 'abort' } unwinds it; without JSPI on an isolated page (stdinMode 'atomics')
// the worker blocks in Atomics.wait until the page has put the line into the channel. At the end the worker posts
// { type: 'exit', ... } with the files as the guest left them (or aborted: true). The page may also terminate() it.
// A threaded program (wasi-threads: it imports a memory or from 'wasi') goes to wasi-polyfill/threads, whose kernel
// runs here and whose threads run in Workers of their own; the worker posts { type: 'threads' } so that the page
// stops it with { type: 'abort' }, which aborts the run's AbortSignal.
import { WASI, MemFS } from './wasi-polyfill/wasi-polyfill.mjs';
import { readTree, writeTree } from './wasi-polyfill/worker.mjs';
import { Channel } from './channel.mjs';

/** A mistake in the program or its setup, said to the user as it is; not a trap of a running guest. */
class Problem extends Error {}

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

/** Typed lines the page has sent (JSPI mode) before the guest asked, and the guest's pending ask. */
const typed = [];
let asking = null;
let current = null;

self.onmessage = ({ data }) => {
  if (data.type === 'run') {
    run(data);
  } else if (data.type === 'stdin') {
    if (asking) {
      asking(data.chunk);
      asking = null;
    } else {
      typed.push(data.chunk);
    }
  } else if (data.type === 'abort') {
    current?.abort(data.reason);
  }
};
self.postMessage({ type: 'ready' });

/** JSPI mode's stdin: asks the page, and the guest stays suspended until the page answers. */
function askPage() {
  self.postMessage({ type: 'input' });
  return typed.length ? Promise.resolve(typed.shift()) : new Promise((resolve) => { asking = resolve; });
}

function stdinFor(mode, channel) {
  if (mode === 'jspi') return async () => askPage();
  if (mode === 'atomics') return () => { self.postMessage({ type: 'input' }); return channel.takeInput(); };
  return '';
}

/** A threaded program's stdin: the kernel awaits it here, so it must not block this thread. */
function threadsStdinFor(mode, channel) {
  if (mode === 'jspi') return async () => askPage();
  if (mode === 'atomics') return () => { self.postMessage({ type: 'input' }); return channel.takeInputAsync(); };
  return '';
}

function isThreaded(module) {
  return WebAssembly.Module.imports(module).some((entry) => entry.kind === 'memory' || entry.module === 'wasi');
}

/** Runs a wasi-threads program over `options` with wasi-polyfill/threads; resolves to its exit code. */
async function runThreaded(module, bytes, options, stdinMode, channel) {
  const { runCompiled } = await import('./wasi-polyfill/threads.mjs');
  const stop = new AbortController();
  current = { abort: (reason) => stop.abort(reason) };
  self.postMessage({ type: 'threads' });
  // Workers ready before _start for main and four threads (parallel's default), so that none waits for one.
  const settings = { ...options, stdin: threadsStdinFor(stdinMode, channel), signal: stop.signal, poolSize: 5 };
  delete settings.returnOnExit;
  try {
    return (await runCompiled(module, bytes, settings)).exitCode;
  } catch (e) {
    // The runtime's refusals (a page that is not cross-origin isolated, a module that is not a wasi-threads
    // program) are plain Errors that name it; traps are RuntimeErrors.
    if (e?.constructor === Error && e.name === 'Error' && e.message.startsWith('runThreads: ')) throw new Problem(e.message);
    throw e;
  }
}

async function run({ name, bytes, args, env, files, shared, stdinMode }) {
  const channel = shared ? new Channel(shared) : null;
  const fs = new MemFS();
  const result = {};
  try {
    writeTree(fs, files);
    const module = compile(name, bytes);
    requireStart(name, module);
    // Without shared memory (a page that is not cross-origin isolated), every write is a message.
    const output = (fd) => (channel
      ? (chunk) => channel.writeOutput(fd, chunk)
      : (chunk) => self.postMessage({ type: 'output', fd, chunk }));
    const options = {
      version: 'preview1',
      args: [name, ...args],
      env,
      fs,
      preopens: { '/': '/' },
      stdin: stdinFor(stdinMode, channel),
      stdout: output(1),
      stderr: output(2),
      returnOnExit: true,
    };
    const threaded = isThreaded(module);
    const wasi = threaded ? null : new WASI(options);
    const instance = threaded ? null : instantiate(name, module, wasi);
    current = wasi?.async ? wasi : null;
    const start = performance.now();
    try {
      result.exitCode = threaded
        ? await runThreaded(module, bytes, options, stdinMode, channel)
        : await wasi.start(instance);
    } catch (e) {
      if (e instanceof Problem) throw e;
      if (e?.name === 'WASIAbortError') {
        self.postMessage({ type: 'exit', aborted: true });
        return;
      }
      result.trap = describeTrap(e);
    }
    result.elapsed = performance.now() - start;
  } catch (e) {
    result.problem = e instanceof Problem ? e.message : `${e?.name ?? 'Error'}: ${e?.message ?? e}`;
  }
  try {
    result.files = readTree(fs);
  } catch (e) {
    result.files = null;
    result.problem ??= `the files could not be read back: ${e?.message ?? e}`;
  }
  self.postMessage({ type: 'exit', ...result });
}

function compile(name, bytes) {
  const head = bytes.subarray(0, 8);
  if (bytes.length < 8 || WASM_MAGIC.some((b, i) => head[i] !== b)) {
    throw new Problem(`${name} is not a WebAssembly module: a .wasm file starts with the bytes 00 61 73 6d `
      + `("\\0asm"); this one ${bytes.length === 0 ? 'is empty' : `starts with ${hex(head.subarray(0, 4))}`
      + ` (${printable(head.subarray(0, 4))})`}.`);
  }
  if (head[4] !== 1 || head[5] !== 0 || head[6] !== 0 || head[7] !== 0) {
    const component = head[6] === 1 && head[7] === 0;
    throw new Problem(component
      ? `${name} is a WebAssembly component (WASI preview 2), not a core module: this playground runs `
        + 'wasi_snapshot_preview1 programs; build for wasm32-wasip1 (or wasm32-wasi).'
      : `${name} is WebAssembly of an unknown version (${hex(head.subarray(4, 8))}); only version 1 modules run here.`);
  }
  try {
    return new WebAssembly.Module(bytes);
  } catch (e) {
    throw new Problem(`${name} is not valid WebAssembly: ${e.message}`);
  }
}

function requireStart(name, module) {
  const exports = WebAssembly.Module.exports(module);
  if (exports.some((e) => e.name === '_start' && e.kind === 'function')) return;
  const names = exports.map((e) => e.name);
  if (names.includes('_initialize')) {
    throw new Problem(`${name} has no _start: it is a reactor (a library exporting _initialize), not a program. `
      + 'Build it as a command (without -mexec-model=reactor) to run it here.');
  }
  throw new Problem(`${name} exports no _start function, so there is nothing to run: it is not a WASI command. `
    + `Its exports: ${names.length ? names.join(', ') : 'none'}.`);
}

function instantiate(name, module, wasi) {
  const foreign = WebAssembly.Module.imports(module).filter((i) => i.module !== 'wasi_snapshot_preview1');
  if (foreign.length) {
    const list = foreign.slice(0, 5).map((i) => `${i.module}.${i.name} (${i.kind})`).join(', ');
    throw new Problem(`${name} imports what this playground does not provide: ${list}`
      + `${foreign.length > 5 ? ` and ${foreign.length - 5} more` : ''}. Only wasi_snapshot_preview1 is provided.`);
  }
  try {
    return new WebAssembly.Instance(module, wasi.getImportObject());
  } catch (e) {
    throw new Problem(`${name} could not be instantiated: ${e.message}`);
  }
}

/** A trap (RuntimeError), a stack overflow (RangeError / InternalError) or a host error, with the wasm frames. */
function describeTrap(e) {
  const frames = String(e?.stack ?? '').split('\n')
    .filter((line) => line.includes('wasm-function') || line.includes('wasm://'))
    .slice(0, 8)
    .map((line) => line.trim());
  return { name: e?.name ?? 'Error', message: e?.message ?? String(e), frames };
}

function hex(bytes) {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');
}

function printable(bytes) {
  return JSON.stringify(String.fromCharCode(...bytes).replace(/[^\x20-\x7e]/g, '.'));
}
