// node archive-node.mjs <folder with wasi-polyfill.mjs, archive.mjs, lazy.mjs, archive-checks.mjs>: runs the
// archive checks in Node.js, and checks that wasi-polyfill/lazy explains it needs XMLHttpRequest; prints "ok" or
// the failures, exit code 0 or 1.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const folder = process.argv[2];
const load = (name) => import(pathToFileURL(join(folder, name)).href);
const M = await load('wasi-polyfill.mjs');
const A = await load('archive.mjs');
const L = await load('lazy.mjs');
const { runArchiveChecks } = await load('archive-checks.mjs');
const failures = await runArchiveChecks(M, A);
try {
  L.lazyFile(new M.MemFS(), '/x', 'http://127.0.0.1/x', { size: 1 });
  failures.push('lazyFile in Node.js: no error');
} catch (e) {
  if (!(e instanceof TypeError) || !e.message.includes('Node.js has not')) failures.push(`lazyFile in Node.js: ${e.message}`);
}
console.log(failures.length === 0 ? 'ok' : failures.join('\n'));
process.exitCode = failures.length === 0 ? 0 : 1;
