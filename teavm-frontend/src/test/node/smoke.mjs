// Smoke test of the built bundle in Node:
//   wat2wasm smoke-guest.wat -o /tmp/smoke-guest.wasm
//   node --expose-gc smoke.mjs <path to wasi-polyfill.mjs> /tmp/smoke-guest.wasm
// (NodeSmokeTest does both.) Prints one line per check and ends with "N passed, M failed";
// exits non-zero on a failure.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [bundle, guestPath, echoPath] = process.argv.slice(2);
if (!bundle || !guestPath) {
  console.error('usage: node smoke.mjs <wasi-polyfill.mjs> <smoke-guest.wasm>');
  process.exit(2);
}
const { WASI, MemFS, install } = await import(pathToFileURL(bundle).href);
const guest = readFileSync(guestPath);
const decoder = new TextDecoder();

let passed = 0;
let failed = 0;
async function check(name, body) {
  try {
    await body();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e && e.stack || e}`);
  }
}
function expect(actual, expected, what) {
  if (actual !== expected) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}
function expectThrows(body, type, pattern, what) {
  try {
    body();
  } catch (e) {
    if (!(e instanceof type) || !pattern.test(e.message)) {
      throw new Error(`${what}: threw ${e && e.name}: ${e && e.message}`);
    }
    return e;
  }
  throw new Error(`${what}: did not throw`);
}

async function run(args, options = {}) {
  const chunks = [];
  const wasi = new WASI({ version: 'preview1', args, stdout: (c) => chunks.push(c), ...options });
  const { instance } = await WebAssembly.instantiate(guest, wasi.getImportObject());
  const code = wasi.start(instance);
  return { code, stdout: chunks.map((c) => decoder.decode(c)).join(''), chunks, wasi, instance };
}

await check('a stdin callback is pulled chunk by chunk until it returns null, then never again', async () => {
  const pulls = [];
  const chunks = ['hello ', new TextEncoder().encode('world!'), null];
  const out = [];
  const wasi = new WASI({ version: 'preview1', args: ['echo'], stdout: (c) => out.push(c),
    stdin: () => { pulls.push(pulls.length); return chunks[pulls.length - 1]; } });
  const { instance } = await WebAssembly.instantiate(readFileSync(echoPath), wasi.getImportObject());
  expect(wasi.start(instance), 0, 'exit code');
  expect(out.map((c) => decoder.decode(c)).join(''), 'hello world!', 'stdout');
  expect(pulls.length, 3, 'callback calls');
  expectThrows(() => new WASI({ stdin: 42 }), TypeError, /stdin/, 'a number as stdin');
});

await check('stdout chunks are the callback\'s to keep: later writes and later runs never touch them', async () => {
  const echo = readFileSync(echoPath);
  const runEcho = async (stdin) => {
    const chunks = [];
    const wasi = new WASI({ args: ['echo'], stdin, stdout: (c) => chunks.push(c) });
    const { instance } = await WebAssembly.instantiate(echo, wasi.getImportObject());
    expect(wasi.start(instance), 0, 'exit code');
    return chunks;
  };
  const first = await runEcho('first run');
  // 5-byte writes, enough of them to fill several slabs.
  const longText = Array.from({ length: 800 }, (_, i) => String(i % 10)).join('') + 'end';
  const second = await runEcho(longText);
  expect(second.map((c) => decoder.decode(c)).join(''), longText, 'second run stdout');
  for (const chunk of second) {
    chunk.fill(0);
  }
  expect(first.map((c) => decoder.decode(c)).join(''), 'first run', 'first run stdout, after the second run and its chunks were zeroed');
  const third = await runEcho('third');
  expect(third.map((c) => decoder.decode(c)).join(''), 'third', 'third run stdout, after the zeroing');
});

await check('what a host callback throws reaches the caller of start() unchanged; a wrong stdin chunk is a TypeError', async () => {
  const echo = readFileSync(echoPath);
  async function startEcho(options) {
    const wasi = new WASI({ version: 'preview1', args: ['echo'], ...options });
    const { instance } = await WebAssembly.instantiate(echo, wasi.getImportObject());
    return () => wasi.start(instance);
  }
  const mine = { mine: true };
  for (const [what, options] of [
    ['stdout', { stdin: 'x', stdout: () => { throw mine; } }],
    ['stdin', { stdin: () => { throw mine; }, stdout: () => {} }],
  ]) {
    const start = await startEcho(options);
    try {
      start();
      throw new Error(`a throwing ${what} callback: start() returned`);
    } catch (e) {
      expect(e, mine, `what the ${what} callback threw`);
    }
  }
  const start = await startEcho({ stdin: () => 42, stdout: () => {} });
  expectThrows(start, TypeError, /stdin callback must return a Uint8Array, a string or null, got the number 42$/,
    'a stdin callback returning a number');
});

await check('nothing keeps a finished guest alive, not even the error of its failed call', async () => {
  if (typeof globalThis.gc !== 'function') throw new Error('run node with --expose-gc');
  const collected = new Set();
  const registry = new FinalizationRegistry((what) => collected.add(what));
  await (async () => {
    const r = await run(['smoke', 'a', 'b', 'c', 'd']);
    expect(r.code, 108, 'exit code (100 + EBADF)');
    registry.register(r.instance.exports.memory, 'memory');
  })();
  for (let i = 0; i < 50 && !collected.has('memory'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    globalThis.gc();
  }
  expect(collected.has('memory'), true, 'the guest memory was collected');
});

await check('the first WASI of a process leaves it as it was: no output, no new globals, Error.stackTraceLimit kept', () => {
  // A fresh process, so this WASI is the first: it prepares the errno exceptions and queues the
  // LiveShapes session, both of which touch engine state.
  const script = `
    const before = Object.getOwnPropertyNames(globalThis).sort().join();
    let printed = 0;
    for (const k of ['log', 'error', 'warn', 'info', 'debug']) console[k] = () => { printed++; };
    const { WASI } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
    Error.stackTraceLimit = 7;
    new WASI({ args: ['first'], stdout: () => {} });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const after = Object.getOwnPropertyNames(globalThis).sort().join();
    process.stdout.write(JSON.stringify({ limit: Error.stackTraceLimit, printed, sameGlobals: before === after }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(out, JSON.stringify({ limit: 7, printed: 0, sameGlobals: true }), 'state after the first WASI');
});

await check('the module exports the WASI and MemFS classes', () => {
  expect(typeof WASI, 'function', 'typeof WASI');
  expect(typeof MemFS, 'function', 'typeof MemFS');
  expect(new WASI() instanceof WASI, true, 'new WASI() instanceof WASI');
});

await check('the import object holds all 46 preview1 functions', () => {
  const wasi = new WASI({});
  const fns = wasi.getImportObject().wasi_snapshot_preview1;
  expect(Object.keys(fns).length, 46, 'import count');
  expect(Object.values(fns).every((f) => typeof f === 'function'), true, 'all functions');
  expect(wasi.wasiImport, fns, 'wasiImport is the same namespace');
});

await check('stdout reaches the callback and proc_exit becomes the return value', async () => {
  const r = await run(['smoke']);
  expect(r.stdout, 'hello from wasm\n', 'stdout');
  expect(r.code, 41, 'exit code');
  expect(r.chunks[0] instanceof Uint8Array, true, 'chunk is a Uint8Array');
});

await check('a wild pointer traps with a RuntimeError naming the import', async () => {
  const chunks = [];
  const wasi = new WASI({ args: ['smoke', 'trap'], stdout: (c) => chunks.push(c) });
  const { instance } = await WebAssembly.instantiate(guest, wasi.getImportObject());
  expectThrows(() => wasi.start(instance), WebAssembly.RuntimeError,
    /^wasi_snapshot_preview1\.args_sizes_get: out of bounds/, 'start');
});

await check('memory.grow between calls is seen by the next call', async () => {
  const r = await run(['smoke', 'grow', 'x']);
  expect(r.stdout, 'hello from wasm\n', 'stdout');
  expect(r.code, 43, 'exit code');
});

await check('a shared memory grown between calls (its buffer is not detached) is seen by the next call', async () => {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 2, shared: true });
  const chunks = [];
  const wasi = new WASI({ version: 'preview1', args: ['shared'], stdout: (c) => chunks.push(c) });
  const { fd_write } = wasi.getImportObject().wasi_snapshot_preview1;
  const writeAt = (text, at) => {
    new Uint8Array(memory.buffer).set(new TextEncoder().encode(text), at);
    new Uint32Array(memory.buffer, 48, 2).set([at, text.length]);
    return fd_write(1, 48, 1, 8);
  };
  // A stand-in for an instance, as a page that wires its own module could hand over.
  const exports = {
    memory,
    _start() {
      expect(writeAt('one\n', 16), 0, 'fd_write in the first page');
      memory.grow(1);
      expect(writeAt('two\n', 65536 + 16), 0, 'fd_write from the page grown since');
    },
  };
  expect(wasi.start({ exports }), 0, 'exit code');
  expect(chunks.map((c) => decoder.decode(c)).join(''), 'one\ntwo\n', 'stdout');
});

