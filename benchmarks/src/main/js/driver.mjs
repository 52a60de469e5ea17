// The benchmark driver: engine-agnostic (Node and the browser page both call runBenchmark) and host-agnostic (a
// host is an adapter with create({ args, stdout, stderr, preopen }) -> { imports, start(instance) -> exitCode }).
//
// Each round runs every workload once under every host, the host order rotating from round to round, so the
// hosts share whatever the engine is doing at the time (JIT tiers, GC pressure, thermal state). The first
// `warmup` rounds are not recorded. A sample is the wall time of: creating the host, instantiating the
// (precompiled) module and running _start — `runs` times for the startup workload.
//
// Every run must exit 0 with nothing on stderr, and its checksum line must be identical under every host.
//
// Every host runs with two stdout/stderr callbacks (SINKS), as two entries of the host list that share the
// rotation: "keep" holds on to each chunk it is handed (no copy: what the hosts' contract allows), "copy" copies
// each chunk into a buffer of its own grown by doubling, as a page that collects a program's output does. Each
// entry's ratio is to the limit host with the same callback.

import { concat } from './wasi-polyfill/shared/bytes.mjs';

/** The workloads of issue 5. `args` follow the program name and the size divisor. */
export const WORKLOADS = [
  { id: 'stdout', program: 'stdout', title: 'stdout: 64 MiB in 4 KiB writes', checksumStdout: true },
  {
    id: 'file', program: 'file', title: 'file I/O: 64 MiB written and read in 64 KiB, 10,000 random 4 KiB preads',
    fileBytes: (divisor) => (64 << 20) / divisor, measureMemory: true,
  },
  { id: 'clock', program: 'calls', args: ['clock'], title: 'per call: 1M clock_gettime (clock_time_get)' },
  { id: 'tell', program: 'calls', args: ['tell'], title: 'per call: 1M lseek(fd, 0, SEEK_CUR) (fd_tell)' },
  { id: 'seek', program: 'calls', args: ['seek'], title: 'per call: 1M lseek(fd, 100, SEEK_SET) (fd_seek)' },
  { id: 'read', program: 'calls', args: ['read'], title: 'per call: 1M read(fd, buf, 0) on a file (fd_read)' },
  { id: 'meta', program: 'meta', title: 'metadata: 100 dirs x 100 files created, stat\'ed, listed, half renamed, removed' },
  {
    id: 'startup', program: 'hello', title: 'startup: instantiate and run hello 200 times', noArgs: true,
    runs: (divisor) => Math.max(1, Math.round(200 / divisor)), checksumStdout: true,
  },
  { id: 'random', program: 'random', title: 'random: 16 MiB of getentropy (256 B per call)' },
];

export const PREOPEN = '/sandbox';

/** The stdout/stderr callbacks every host is measured with; an entry's name is the host's plus SUFFIX[sink]. */
export const SINKS = ['keep', 'copy'];
const SUFFIX = { keep: '', copy: '+copy' };

/**
 * Runs the benchmark.
 *
 * options:
 *   hosts      adapters, the limit host first (the ratios' denominator): [{ name, label, create }]
 *   modules    Map program name -> WebAssembly.Module (compiled once; compile time is not measured)
 *   divisor    size divisor: 1 = issue 5's sizes, 64 = smoke
 *   samples    recorded rounds (issue 5: at least 5)
 *   warmup     unrecorded rounds first
 *   workloads  ids to run (default: all)
 *   sinks      SINKS to run each host with (default: all)
 *   env        { now(), gc(), log(text),
 *                memoryBegin(), memoryEnd() -> { peakBytes, how } | null   (optional: an outside peak measure),
 *                sampleMemory() -> bytes, sampleMemoryHow (optional: sampled every 16 imports in memory runs) }
 *              with neither memory measure, the memory run is skipped.
 */
