// Uses the installed package as an ES module; argv[2] = hello.wasm.
import { readFileSync } from 'node:fs';
import { WASI, MemFS, install, uninstall, start } from 'wasi-polyfill';

const r = await WASI.run(readFileSync(process.argv[2]), { args: ['hello', 'esm'] });
const out = new TextDecoder().decode(r.stdout);
if (r.exitCode !== 3 || out !== 'hello\nesm\n(GREETING not set)\n' || !(r.fs instanceof MemFS)) {
  throw new Error('ESM run gave ' + JSON.stringify({ exitCode: r.exitCode, out }));
}
if (typeof install !== 'function' || typeof uninstall !== 'function' || typeof start !== 'function') {
  throw new Error('ESM: install/uninstall/start missing');
}
console.log('esm ok');
