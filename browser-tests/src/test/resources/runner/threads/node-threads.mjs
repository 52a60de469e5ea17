// node node-threads.mjs <guests dir> <case>: runs one threads case in this Node.js process and prints its result as
// one JSON line. The process must then end by itself: a Worker left running would keep it alive.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WASI, MemFS } from '../../wasi-polyfill/wasi-polyfill.mjs';
import { runCase } from './threads-case.mjs';

const [dir, name] = process.argv.slice(2);
const spec = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8'));
const result = await runCase(WASI.run, MemFS, spec, readFileSync(join(dir, `${name}.wasm`)));
console.log(JSON.stringify(result));
