// This polyfill in async mode (JSPI): as ours.mjs, with async: true, so fd_read and poll_oneoff are
// WebAssembly.Suspending imports and start() calls _start through WebAssembly.promising. Browsers only (Node.js 20
// has no JSPI); run it on request (--hosts ours,ours-async) to see what the wrapped imports cost per call.

export const name = 'ours-async';
export const label = 'wasi-polyfill, async mode (JSPI)';

let polyfill = null;

export function use(module) {
  polyfill = module;
}

export function create({ args, stdout, stderr, preopen }) {
  const { WASI, MemFS } = polyfill;
  const fs = new MemFS();
  fs.mkdir(preopen, { recursive: true });
  const wasi = new WASI({
    version: 'preview1',
    args,
    env: {},
    fs,
    preopens: { [preopen]: preopen },
    stdout,
    stderr,
    returnOnExit: true,
    async: true,
  });
  return {
    imports: wasi.getImportObject(),
    start: (instance) => wasi.start(instance),
  };
}