await check('an i64 argument (clock_time_get precision) arrives intact; the monotonic time stored is performance.now()', async () => {
  const nanosNow = () => BigInt(Math.floor(performance.now() * 1e6));
  const before = nanosNow();
  const r = await run(['smoke', 'clock', 'x', 'y']);
  const after = nanosNow();
  expect(r.code, 44, 'exit code');
  // Both u32 halves of the u64 at 56 (the polyfill writes them apart, without a BigInt).
  const stored = new DataView(r.instance.exports.memory.buffer).getBigUint64(56, true);
  if (stored < before || stored > after) {
    throw new Error(`monotonic time ${stored} outside [${before}, ${after}]`);
  }
});

await check('returnOnExit: false reports proc_exit by throwing WASIExitError', async () => {
  const wasi = new WASI({ args: ['smoke'], stdout: () => {}, returnOnExit: false });
  const { instance } = await WebAssembly.instantiate(guest, wasi.getImportObject());
  const e = expectThrows(() => wasi.start(instance), Error, /exited with code 41/, 'start');
  expect(e.name, 'WASIExitError', 'name');
  expect(e.code, 41, 'code');
});

await check('start() twice is refused', async () => {
  const r = await run(['smoke']);
  expectThrows(() => r.wasi.start(r.instance), Error, /already run a guest/, 'second start');
});