export async function runBenchmark(options) {
  const { modules, divisor, samples, warmup, env } = options;
  const workloads = WORKLOADS.filter((w) => !options.workloads || options.workloads.includes(w.id));
  const sinks = SINKS.filter((s) => !options.sinks || options.sinks.includes(s));
  const hosts = sinks.flatMap((sink) => options.hosts.map((h) => ({
    name: h.name + SUFFIX[sink], host: h.name, sink, label: h.label, version: h.version, create: h.create,
    limit: options.hosts[0].name + SUFFIX[sink],
  })));
  const instantiate = await instantiator(modules.get('hello'), env);
  const results = workloads.map((w) => ({
    id: w.id,
    title: w.title,
    hosts: Object.fromEntries(hosts.map((h) => [h.name, { samplesMs: [], checksum: null, error: null }])),
  }));

  const rounds = warmup + samples;
  for (let round = 0; round < rounds; round++) {
    const recorded = round >= warmup;
    for (let wi = 0; wi < workloads.length; wi++) {
      const workload = workloads[wi];
      const result = results[wi];
      for (let k = 0; k < hosts.length; k++) {
        const host = hosts[(round + k) % hosts.length];
        const slot = result.hosts[host.name];
        if (slot.error !== null) {
          continue; // a host that failed a workload is not retried
        }
        env.gc();
        const run = await runOnce(host, workload, modules.get(workload.program), divisor, instantiate, env);
        if (run.error !== null) {
          slot.error = run.error;
          env.log(`${workload.id} / ${host.name}: FAILED: ${run.error}`);
          continue;
        }
        if (slot.checksum === null) {
          slot.checksum = run.checksum;
        } else if (slot.checksum !== run.checksum) {
          slot.error = `checksum changed between runs: ${slot.checksum} then ${run.checksum}`;
          continue;
        }
        if (recorded) {
          slot.samplesMs.push(run.ms);
        }
        env.log(`${recorded ? 'sample' : 'warmup'} ${round + 1 - (recorded ? warmup : 0)}: `
          + `${workload.id} / ${host.name}: ${run.ms.toFixed(2)} ms`);
      }
    }
  }

  // Peak memory: one extra, untimed run per host (with the first sink), after the timed ones.
  for (let wi = 0; wi < workloads.length; wi++) {
    const workload = workloads[wi];
    if (!workload.measureMemory || !(env.memoryEnd || env.sampleMemory)) {
      continue;
    }
    const fileBytes = workload.fileBytes(divisor);
    results[wi].fileBytes = fileBytes;
    for (const host of hosts) {
      const slot = results[wi].hosts[host.name];
      if (slot.error !== null || host.sink !== sinks[0]) {
        continue; // the file workload writes one line to stdout: one callback is enough
      }
      env.gc();
      env.gc();
      await env.memoryBegin?.();
      const sampler = env.sampleMemory ? memorySampler(env.sampleMemory) : null;
      const run = await runOnce(host, workload, modules.get(workload.program), divisor, instantiate, env, sampler);
      const external = env.memoryEnd ? await env.memoryEnd() : null;
      if (run.error !== null) {
        slot.error = `memory run: ${run.error}`;
        continue;
      }
      // The engine's own peak measure when it has one (Chromium: the renderer's peak RSS), else the sampled one.
      const sampled = sampler ? sampler.peak() : null;
      const peakBytes = external ? external.peakBytes : sampled;
      slot.memory = {
        peakBytes,
        how: external ? external.how : env.sampleMemoryHow,
        ratioToFileSize: peakBytes === null ? null : peakBytes / fileBytes,
        sampledPeakBytes: sampled,
        sampledHow: sampler ? env.sampleMemoryHow : null,
      };
      env.log(`memory: ${workload.id} / ${host.name}: peak +${mib(slot.memory.peakBytes)} MiB`
        + ` (${slot.memory.how}) for a ${mib(fileBytes)} MiB file`);
    }
  }

  return summarize(results, hosts, sinks);
}

function summarize(results, hosts, sinks) {
  const errors = [];
  for (const result of results) {
    for (const host of hosts) {
      const slot = result.hosts[host.name];
      if (slot.error !== null) {
        errors.push(`${result.id} / ${host.name}: ${slot.error}`);
        continue;
      }
      slot.medianMs = median(slot.samplesMs);
      slot.minMs = Math.min(...slot.samplesMs);
    }
    for (const host of hosts) {
      const slot = result.hosts[host.name];
      const base = result.hosts[host.limit];
      if (slot.error === null && base.error === null) {
        slot.ratioMedian = slot.medianMs / base.medianMs;
        slot.ratioMin = slot.minMs / base.minMs;
      }
    }
    const checksums = new Set(hosts.map((h) => result.hosts[h.name].checksum).filter((c) => c !== null));
    result.checksum = checksums.size === 1 ? [...checksums][0] : null;
    result.checksumsAgree = checksums.size === 1 && hosts.every((h) => result.hosts[h.name].error === null);
    if (checksums.size > 1) {
      errors.push(`${result.id}: checksums differ: `
        + hosts.map((h) => `${h.name}=${JSON.stringify(result.hosts[h.name].checksum)}`).join(', '));
    }
  }
  return {
    hosts: hosts.map((h) => ({
      name: h.name, host: h.host, sink: h.sink, limit: h.limit, label: h.label, version: h.version ? h.version() : null,
    })),
    sinks,
    workloads: results,
    ok: errors.length === 0,
    errors,
  };
}

