// node api-node.mjs <wasi-polyfill.mjs> <hello.wasm> <fs_tool.wasm> <counter.wasm> <bad_args.wasm>: prints "ok" or the failures, exit code 0 or 1.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { runChecks } from './api-checks.mjs';

const [bundle, wasm, fsTool, reactor, badArgs] = process.argv.slice(2);
const M = await import(pathToFileURL(bundle).href);
const bytes = readFileSync(wasm);
const failures = await runChecks(M, bytes, {
  'Uint8Array': () => new Uint8Array(bytes),
  'ArrayBuffer': () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
  'WebAssembly.Module': () => WebAssembly.compile(bytes),
  'Response': () => new Response(bytes, { headers: { 'Content-Type': 'application/wasm' } }),
  'Response with a wrong Content-Type': () => new Response(bytes, { headers: { 'Content-Type': 'text/plain' } }),
}, readFileSync(fsTool), readFileSync(reactor), readFileSync(badArgs));
console.log(failures.length === 0 ? 'ok' : failures.join('\n'));
process.exitCode = failures.length === 0 ? 0 : 1;