await check('bad options are TypeErrors naming the option', () => {
  expectThrows(() => new WASI({ argz: [] }), TypeError, /unknown option 'argz'/, 'unknown option');
  expectThrows(() => new WASI({ args: [1] }), TypeError, /args\[0\] must be a string/, 'args');
  expectThrows(() => new WASI({ env: { A: 1 } }), TypeError, /env\['A'\] must be a string/, 'env');
  expectThrows(() => new WASI({ env: { 'A=B': 'c' } }), TypeError, /env name 'A=B' must be non-empty, without '='/, 'env name');
  expectThrows(() => new WASI({ env: { A: 'x\0y' } }), TypeError, /env\['A'\] must not contain a NUL/, 'env NUL');
  expectThrows(() => new WASI({ preopens: { '/s': 'relative' } }), TypeError, /must be an absolute MemFS path, got the string "relative"$/,
    'preopen path');
  expectThrows(() => new WASI({ preopens: { '/s\0': '/s' } }), TypeError, /preopens name .* must not contain a NUL/,
    'preopen name');
  expectThrows(() => new WASI({ preopens: { '/s': { path: '/s', readOnly: 'yes' } } }), TypeError,
    /a preopen's readOnly must be a boolean/, 'readOnly');
  expectThrows(() => new WASI({ preopens: { '/s': { path: 'rel', readOnly: true } } }), TypeError,
    /must be an absolute MemFS path, got the string "rel"$/, 'readOnly preopen path');
  expectThrows(() => new WASI({ maxOpenFiles: 0 }), TypeError, /option 'maxOpenFiles' must be a whole number of at least 1/,
    'maxOpenFiles');
  expectThrows(() => new WASI({ maxOpenFiles: 'many' }), TypeError, /option 'maxOpenFiles'/, 'maxOpenFiles type');
  expectThrows(() => new MemFS(7), TypeError, /MemFS: options must be \{ maxBytes, maxFileSize \}/, 'MemFS options');
  expectThrows(() => new MemFS({ maxBytes: -1 }), TypeError, /MemFS: option 'maxBytes'/, 'maxBytes');
  expectThrows(() => new MemFS({ maxFileSize: 1.5 }), TypeError, /MemFS: option 'maxFileSize'/, 'maxFileSize');
  expectThrows(() => new WASI({ fs: {} }), TypeError, /'fs' must be a MemFS/, 'fs');
  expectThrows(() => new WASI({ stdout: 'x' }), TypeError, /'stdout' must be a function/, 'stdout');
  expectThrows(() => new WASI({ version: 'snapshot0' }), Error, /unsupported version 'snapshot0' \(supported: 'preview1', 'unstable'\)/, 'version');
  expectThrows(() => new WASI({ fs: new MemFS(), preopens: { '/s': '/missing' } }), Error,
    /'\/missing', which is not a directory/, 'preopen');
});

await check('start() explains an instance it cannot run', () => {
  expectThrows(() => new WASI({}).start({ exports: {} }), TypeError, /no WebAssembly.Memory/, 'no memory');
  expectThrows(() => new WASI({}).start({ exports: { memory: new WebAssembly.Memory({ initial: 1 }) } }),
    TypeError, /no '_start'/, 'no _start');
});

await check('MemFS round-trips files and reports errors with Node-style codes', () => {
  const fs = new MemFS();
  fs.mkdir('/sandbox/a/b', { recursive: true });
  fs.writeFile('/sandbox/in.txt', 'héllo');
  fs.appendFile('/sandbox/in.txt', new Uint8Array([33]));
  expect(fs.readFile('/sandbox/in.txt', 'utf8'), 'héllo!', 'readFile utf8');
  expect(fs.readFile('/sandbox/in.txt').length, 7, 'readFile bytes');
  expect(fs.readdir('/sandbox').join(','), 'a,in.txt', 'readdir');
  expect(fs.stat('/sandbox/a').isDirectory(), true, 'stat');
  expect(fs.exists('/sandbox/nope'), false, 'exists');
  const e = expectThrows(() => fs.readFile('/sandbox/nope'), Error, /ENOENT/, 'readFile missing');
  expect(e.code, 'ENOENT', 'code');
  fs.mkdir('//sandbox//ünï ✓/😀/', { recursive: true });
  fs.mkdir('/sandbox/ünï ✓/😀', { recursive: true });
  expect(fs.readdir('/sandbox/ünï ✓').join(','), '😀', 'mkdir of non-ASCII names, slashes doubled');
  expect(fs.stat('/sandbox/ünï ✓/😀').isDirectory(), true, 'made once');
  expectThrows(() => fs.mkdir('sandbox/x'), TypeError, /must be absolute \(start with '\/'\), got the string "sandbox\/x"$/,
    'mkdir relative');
  expectThrows(() => fs.mkdir(1), TypeError, /path must be a string/, 'mkdir of a number');
  expect(expectThrows(() => fs.mkdir('/sandbox/a\0b'), Error, /EINVAL/, 'mkdir NUL').code, 'EINVAL', 'NUL code');
  expect(fs.exists('/sandbox/a'), true, 'NUL made nothing else');
  expect(expectThrows(() => fs.mkdir('/sandbox/in.txt/x', { recursive: true }), Error, /ENOTDIR/, 'mkdir under a file').code,
    'ENOTDIR', 'ENOTDIR code');
  expect(expectThrows(() => fs.mkdir('/sandbox/in.txt', { recursive: true }), Error, /EEXIST/, 'mkdir -p of a file').code,
    'EEXIST', 'EEXIST code');
  new WASI({ fs, preopens: { '/sandbox': '/sandbox', '/u': '/sandbox/ünï ✓/😀' } });
  new WASI({ fs, preopens: { '/ro': { path: '/sandbox', readOnly: true }, '/rw': { path: '/sandbox' } }, maxOpenFiles: 8 });
  const small = new MemFS({ maxBytes: 10, maxFileSize: 8 });
  small.writeFile('/a', '12345678');
  expect(expectThrows(() => small.writeFile('/b', '123'), Error, /ENOSPC/, 'MemFS budget').code, 'ENOSPC', 'ENOSPC code');
  expect(expectThrows(() => small.appendFile('/a', '9'), Error, /EFBIG/, 'MemFS file size').code, 'EFBIG', 'EFBIG code');
  small.writeFile('/a', '1');
  small.writeFile('/b', '123');
  expect(small.readFile('/b', 'utf8'), '123', 'the budget comes back when a file shrinks');
  expectThrows(() => new WASI({ fs, preopens: { '/f': '/sandbox/in.txt' } }), Error,
    /preopens\['\/f'\] names '\/sandbox\/in.txt', which is not a directory in the MemFS \(ENOTDIR\)/, 'preopen of a file');
});

await check('a bad value is worded the same by the Java side (new WASI) and the launcher (install, WASI.run)', async () => {
  const refusals = {
    'new WASI': async (value) => new WASI({ returnOnExit: value }),
    install: async (value) => install(value),
    'WASI.run': (value) => WASI.run(value),
  };
  for (const [value, expected, calls] of [
    [7, 'the number 7', ['new WASI', 'install', 'WASI.run']],
    ['x', 'the string "x"', ['new WASI', 'install']],
    [[], 'an array', ['new WASI', 'install', 'WASI.run']],
    [new Map(), 'a Map', ['new WASI', 'WASI.run']],
    [() => {}, 'a function', ['new WASI', 'install', 'WASI.run']],
    [10n, 'the bigint 10', ['new WASI', 'install', 'WASI.run']],
  ]) {
    for (const call of calls) {
      const error = await refusals[call](value).then(() => null, (e) => e);
      if (!(error instanceof TypeError) || !error.message.endsWith(`, got ${expected}`)) {
        throw new Error(`${call} of ${expected}: ${error && error.message}`);
      }
    }
  }
});

await check('MemFS keeps times to the nanosecond, permission bits, hard links and inode numbers', () => {
  const fs = new MemFS();
  fs.mkdir('/d');
  fs.writeFile('/d/f', 'abc');
  fs.symlink('f', '/d/l');
  expect(fs.stat('/d/f').mode, 0o100644, 'file mode');
  expect(fs.stat('/d').mode, 0o40755, 'directory mode');
  expect(fs.lstat('/d/l').mode, 0o120777, 'symlink mode');
  fs.chmod('/d/l', 0o4750);
  expect(fs.stat('/d/f').mode, 0o104750, 'chmod follows the symlink');
  fs.utimes('/d/f', -5n, 1700000000123456789n);
  expect(fs.stat('/d/f').atimeNs, -5n, 'atime ns');
  expect(fs.stat('/d/f').mtimeNs, 1700000000123456789n, 'mtime ns');
  fs.utimes('/d/l', new Date(1000), new Date(2500));
  expect(fs.stat('/d/f').mtimeNs, 2500000000n, 'a Date through the symlink');
  fs.lutimes('/d/l', 7n, 8n);
  expect(fs.lstat('/d/l').mtimeNs, 8n, 'lutimes on the symlink');
  expect(fs.stat('/d/f').mtimeNs, 2500000000n, 'lutimes left the target');
  fs.link('/d/f', '/g');
  expect(fs.stat('/g').ino, fs.stat('/d/f').ino, 'hard link ino');
  expect(fs.stat('/g').nlink, 2, 'nlink');
  expect(expectThrows(() => fs.link('/d', '/d2'), Error, /EPERM: MemFS.link/, 'link a directory').code, 'EPERM', 'code');
  expectThrows(() => fs.utimes('/d/f', 5, 6n), TypeError, /atime must be a BigInt \(nanoseconds\) or a Date, got the number 5/, 'number time');
  expectThrows(() => fs.utimes('/d/f', 5n, new Date(NaN)), TypeError, /mtime is out of range/, 'invalid Date');
  expectThrows(() => fs.utimes('/d/f', 1n << 63n, 5n), TypeError, /atime is out of range/, 'past i64');
  expectThrows(() => fs.chmod('/d/f', 0o10000), TypeError, /mode must be an integer from 0 to 0o7777/, 'mode too big');
  expectThrows(() => fs.chmod('/d/f', '644'), TypeError, /mode must be an integer from 0 to 0o7777/, 'mode string');
  expect(expectThrows(() => fs.utimes('/nope', 1n, 1n), Error, /ENOENT: MemFS.utimes '\/nope'/, 'utimes missing').code,
    'ENOENT', 'code');
});

await check('a lazy MemFS file asks its loader for the runs a read reaches; a failing loader is EIO', () => {
  const fs = new MemFS();
  const size = 3 * 1048576 + 5;
  const source = new Uint8Array(size).map((_, i) => i % 251);
  const asked = [];
  let failing = false;
  fs.createLazyFile('/lazy', size, (offset, length) => {
    asked.push(`${offset}+${length}`);
    if (failing) throw new Error('offline');
    return source.subarray(offset, offset + length);
  });
  expect(fs.stat('/lazy').size, size, 'size known up front');
  expect(asked.length, 0, 'nothing asked before a read');
  const all = fs.readFile('/lazy');
  expect(all.length, size, 'length');
  expect(all.every((b, i) => b === source[i]), true, 'content');
  expect(asked.join(','), `0+${size}`, 'one request for the whole read');
  fs.createLazyFile('/lazy2', size, (offset, length) => {
    asked.push(`${offset}+${length}`);
    throw new Error('offline');
  });
  expect(expectThrows(() => fs.readFile('/lazy2'), Error, /EIO: MemFS.readFile '\/lazy2'/, 'failing loader').code, 'EIO', 'code');
  expectThrows(() => fs.createLazyFile('/x', -1, () => null), TypeError, /bad size or loader/, 'bad size');
  expectThrows(() => fs.createLazyFile('/x', 1, null), TypeError, /bad size or loader/, 'no loader');
  expect(expectThrows(() => new MemFS({ maxBytes: 10 }).createLazyFile('/x', 11, () => null), Error, /ENOSPC/, 'budget').code,
    'ENOSPC', 'code');
});

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
