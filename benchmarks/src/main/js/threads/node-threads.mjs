// The threads benchmark (issue 23) in Node.js: node --expose-gc node-threads.mjs [options] (bench.sh --suite threads)
//   --mode full|smoke  full: divisor 1, 1 warm-up + 5 recorded rounds; smoke: divisor 64, 1 round  default full
//   --divisor N      size divisor (overrides the mode's)
//   --samples N      recorded rounds, every case under every host in each (overrides the mode's)
//   --warmup N       unrecorded rounds first (overrides the mode's)
//   --hosts a,b      ours, emnapi                                                  default both
//   --cases a,b      a subset of the case ids (spawn, clock-thread, ..., sharedfd)   default all
//   --out DIR        where threads-results.json and threads-results.md go          default none (stdout only)
// A round runs every case under every host, the host order rotating from round to round. Each run reports the
// guest's own CLOCK_MONOTONIC time of the part measured ("elapsed_ns"), which leaves Worker start-up and
// instantiation out, and the driver's wall time of the whole run. Exits 1 when a run that must work failed or
// the checksums differ between hosts; a run the host cannot do (a shared fd under emnapi) is shown, not fatal.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ours from './ours.mjs';
import * as emnapi from './emnapi.mjs';
import { importedMemory } from './module-info.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const bench = dirname(here);
const options = parseArgs(process.argv.slice(2));
const MODES = { full: { divisor: 1, samples: 5, warmup: 1 }, smoke: { divisor: 64, samples: 1, warmup: 0 } };
const mode = MODES[options.mode ?? 'full'] ?? fail(`unknown --mode ${options.mode}`);
const divisor = Number(options.divisor ?? mode.divisor);
const samples = Number(options.samples ?? mode.samples);
const warmup = Number(options.warmup ?? mode.warmup);
const hosts = (options.hosts ?? 'ours,emnapi').split(',').map((h) => ({ ours, emnapi })[h]);
if (hosts.includes(undefined)) fail(`unknown host in --hosts ${options.hosts}`);

await ours.load(join(bench, 'wasi-polyfill'));
const npmDir = join(bench, '..', '..', 'npm');
if (hosts.includes(emnapi)) await emnapi.load(npmDir);

const threadedBytes = new Uint8Array(readFileSync(join(bench, 'threads.wasm')));
const threaded = await WebAssembly.compile(threadedBytes);
const single = await WebAssembly.compile(readFileSync(join(bench, 'threads-single.wasm')));
const { initial, maximum } = importedMemory(threadedBytes);
const memoryLimits = { initial, maximum };

const CASES = [
  { id: 'spawn', what: 'thread-spawn + join, warm pool (µs per thread)', workload: 'spawn', unit: 'µs',
    per: (ns, over) => ns / over / 1000 },
  { id: 'clock-thread', what: 'clock_time_get from a created thread (ns per call)', workload: 'clock', unit: 'ns',
    per: (ns, over) => ns / over },
  { id: 'clock-single', what: 'clock_time_get, single-threaded run (ns per call)', workload: 'clock', single: true,
    unit: 'ns', per: (ns, over) => ns / over },
  { id: 'write-thread', what: '4 KiB fd_write to stdout from a created thread (ns per call)', workload: 'write',
    unit: 'ns', per: (ns, over) => ns / over },
  { id: 'write-single', what: '4 KiB fd_write to stdout, single-threaded run (ns per call)', workload: 'write',
    single: true, unit: 'ns', per: (ns, over) => ns / over },
  ...[1, 2, 4].map((n) => ({ id: `compute-${n}`, what: `CPU-bound work split over ${n} thread${n > 1 ? 's' : ''} (ms)`,
    workload: 'compute', threads: n, unit: 'ms', per: (ns) => ns / 1e6 })),
  { id: 'sharedfd', what: '4 threads write through one fd opened by main (ms)', workload: 'sharedfd', unit: 'ms',
    per: (ns) => ns / 1e6, mayFail: emnapi },
];

