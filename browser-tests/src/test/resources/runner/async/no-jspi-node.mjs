// node no-jspi-node.mjs <wasi-polyfill.mjs>: prints what asking for async mode gives in this Node (one line per way).
import { pathToFileURL } from 'node:url';

const M = await import(pathToFileURL(process.argv[2]).href);
console.log(typeof WebAssembly.Suspending === 'function' ? 'has JSPI' : 'no JSPI');
for (const options of [{ stdin: async () => null }, { async: true }]) {
  try {
    new M.WASI(options);
    console.log('no error');
  } catch (e) {
    console.log(e.name + ': ' + e.message);
  }
}
