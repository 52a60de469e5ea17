// node run.mjs <folder with wasi-polyfill.mjs and node.mjs> <guest.wasm> [args...]: runs the guest with the
// process's own stdin (wasi-polyfill/node's nodeStdin), its stdout and stderr written straight through, and exits
// with the guest's exit code. The guest's /sandbox is an empty MemFS directory.
import { readFileSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const [folder, guest, ...args] = process.argv.slice(2);
const { WASI, MemFS } = await import(pathToFileURL(join(folder, 'wasi-polyfill.mjs')));
const { nodeStdin } = await import(pathToFileURL(join(folder, 'node.mjs')));

// A pipe may be non-blocking: a full one answers EAGAIN until the reader catches up.
const pause = new Int32Array(new SharedArrayBuffer(4));
function writeAll(fd, chunk) {
  for (let at = 0; at < chunk.length;) {
    try {
      at += writeSync(fd, chunk, at);
    } catch (e) {
      if (e.code !== 'EAGAIN') throw e;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}

const stdin = nodeStdin();
const fs = new MemFS();
fs.mkdir('/sandbox');
const wasi = new WASI({
  args: [guest, ...args],
  fs,
  preopens: { '/sandbox': '/sandbox' },
  stdin,
  stdout: (chunk) => writeAll(1, chunk),
  stderr: (chunk) => writeAll(2, chunk),
  returnOnExit: true,
});
const { instance } = await WebAssembly.instantiate(readFileSync(guest), wasi.getImportObject());
const exitCode = wasi.start(instance);
process.exitCode = exitCode;
