// The browser side of the benchmark. The runner (Bench.java, through Playwright) loads index.html, waits for
// window.benchReady (or window.benchError), then calls window.runBench(options), which resolves to the result as
// JSON. options: { divisor, samples, warmup, workloads (ids or null), hosts (names or null), sinks (or null) },
// and engine, the name the result carries.
//
// The runner may expose two functions for the peak-memory run, window.benchMemoryBegin() and
// window.benchMemoryEnd() (Chromium: the renderer's peak RSS, read from outside); without them (Firefox) memory
// is not measured.
import { runBenchmark, WORKLOADS } from './driver.mjs';
import * as limit from './hosts/limit-host.mjs';
import * as ours from './hosts/ours.mjs';
import * as oursAsync from './hosts/ours-async.mjs';
import * as shim from './hosts/browser-wasi-shim.mjs';

window.runBench = async (options) => {
  const hostNames = options.hosts ?? ['limit', 'ours', 'browser_wasi_shim'];
  const hosts = [limit];
  if (hostNames.includes('ours')) {
    ours.use(await import('./wasi-polyfill/wasi-polyfill.mjs'));
    hosts.push(ours);
  }
  if (hostNames.includes('ours-async')) {
    oursAsync.use(await import('./wasi-polyfill/wasi-polyfill.mjs'));
    hosts.push(oursAsync);
  }
  if (hostNames.includes('browser_wasi_shim')) {
    const version = (await (await fetchOk('vendor/browser_wasi_shim/VERSION')).text()).trim();
    shim.use(await import('./vendor/browser_wasi_shim/index.js'), version);
    hosts.push(shim);
  }
  const modules = new Map();
  for (const program of new Set([...WORKLOADS.map((w) => w.program), 'hello'])) {
    modules.set(program, await WebAssembly.compileStreaming(fetchOk(`${program}.wasm`)));
  }
  const result = await runBenchmark({
    hosts,
    modules,
    divisor: options.divisor ?? 1,
    samples: options.samples ?? 5,
    warmup: options.warmup ?? 1,
    workloads: options.workloads ?? null,
    sinks: options.sinks ?? null,
    env: browserEnv(),
  });
  result.engine = { name: options.engine, userAgent: navigator.userAgent, crossOriginIsolated };
  return JSON.stringify(result);
};

function browserEnv() {
  const outside = typeof window.benchMemoryBegin === 'function' && typeof window.benchMemoryEnd === 'function';
  const env = {
    now: () => performance.now(),
    // Chromium runs with --js-flags=--expose-gc; Firefox gives a page no way to collect.
    gc: typeof window.gc === 'function' ? () => window.gc() : () => {},
    log: (text) => console.log(text),
  };
  if (outside) {
    env.memoryBegin = () => window.benchMemoryBegin();
    env.memoryEnd = async () => JSON.parse(await window.benchMemoryEnd());
  }
  return env;
}

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`${url}: HTTP ${response.status}`);
  }
  return response;
}

window.benchReady = true;
