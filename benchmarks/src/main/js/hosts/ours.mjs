// This polyfill, through its public JS API only (README.md): a fresh MemFS with the preopen's directory,
// and a WASI instance over it. The bundle is loaded by the driver and passed in, so the same adapter serves Node
// (a file path) and the browser (a URL).

export const name = 'ours';
export const label = 'wasi-polyfill (this project)';

let polyfill = null;

/** Must be called once before create(): the module namespace of wasi-polyfill.mjs ({ WASI, MemFS }). */
export function use(module) {
  polyfill = module;
}

/** `options` are further WASI options, such as ours-async's `async: true`. */
export function create({ args, stdout, stderr, preopen }, options = {}) {
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
    ...options,
  });
  return {
    imports: wasi.getImportObject(),
    start: (instance) => wasi.start(instance),
  };
}
