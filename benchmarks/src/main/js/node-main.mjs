// Runs the benchmark in Node.js: node --expose-gc node-main.mjs [options]
//   --divisor N        size divisor (1 = issue 5's sizes; 64 = smoke)       default 1
//   --samples N        recorded rounds                                       default 5
//   --warmup N         unrecorded rounds first                               default 1
//   --workloads a,b    workload ids (driver.mjs WORKLOADS)                   default all
//   --hosts a,b        host names: limit, ours, browser_wasi_shim            default all (limit is always run first)
//   --sinks a,b        stdout callbacks: keep, copy (driver.mjs SINKS)       default all
//   --polyfill PATH    wasi-polyfill.mjs to load                             default ./wasi-polyfill/wasi-polyfill.mjs
// Progress goes to stderr; the result is printed as one line "@@result <json>" on stdout.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runBenchmark, WORKLOADS } from './driver.mjs';
import * as limit from './hosts/limit-host.mjs';
import * as ours from './hosts/ours.mjs';
import * as shim from './hosts/browser-wasi-shim.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const options = parseArgs(process.argv.slice(2));

if (typeof gc !== 'function') {
  console.error('node-main.mjs: run node with --expose-gc (samples start from a collected heap)');
  process.exit(2);
}

const hostNames = options.hosts ? options.hosts.split(',') : ['limit', 'ours', 'browser_wasi_shim'];
const hosts = [limit];
if (hostNames.includes('ours')) {
  ours.use(await import(pathToFileURL(resolve(options.polyfill ?? join(here, 'wasi-polyfill/wasi-polyfill.mjs'))).href));
  hosts.push(ours);
}
if (hostNames.includes('browser_wasi_shim')) {
  const vendor = join(here, 'vendor/browser_wasi_shim');
  shim.use(await import(pathToFileURL(join(vendor, 'index.js')).href),
    readFileSync(join(vendor, 'VERSION'), 'utf8').trim());
  hosts.push(shim);
}

const modules = new Map();
for (const program of new Set([...WORKLOADS.map((w) => w.program), 'hello'])) {
  modules.set(program, await WebAssembly.compile(readFileSync(join(here, `${program}.wasm`))));
}

const result = await runBenchmark({
  hosts,
  modules,
  divisor: Number(options.divisor ?? 1),
  samples: Number(options.samples ?? 5),
  warmup: Number(options.warmup ?? 1),
  workloads: options.workloads ? options.workloads.split(',') : null,
  sinks: options.sinks ? options.sinks.split(',') : null,
  env: nodeEnv(),
});
result.engine = { name: 'node', version: process.version, v8: process.versions.v8 };
const json = JSON.stringify(result);
if (options.out) {
  writeFileSync(options.out, json);
}
console.log(`@@result ${json}`);
process.exitCode = result.ok ? 0 : 1;

function nodeEnv() {
  return {
    now: () => performance.now(),
    gc: () => gc(),
    log: (text) => console.error(text),
    // Node has no outside view worth having: freed malloc memory is reused without returning to the OS, so peak
    // RSS growth undercounts. The sampled V8 accounting (ArrayBuffer backing stores + JS heap) is used instead.
    memoryBegin() {},
    memoryEnd: () => null,
    sampleMemory() {
      const m = process.memoryUsage();
      return m.arrayBuffers + m.heapUsed;
    },
    sampleMemoryHow: 'peak growth of process.memoryUsage() arrayBuffers + heapUsed, sampled every 16 imports',
  };
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z]+)$/.exec(argv[i]);
    if (!m || i + 1 >= argv.length) {
      console.error(`node-main.mjs: bad argument ${argv[i]}`);
      process.exit(2);
    }
    out[m[1]] = argv[++i];
  }
  return out;
}