const chosen = options.cases ? CASES.filter((c) => options.cases.split(',').includes(c.id)) : CASES;
const records = new Map(); // `${case}|${host}` -> { values: [], walls: [], checksum, failure }
for (let round = 0; round < warmup + samples; round++) {
  const recorded = round >= warmup;
  for (const c of chosen) {
    for (let k = 0; k < hosts.length; k++) {
      const host = hosts[(k + round) % hosts.length];
      const key = `${c.id}|${host.name}`;
      const record = records.get(key) ?? { values: [], walls: [], checksum: null, failure: null };
      records.set(key, record);
      if (record.failure) continue;
      gc();
      const run = await runOnce(host, c);
      if (run.failure) {
        record.failure = run.failure;
        log(`${c.id} under ${host.name}: ${run.failure}`);
        continue;
      }
      if (record.checksum !== null && record.checksum !== run.checksum) record.failure = `checksum changed: ${run.checksum}`;
      record.checksum = run.checksum;
      if (recorded) {
        record.values.push(c.per(run.elapsedNs, run.over));
        record.walls.push(run.wallMs);
      }
    }
  }
  log(`round ${round + 1}/${warmup + samples} done${recorded ? '' : ' (warm-up)'}`);
}

const problems = [];
for (const c of chosen) {
  const sums = new Set();
  for (const host of hosts) {
    const r = records.get(`${c.id}|${host.name}`);
    if (r.failure && c.mayFail !== host) problems.push(`${c.id} under ${host.name}: ${r.failure}`);
    if (!r.failure) sums.add(r.checksum);
  }
  if (sums.size > 1) problems.push(`${c.id}: the checksums differ between hosts (${[...sums].join(', ')})`);
}

const result = {
  date: new Date().toISOString(),
  engine: { name: 'node', version: process.version },
  machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), loadavg: loadavg() },
  divisor, samples, warmup,
  hosts: hosts.map((h) => ({ name: h.name, label: h.name === 'emnapi' ? `${h.label} (${emnapi.version(npmDir)})` : h.label })),
  cases: chosen.map((c) => ({
    id: c.id, what: c.what, unit: c.unit,
    hosts: Object.fromEntries(hosts.map((h) => {
      const r = records.get(`${c.id}|${h.name}`);
      return [h.name, { values: r.values, walls: r.walls, checksum: r.checksum, failure: r.failure }];
    })),
  })),
  problems,
  ok: problems.length === 0,
};
const table = markdown(result);
if (options.out) {
  mkdirSync(options.out, { recursive: true });
  writeFileSync(join(options.out, 'threads-results.json'), JSON.stringify(result, null, 1));
  writeFileSync(join(options.out, 'threads-results.md'), table);
}
console.log(table);
for (const p of problems) console.error(`FAILED: ${p}`);
process.exitCode = result.ok ? 0 : 1;

