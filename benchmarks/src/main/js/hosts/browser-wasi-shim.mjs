// @bjorn3/browser_wasi_shim (npm; the version is pinned in benchmarks/package.json), set up the way its README
// does: stdin as an empty file, stdout and stderr as ConsoleStdout, and the preopen as an in-memory
// PreopenDirectory; constructed with { debug: false } as issue 5 asks.

export const name = 'browser_wasi_shim';
export const label = '@bjorn3/browser_wasi_shim';

let shim = null;
let shimVersion = null;

/** Must be called once before create(): the module namespace of the shim's dist/index.js, and its version. */
export function use(module, version) {
  shim = module;
  shimVersion = version;
}

export function version() {
  return shimVersion;
}

export function create({ args, stdout, stderr, preopen }) {
  const { WASI, File, OpenFile, ConsoleStdout, PreopenDirectory } = shim;
  const fds = [
    new OpenFile(new File([])),
    new ConsoleStdout(stdout),
    new ConsoleStdout(stderr),
    new PreopenDirectory(preopen, new Map()),
  ];
  const wasi = new WASI(args, [], fds, { debug: false });
  return {
    imports: { wasi_snapshot_preview1: wasi.wasiImport },
    start: (instance) => wasi.start(instance),
  };
}