/** One timed run (or `runs` runs, for startup) of a workload under a host. */
async function runOnce(host, workload, module, divisor, instantiate, env, sampler = null) {
  const stdout = host.sink === 'copy' ? new CopyingCollector() : new Collector();
  const stderr = host.sink === 'copy' ? new CopyingCollector() : new Collector();
  const args = workload.noArgs ? [workload.program] : [workload.program, String(divisor), ...(workload.args ?? [])];
  const runs = workload.runs ? workload.runs(divisor) : 1;
  let ms;
  try {
    const t0 = env.now();
    for (let r = 0; r < runs; r++) {
      const h = host.create({ args, stdout: stdout.sink, stderr: stderr.sink, preopen: PREOPEN });
      const imports = sampler ? sampler.wrap(h.imports) : h.imports;
      const instance = instantiate.sync ? instantiate.sync(module, imports) : await instantiate.async(module, imports);
      let code = h.start(instance);
      if (code instanceof Promise) {
        code = await code; // ours-async: start() runs the guest through WebAssembly.promising
      }
      if (code !== 0) {
        return { error: `exit code ${code}; stderr: ${stderr.text().slice(0, 500)}` };
      }
    }
    ms = env.now() - t0;
  } catch (e) {
    return { error: `${e && e.name}: ${e && e.message}; stderr: ${stderr.text().slice(0, 500)}` };
  }
  if (stderr.bytes > 0) {
    return { error: `wrote to stderr: ${stderr.text().slice(0, 500)}` };
  }
  const last = stdout.lastLine();
  if (!last.startsWith(workload.program)) {
    return { error: `unexpected last stdout line: ${JSON.stringify(last.slice(0, 200))}` };
  }
  let checksum = last;
  if (workload.checksumStdout) {
    // What the host delivered, byte for byte: count and FNV-1a over every stdout byte of every run.
    checksum = `${last} | received=${stdout.bytes} fnv1a32=${stdout.fnv1a32()}`;
    if (workload.id === 'stdout') {
      const written = /bytes=(\d+)/.exec(last);
      if (!written || Number(written[1]) + last.length + 2 !== stdout.bytes) { // + the newlines around the line
        return { error: `received ${stdout.bytes} stdout bytes, the guest reports: ${last}` };
      }
    }
  }
  return { error: null, ms, checksum };
}

/**
 * Picks how to instantiate: synchronously (new WebAssembly.Instance) when the engine allows it for these modules,
 * which keeps a task hop out of the startup workload; otherwise WebAssembly.instantiate.
 */
async function instantiator(probeModule, env) {
  const stub = new Proxy({}, {
    get: () => new Proxy({}, { get: () => () => 0 }),
  });
  try {
    new WebAssembly.Instance(probeModule, stub);
    return { sync: (module, imports) => new WebAssembly.Instance(module, imports) };
  } catch (e) {
    env.log(`synchronous instantiation unavailable (${e && e.message}); using WebAssembly.instantiate`);
    return { async: (module, imports) => WebAssembly.instantiate(module, imports) };
  }
}

/** Wraps every import so that every 16th call samples memory; for the untimed memory runs only. */
function memorySampler(sample) {
  const base = sample();
  let peak = 0;
  let calls = 0;
  const take = () => {
    const now = sample() - base;
    if (now > peak) {
      peak = now;
    }
  };
  return {
    wrap(imports) {
      const wrapped = {};
      for (const [moduleName, fns] of Object.entries(imports)) {
        wrapped[moduleName] = {};
        for (const [fnName, fn] of Object.entries(fns)) {
          wrapped[moduleName][fnName] = typeof fn !== 'function' ? fn : (...a) => {
            if ((++calls & 15) === 0) {
              take();
            }
            return fn(...a);
          };
        }
      }
      return wrapped;
    },
    peak() {
      take();
      return peak;
    },
  };
}

/** Receives a stream's chunks (each an owned copy, per every host's contract) without copying them again. */
class Collector {
  constructor() {
    this.chunks = [];
    this.bytes = 0;
    this.sink = (chunk) => {
      this.chunks.push(chunk);
      this.bytes += chunk.length;
    };
  }

  text() {
    return new TextDecoder().decode(concat(this.chunks));
  }

  /** The last line (without its newline), read from the tail chunks only. */
  lastLine() {
    const tail = [];
    let n = 0;
    for (let i = this.chunks.length - 1; i >= 0 && n < 1024; i--) {
      tail.unshift(this.chunks[i]);
      n += this.chunks[i].length;
    }
    let text = new TextDecoder().decode(concat(tail));
    if (text.endsWith('\n')) {
      text = text.slice(0, -1);
    }
    return text.slice(text.lastIndexOf('\n') + 1);
  }

  fnv1a32() {
    return fnv1a32(this.chunks);
  }
}

/** What a page collecting a program's output does: each chunk copied into one buffer, grown by doubling. */
class CopyingCollector {
  constructor() {
    this.out = new Uint8Array(1024);
    this.bytes = 0;
    this.sink = (chunk) => {
      const end = this.bytes + chunk.length;
      if (end > this.out.length) {
        const bigger = new Uint8Array(Math.max(this.out.length * 2, end));
        bigger.set(this.out.subarray(0, this.bytes));
        this.out = bigger;
      }
      this.out.set(chunk, this.bytes);
      this.bytes = end;
    };
  }

  text() {
    return new TextDecoder().decode(this.out.subarray(0, this.bytes));
  }

  lastLine() {
    let text = new TextDecoder().decode(this.out.subarray(Math.max(0, this.bytes - 1024), this.bytes));
    if (text.endsWith('\n')) {
      text = text.slice(0, -1);
    }
    return text.slice(text.lastIndexOf('\n') + 1);
  }

  fnv1a32() {
    return fnv1a32([this.out.subarray(0, this.bytes)]);
  }
}

function fnv1a32(chunks) {
  let h = 0x811c9dc5;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      h = Math.imul(h ^ chunk[i], 0x01000193);
    }
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function mib(bytes) {
  return bytes === null || bytes === undefined ? '?' : (bytes / (1 << 20)).toFixed(1);
}