async function runOnce(host, c) {
  const args = ['threads', String(divisor), c.workload, String(c.threads ?? 1)];
  const errText = [];
  const decoder = new TextDecoder();
  let delivered = 0;
  const stdout = (chunk) => { delivered += chunk.length; };
  const stderr = (chunk) => errText.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
  const start = performance.now();
  let exitCode;
  try {
    exitCode = c.single
      ? await host.runSingle({ module: single, args, stdout, stderr })
      : await host.runThreaded({ bytes: threadedBytes, module: threaded, memoryLimits, args, stdout, stderr });
  } catch (error) {
    return { failure: `threw ${error && error.message ? error.message : error}` };
  }
  const wallMs = performance.now() - start;
  const text = errText.join('');
  const elapsed = /^elapsed_ns (\d+) over (\d+)$/m.exec(text);
  const checksum = /^\S+ checksum (\S+)$/m.exec(text);
  if (exitCode !== 0 || !elapsed || !checksum) {
    return { failure: `exit code ${exitCode}: ${text.trim().split('\n').slice(0, 2).join(' / ') || 'no output'}` };
  }
  if (c.workload === 'write' && host === ours && delivered !== Number(elapsed[2]) * 4096) {
    return { failure: `stdout delivered ${delivered} bytes` };
  }
  return { elapsedNs: Number(elapsed[1]), over: Number(elapsed[2]), wallMs, checksum: checksum[1] };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function fmt(x) {
  if (!Number.isFinite(x)) return '-';
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

function cell(r) {
  if (r.failure) return `cannot run: ${r.failure.replace(/\|/g, '/')}`;
  return `${fmt(median(r.values))} (${fmt(Math.min(...r.values))})`;
}

function markdown(res) {
  const byId = Object.fromEntries(res.cases.map((c) => [c.id, c]));
  const names = res.hosts.map((h) => h.name);
  const lines = [];
  lines.push(`Threads benchmark of ${res.date}, Node.js ${res.engine.version}, divisor ${res.divisor}, ${res.warmup} warm-up + ${res.samples} recorded rounds, ${res.machine.cpus} cores (${res.machine.model}), load average ${res.machine.loadavg.map((l) => l.toFixed(2)).join(' ')} at the end.`);
  lines.push('');
  lines.push(`Hosts: ${res.hosts.map((h) => `\`${h.name}\` = ${h.label}`).join('; ')}.`);
  lines.push('Median (minimum) of the recorded samples, as timed by the guest (CLOCK_MONOTONIC around the part measured).');
  lines.push('');
  lines.push(`| case | ${names.join(' | ')} |`);
  lines.push(`|---|${names.map(() => '---:').join('|')}|`);
  for (const c of res.cases) lines.push(`| ${c.what} | ${names.map((n) => cell(c.hosts[n])).join(' | ')} |`);
  lines.push('');
  lines.push('Ratios of the medians above:');
  lines.push('');
  lines.push(`| ratio | ${names.join(' | ')} |`);
  lines.push(`|---|${names.map(() => '---:').join('|')}|`);
  const ratio = (a, b, n, invert) => {
    const ra = byId[a]?.hosts[n], rb = byId[b]?.hosts[n];
    if (!ra || !rb || ra.failure || rb.failure) return '-';
    const m = invert ? median(rb.values) / median(ra.values) : median(ra.values) / median(rb.values);
    return `${m.toFixed(2)}x`;
  };
  lines.push(`| clock_time_get: created thread / single-threaded | ${names.map((n) => ratio('clock-thread', 'clock-single', n)).join(' | ')} |`);
  lines.push(`| 4 KiB fd_write: created thread / single-threaded | ${names.map((n) => ratio('write-thread', 'write-single', n)).join(' | ')} |`);
  lines.push(`| speed-up, 2 threads over 1 (goal >= 1.8x) | ${names.map((n) => ratio('compute-2', 'compute-1', n, true)).join(' | ')} |`);
  lines.push(`| speed-up, 4 threads over 1 | ${names.map((n) => ratio('compute-4', 'compute-1', n, true)).join(' | ')} |`);
  lines.push('');
  lines.push('Wall time of a whole run (start-up, Worker pool, instantiation and exit included), median ms:');
  lines.push('');
  lines.push(`| case | ${names.join(' | ')} |`);
  lines.push(`|---|${names.map(() => '---:').join('|')}|`);
  for (const c of res.cases) lines.push(`| ${c.id} | ${names.map((n) => (c.hosts[n].failure ? '-' : fmt(median(c.hosts[n].walls)))).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

function log(text) {
  console.error(`[threads] ${text}`);
}

function fail(text) {
  console.error(`node-threads.mjs: ${text}`);
  process.exit(2);
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z]+)$/.exec(argv[i]);
    if (!m || i + 1 >= argv.length) fail(`bad argument ${argv[i]}`);
    out[m[1]] = argv[++i];
  }
  return out;
}
