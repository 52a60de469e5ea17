// The JS stack napi-rs's wasm32-wasip1-threads packages run on: @emnapi/wasi-threads for thread-spawn, a WASI
// of its own in every thread, here node:wasi (the stack's documented Node setup), with /sandbox a real temporary
// directory. _start runs on this (Node's main) thread, which may block in Atomics.wait; every other thread is a
// worker_threads Worker running emnapi-worker.mjs, preloaded by reuseWorker before _start.
// Its thread-spawn is the old single-argument ABI, which mallocs its result cell: the guest exports malloc and free.
// stdout is /dev/null (node:wasi writes to a real descriptor; ours hands chunks to a callback that keeps none),
// stderr a temporary file the driver reads back.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WASI } from 'node:wasi';
import { Worker } from 'node:worker_threads';

export const name = 'emnapi';
export const label = '@emnapi/wasi-threads + node:wasi';

let WASIThreads = null;
let modulePath = null;
const workerUrl = new URL('./emnapi-worker.mjs', import.meta.url);

export async function load(npmDir) {
  modulePath = join(npmDir, 'node_modules/@emnapi/wasi-threads/dist/wasi-threads.js');
  ({ WASIThreads } = await import(pathToFileURL(modulePath).href));
}

export function version(npmDir) {
  const versionOf = (pkg) => JSON.parse(readFileSync(join(npmDir, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  return `@emnapi/wasi-threads ${versionOf('@emnapi/wasi-threads')}, @tybys/wasm-util ${versionOf('@tybys/wasm-util')}`;
}

/** A sandbox directory and the descriptors every thread's node:wasi is given; `close()` removes them. */
function world() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-threads-'));
  const stdout = openSync('/dev/null', 'w');
  const stderrPath = join(dir, '.stderr');
  const stderr = openSync(stderrPath, 'w');
  return {
    settings: { preopens: { '/sandbox': dir }, stdout, stderr },
    close() {
      closeSync(stdout);
      closeSync(stderr);
      const text = readFileSync(stderrPath, 'utf8');
      rmSync(dir, { recursive: true, force: true });
      return text;
    },
  };
}

function wasiFor(args, settings) {
  return new WASI({ version: 'preview1', args, env: {}, returnOnExit: true, ...settings });
}

export async function runThreaded({ module, memoryLimits, args, stderr }) {
  const w = world();
  const wasi = wasiFor(args, w.settings);
  const memory = new WebAssembly.Memory({ ...memoryLimits, shared: true });
  const wasiThreads = new WASIThreads({
    wasi,
    version: 'preview1',
    reuseWorker: { size: 4, strict: false },
    onCreateWorker: () => new Worker(workerUrl, { workerData: { modulePath, args, settings: w.settings } }),
  });
  const instance = await WebAssembly.instantiate(module, {
    env: { memory }, wasi_snapshot_preview1: wasi.wasiImport, ...wasiThreads.getImportObject(),
  });
  wasiThreads.setup(instance, module, memory);
  await wasiThreads.preloadWorkers();
  let exitCode;
  try {
    ({ exitCode } = wasiThreads.start(instance, module, memory));
  } finally {
    wasiThreads.terminateAllThreads();
    stderr(w.close());
  }
  return exitCode;
}

export async function runSingle({ module, args, stderr }) {
  const w = world();
  try {
    const wasi = wasiFor(args, w.settings);
    const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi.wasiImport });
    return wasi.start(instance);
  } finally {
    stderr(w.close());
  }
}
