// Checks of WASI.run, install()/uninstall() and MemFS, shared by Node (api-node.mjs) and the browsers (run.html).
// hello.wasm: prints its args and $GREETING to stdout, one line to stderr, exits with code 3.
// fs_tool.wasm: runs the file commands given as arguments (see memfs-checks.mjs).
import { runMemfsChecks } from './memfs-checks.mjs';

const text = (bytes) => new TextDecoder().decode(bytes);
const HELLO_OPTIONS = { args: ['hello', 'first', 'second arg'], env: { GREETING: 'hello from the host' } };
const HELLO_STDOUT = 'hello\nfirst\nsecond arg\nhello from the host\n';
const HELLO_STDERR = 'hello: this line goes to stderr\n';

function check(failures, what, actual, expected) {
  if (actual !== expected) failures.push(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

async function rejects(failures, what, promiseFn, name, messagePart) {
  try {
    await promiseFn();
    failures.push(`${what}: did not fail`);
  } catch (e) {
    check(failures, `${what} (error name)`, e.name, name);
    if (!String(e.message).includes(messagePart)) failures.push(`${what}: message ${JSON.stringify(e.message)} lacks ${JSON.stringify(messagePart)}`);
  }
}

/** wasi.initialize() with reactors/counter.wasm: a constructor prints, the export bump(n) adds and prints. */
async function runReactorChecks(M, hello, reactor) {
  const { WASI } = M;
  const failures = [];
  const throws = (what, body, name, messagePart) => {
    try {
      body();
      failures.push(`${what}: did not throw`);
    } catch (e) {
      check(failures, `${what} (error name)`, e.name, name);
      if (!String(e.message).includes(messagePart)) failures.push(`${what}: message ${JSON.stringify(e.message)} lacks ${JSON.stringify(messagePart)}`);
    }
  };
  const out = [];
  const wasi = new WASI({ env: { START: '40' }, stdout: (c) => out.push(text(c)) });
  const { instance } = await WebAssembly.instantiate(reactor, wasi.getImportObject());
  check(failures, 'initialize() returns', wasi.initialize(instance), undefined);
  check(failures, 'initialize() ran the constructors', out.join(''), 'reactor ready at 40\n');
  check(failures, 'an export called after initialize()', instance.exports.bump(2), 42);
  check(failures, 'what that export printed', out.join(''), 'reactor ready at 40\ncount 42\n');
  throws('initialize() twice', () => wasi.initialize(instance), 'Error', 'already run a guest');
  throws('start() after initialize()', () => wasi.start(instance), 'Error', 'already run a guest');
  const command = (await WebAssembly.instantiate(hello, new WASI({}).getImportObject())).instance;
  throws('initialize(a command)', () => new WASI({}).initialize(command), 'TypeError', "exports '_start'");
  const other = (await WebAssembly.instantiate(reactor, new WASI({}).getImportObject())).instance;
  throws('start(a reactor)', () => new WASI({}).start(other), 'TypeError', "no '_start'");
  throws('initialize(no _initialize)', () => new WASI({}).initialize({ exports: { memory: other.exports.memory } }),
    'TypeError', "no '_initialize'");
  throws('initialize(no memory)', () => new WASI({}).initialize({ exports: { _initialize() {} } }), 'TypeError', "'memory'");
  throws('initialize(42)', () => new WASI({}).initialize(42), 'TypeError', 'expected a WebAssembly.Instance');
  return failures;
}

/** version: 'unstable', and the namespaces WASI.run supplies. */
async function runUnstableChecks(M) {
  const { WASI } = M;
  const failures = [];
  const p1 = new WASI({});
  check(failures, 'getImportObject() names wasi_snapshot_preview1', Object.keys(p1.getImportObject()).join(), 'wasi_snapshot_preview1');
  check(failures, 'preview1 wasiImport has 46 functions', Object.keys(p1.wasiImport).length, 46);
  const u = new WASI({ version: 'unstable' });
  const ns = u.getImportObject().wasi_unstable;
  check(failures, "version 'unstable': getImportObject() names wasi_unstable", Object.keys(u.getImportObject()).join(), 'wasi_unstable');
  check(failures, "version 'unstable': wasiImport is that namespace", u.wasiImport, ns);
  check(failures, 'wasi_unstable has 45 functions', Object.keys(ns).length, 45);
  check(failures, 'wasi_unstable has no sock_accept', 'sock_accept' in ns, false);
  check(failures, 'wasi_unstable shares fd_write with preview1', ns.fd_write, u.wasiImport.fd_write);
  check(failures, 'the preview1 namespace keeps its own fd_seek', p1.wasiImport.fd_seek === ns.fd_seek, false);
  try {
    new WASI({ version: 'snapshot0' });
    failures.push("version 'snapshot0' did not throw");
  } catch (e) {
    if (!String(e.message).includes("'preview1', 'unstable'")) failures.push(`version 'snapshot0': message ${JSON.stringify(e.message)}`);
  }
  // (module (import "wasi_unstable" "proc_exit" (func (param i32))) (import "wasi_snapshot_preview1" "proc_exit"
  //   (func (param i32))) (memory (export "memory") 1) (func (export "_start") (call 0 (i32.const 9))))
  const both = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 8, 2, 96, 1, 127, 0, 96, 0, 0, 2, 62, 2, 13, 119, 97,
    115, 105, 95, 117, 110, 115, 116, 97, 98, 108, 101, 9, 112, 114, 111, 99, 95, 101, 120, 105, 116, 0, 0, 22, 119,
    97, 115, 105, 95, 115, 110, 97, 112, 115, 104, 111, 116, 95, 112, 114, 101, 118, 105, 101, 119, 49, 9, 112, 114,
    111, 99, 95, 101, 120, 105, 116, 0, 0, 3, 2, 1, 1, 5, 3, 1, 0, 1, 7, 19, 2, 6, 109, 101, 109, 111, 114, 121, 2, 0,
    6, 95, 115, 116, 97, 114, 116, 0, 2, 10, 8, 1, 6, 0, 65, 9, 16, 0, 11]);
  check(failures, 'run(a module importing both namespaces).exitCode', (await WASI.run(both)).exitCode, 9);
  // (module (import "wasi_unstable" "fd_filestat_get" (func $f (param i32 i32) (result i32))) (memory (export "memory") 1)
  //   (func (export "_initialize")) (func (export "stat") (param i32) (result i32) (call $f (i32.const 1) (local.get 0))))
  const stat = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 15, 3, 96, 2, 127, 127, 1, 127, 96, 0, 0, 96, 1, 127, 1,
    127, 2, 33, 1, 13, 119, 97, 115, 105, 95, 117, 110, 115, 116, 97, 98, 108, 101, 15, 102, 100, 95, 102, 105, 108,
    101, 115, 116, 97, 116, 95, 103, 101, 116, 0, 0, 3, 3, 2, 1, 2, 5, 3, 1, 0, 1, 7, 31, 3, 6, 109, 101, 109, 111,
    114, 121, 2, 0, 11, 95, 105, 110, 105, 116, 105, 97, 108, 105, 122, 101, 0, 1, 4, 115, 116, 97, 116, 0, 2, 10, 13,
    2, 2, 0, 11, 8, 0, 65, 1, 32, 0, 16, 0, 11]);
  const statter = new WASI({ version: 'unstable' });
  const statInstance = (await WebAssembly.instantiate(stat, statter.getImportObject())).instance;
  statter.initialize(statInstance);
  check(failures, 'wasi_unstable fd_filestat_get into the last 56 bytes of memory', statInstance.exports.stat(65536 - 56), 0);
  try {
    statInstance.exports.stat(65536 - 55);
    failures.push('wasi_unstable fd_filestat_get past the end of memory did not trap');
  } catch (e) {
    check(failures, 'a wasi_unstable converter traps with a RuntimeError', e instanceof WebAssembly.RuntimeError, true);
    if (!/^wasi_unstable\.fd_filestat_get: out of bounds/.test(e.message)) failures.push(`the trap names ${JSON.stringify(e.message)}`);
  }
  return failures;
}

/** The calls bad_args.wasm makes with a pointer outside memory when run as `bad_args trap NAME`. */
const TRAPPING_CALLS = ['fd_write', 'fd_read', 'fd_pwrite', 'path_open', 'path_filestat_get', 'clock_time_get', 'random_get',
  'args_get', 'fd_readdir', 'fd_prestat_dir_name', 'fd_filestat_get', 'poll_oneoff'];

/**
 * A wild pointer is a WebAssembly trap whose message starts with the call's name, never an "internal error"
 * (a JS exception from inside the polyfill, such as a BigInt mixed with a number or an array read past its end).
 */
async function runTrapChecks(M, badArgs) {
  const failures = [];
  const module = await WebAssembly.compile(badArgs);
  for (const name of TRAPPING_CALLS) {
    const fs = new M.MemFS();
    fs.mkdir('/sandbox');
    const out = [];
    const wasi = new M.WASI({ args: ['bad_args', 'trap', name], fs, preopens: { '/sandbox': '/sandbox' },
      stdout: (c) => out.push(text(c)), stderr: (c) => out.push(text(c)) });
    const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
    try {
      const code = wasi.start(instance);
      failures.push(`trap in ${name}: exited with ${code} instead: ${out.join('')}`);
    } catch (e) {
      const prefix = `wasi_snapshot_preview1.${name}: `;
      if (!(e instanceof WebAssembly.RuntimeError) || !String(e.message).startsWith(prefix) || String(e.message).includes('internal error')) {
        failures.push(`trap in ${name}: expected a RuntimeError starting ${JSON.stringify(prefix)}, got ${e && e.name}: ${e && e.message}`);
      }
    }
  }
  return failures;
}

/**
 * Isolation: two WASI instances on separate MemFS never see each other's files; on one shared MemFS an instance
 * reaches only its own preopen, by "..", symlinks, renames, hard links or absolute paths alike, and the rest of
 * the tree stays byte for byte as it was.
 */
async function runIsolationChecks(M, tool) {
  const failures = [];
  const run = async (options, ...commands) => text((await M.WASI.run(tool, { ...options, args: ['fs_tool', ...commands] })).stdout);
  const lines = (...l) => l.map((line) => line + '\n').join('');
  const [fsA, fsB] = [new M.MemFS(), new M.MemFS()];
  fsA.mkdir('/data');
  fsB.mkdir('/data');
  check(failures, 'separate MemFS: A writes', await run({ fs: fsA, preopens: { '/sandbox': '/data' } }, 'write', '/sandbox/mine.txt', 'A'),
    lines('write /sandbox/mine.txt: ok'));
  check(failures, 'separate MemFS: B does not see it', await run({ fs: fsB, preopens: { '/sandbox': '/data' } },
    'cat', '/sandbox/mine.txt', 'ls', '/sandbox'), lines('cat /sandbox/mine.txt: ENOENT', 'ls /sandbox: (empty)'));
  check(failures, 'separate MemFS: nothing reached B', fsB.readdir('/data').length, 0);

  const shared = new M.MemFS();
  shared.mkdir('/x/a', { recursive: true });
  shared.mkdir('/x/b');
  shared.writeFile('/x/a/secret-a.txt', 'a');
  shared.writeFile('/x/b/secret-b.txt', 'b');
  shared.writeFile('/x/top.txt', 'top');
  // Everything but A's preopen: names, stats (BigInt fields as text) and bytes.
  const outsideA = () => JSON.stringify([shared.readdir('/x'), shared.readdir('/x/b'), shared.stat('/x'), shared.stat('/x/b'),
    shared.stat('/x/b/secret-b.txt'), shared.stat('/x/top.txt'), shared.readFile('/x/b/secret-b.txt', 'utf8'),
    shared.readFile('/x/top.txt', 'utf8')], (key, value) => (typeof value === 'bigint' ? String(value) : value));
  const before = outsideA();
  const a = { fs: shared, preopens: { '/sandbox': '/x/a' } };
  check(failures, 'shared MemFS: A reaches only its preopen', await run(a,
    'cat', '/sandbox/../b/secret-b.txt', 'ls', '/sandbox/..', 'write', '/sandbox/../top.txt', 'x',
    'symlink', '../b/secret-b.txt', '/sandbox/esc', 'cat', '/sandbox/esc', 'write', '/sandbox/esc', 'x',
    'mv', '/sandbox/secret-a.txt', '/sandbox/../b/stolen', 'link', '/sandbox/secret-a.txt', '/sandbox/../b/hard',
    'cat', '/x/b/secret-b.txt', 'ls', '/sandbox'),
  lines('cat /sandbox/../b/secret-b.txt: ENOTCAPABLE', 'ls /sandbox/..: ENOTCAPABLE', 'write /sandbox/../top.txt: ENOTCAPABLE',
    'symlink ../b/secret-b.txt /sandbox/esc: ok', 'cat /sandbox/esc: ENOTCAPABLE', 'write /sandbox/esc: ENOTCAPABLE',
    'mv /sandbox/secret-a.txt /sandbox/../b/stolen: ENOTCAPABLE', 'link /sandbox/secret-a.txt /sandbox/../b/hard: ENOTCAPABLE',
    'cat /x/b/secret-b.txt: ENOTCAPABLE', 'ls /sandbox: esc@ secret-a.txt'));
  const after = outsideA();
  check(failures, 'shared MemFS: outside A\'s preopen nothing changed', after, before);
  check(failures, 'shared MemFS: B still sees only its own', await run({ fs: shared, preopens: { '/sandbox': '/x/b' } },
    'ls', '/sandbox', 'cat', '/sandbox/../a/secret-a.txt'), lines('ls /sandbox: secret-b.txt', 'cat /sandbox/../a/secret-a.txt: ENOTCAPABLE'));
  return failures;
}

/** The trace option, on hello.wasm: each call reported with its witx parameter names, decoded, and its errno. */
async function runTraceChecks(M, hello, fsTool) {
  const { WASI } = M;
  const failures = [];
  const calls = [];
  const wasi = new WASI({ ...HELLO_OPTIONS, stdout: () => {}, stderr: () => {}, trace: (call) => calls.push(call) });
  const { instance } = await WebAssembly.instantiate(hello, wasi.getImportObject());
  check(failures, 'traced run: exit code', wasi.start(instance), 3);
  const texts = calls.map((c) => c.text);
  const line = (pattern) => texts.find((t) => pattern.test(t));
  if (!line(/^args_sizes_get\(argc=0x[0-9a-f]+, argv_buf_size=0x[0-9a-f]+\) -> SUCCESS \(argc=3, argv_buf_size=23\)$/)) {
    failures.push(`trace: no args_sizes_get line with argc=3, argv_buf_size=23 in ${JSON.stringify(texts)}`);
  }
  const writes = texts.filter((t) => /^fd_write\(fd=1, iovs=0x[0-9a-f]+, iovs_len=\d+, nwritten=0x[0-9a-f]+\) -> SUCCESS \(nwritten=\d+\)$/.test(t));
  if (writes.length === 0) failures.push(`trace: no fd_write(fd=1, ...) -> SUCCESS line in ${JSON.stringify(texts)}`);
  if (!line(/^fd_write\(fd=2, /)) failures.push(`trace: no fd_write(fd=2, ...) line in ${JSON.stringify(texts)}`);
  check(failures, 'trace: the last call', texts[texts.length - 1], 'proc_exit(rval=3) -> exit(3)');
  const write = calls.find((c) => c.name === 'fd_write');
  check(failures, 'trace: a call\'s module', write && write.module, 'wasi_snapshot_preview1');
  check(failures, 'trace: a call\'s errno', write && write.errno, 0);
  check(failures, 'trace: a call\'s result', write && write.result, 'SUCCESS');
  check(failures, 'trace: a call\'s args', write && Object.keys(write.args).join(','), 'fd,iovs,iovs_len,nwritten');
  check(failures, 'trace: what stdout was written', calls.filter((c) => c.name === 'fd_write' && c.args.fd === '1')
    .reduce((n, c) => n + c.results.nwritten, 0), HELLO_STDOUT.length);

  // A path is read from memory; a failing call is named by its errno.
  const fs = new M.MemFS();
  fs.mkdir('/sandbox', { recursive: true });
  const toolCalls = [];
  const tool = new WASI({ args: ['fs_tool', 'cat', '/sandbox/missing.txt'], fs, preopens: { '/sandbox': '/sandbox' },
    stdout: () => {}, stderr: () => {}, trace: (call) => toolCalls.push(call) });
  tool.start((await WebAssembly.instantiate(fsTool, tool.getImportObject())).instance);
  const open = toolCalls.find((c) => c.name === 'path_open');
  check(failures, 'trace: path_open reads its path', open && open.args.path, '"missing.txt"');
  check(failures, 'trace: path_open without the path length', open && 'path_len' in open.args, false);
  check(failures, 'trace: path_open fails', open && open.result, 'ENOENT');
  if (!open || !/^path_open\(fd=3, dirflags=0x[0-9a-f]+, path="missing.txt", oflags=0x0, .* -> ENOENT$/.test(open.text)) {
    failures.push(`trace: path_open line ${JSON.stringify(open && open.text)}`);
  }
  check(failures, 'trace: no results after a failure', open && open.results, undefined);

  try {
    new WASI({ trace: 'yes' });
    failures.push('trace: "yes" did not throw');
  } catch (e) {
    check(failures, 'trace: "yes"', e.name, 'TypeError');
  }
  const plain = new WASI({}).wasiImport;
  const untraced = new WASI({ trace: false }).wasiImport;
  check(failures, 'trace: false gives the plain namespace', Object.keys(untraced).join(), Object.keys(plain).join());
  check(failures, 'trace: a traced namespace has every import', Object.keys(wasi.wasiImport).join(), Object.keys(plain).join());
  return failures;
}

/**
 * Runs every check; `bytes` is hello.wasm, `sources` maps a label to a function returning a source for WASI.run,
 * `fsTool` is fs_tool.wasm, `reactor` reactors/counter.wasm, `badArgs` bad_args.wasm. Returns the failures.
 */
export async function runChecks(M, bytes, sources, fsTool, reactor, badArgs) {
  const { WASI, MemFS, install, uninstall, start } = M;
  const failures = [];
  for (const [label, source] of Object.entries(sources)) {
    const r = await WASI.run(await source(), HELLO_OPTIONS);
    check(failures, `run(${label}).exitCode`, r.exitCode, 3);
    check(failures, `run(${label}).stdout`, text(r.stdout), HELLO_STDOUT);
    check(failures, `run(${label}).stderr`, text(r.stderr), HELLO_STDERR);
    check(failures, `run(${label}).fs is a MemFS`, r.fs instanceof MemFS, true);
  }
  const chunks = [];
  const fs = new MemFS();
  const own = await WASI.run(bytes, { ...HELLO_OPTIONS, fs, stdout: (c) => chunks.push(text(c)) });
  check(failures, 'run with a stdout callback: stdout', own.stdout, null);
  check(failures, 'run with a stdout callback: callback got', chunks.join(''), HELLO_STDOUT);
  check(failures, 'run with a stdout callback: stderr', text(own.stderr), HELLO_STDERR);
  check(failures, 'run returns the given fs', own.fs, fs);
  await rejects(failures, 'run(42)', () => WASI.run(42), 'TypeError', 'expected a URL');
  await rejects(failures, 'run(bytes, "x")', () => WASI.run(bytes, 'x'), 'TypeError', 'options must be an object');
  await rejects(failures, 'run(bytes, {bogus})', () => WASI.run(bytes, { bogus: 1 }), 'TypeError', "unknown option 'bogus'");
  await rejects(failures, 'run(not wasm)', () => WASI.run(new Uint8Array([1, 2, 3])), 'CompileError', '');
  await rejects(failures, 'run(returnOnExit: false)', () => WASI.run(bytes, { returnOnExit: false }), 'WASIExitError', 'code 3');
  failures.push(...await runUnstableChecks(M));

  // install(): plain WebAssembly calls get a WASI.
  const originals = [WebAssembly.instantiate, WebAssembly.instantiateStreaming];
  const out = [];
  install({ ...HELLO_OPTIONS, stdout: (c) => out.push(text(c)), stderr: () => {} });
  const { instance } = await WebAssembly.instantiate(bytes);
  try {
    instance.exports._start();
    failures.push('direct _start: proc_exit(3) did not throw');
  } catch (e) {
    check(failures, 'direct _start: error name', e.name, 'WASIExitError');
    check(failures, 'direct _start: error code', e.code, 3);
  }
  check(failures, 'direct _start: stdout', out.join(''), HELLO_STDOUT);
  const viaModule = await WebAssembly.instantiate(await WebAssembly.compile(bytes), {});
  check(failures, 'start(instance from a Module)', start(viaModule), 3);
  const mine = new WASI({ stdout: () => {}, stderr: () => {} });
  const kept = (await WebAssembly.instantiate(bytes, mine.getImportObject())).instance;
  check(failures, 'an import object that has the namespace is left alone', mine.start(kept), 3);
  const noWasi = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
  check(failures, 'a module without WASI imports instantiates', (await WebAssembly.instantiate(noWasi)).instance instanceof WebAssembly.Instance, true);
  // (module (import "wasi_unstable" "proc_exit" (func (param i32))) (memory (export "memory") 1)
  //   (func (export "_start") (call 0 (i32.const 5))))
  const unstable = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 8, 2, 96, 1, 127, 0, 96, 0, 0, 2, 27, 1, 13, 119, 97, 115,
    105, 95, 117, 110, 115, 116, 97, 98, 108, 101, 9, 112, 114, 111, 99, 95, 101, 120, 105, 116, 0, 0, 3, 2, 1, 1, 5, 3, 1, 0,
    1, 7, 19, 2, 6, 109, 101, 109, 111, 114, 121, 2, 0, 6, 95, 115, 116, 97, 114, 116, 0, 1, 10, 8, 1, 6, 0, 65, 5, 16, 0, 11]);
  check(failures, 'install + wasi_unstable: start()', start((await WebAssembly.instantiate(unstable)).instance), 5);
  check(failures, 'uninstall() returns true', uninstall(), true);
  check(failures, 'uninstall restores instantiate', WebAssembly.instantiate, originals[0]);
  check(failures, 'uninstall restores instantiateStreaming', WebAssembly.instantiateStreaming, originals[1]);
  check(failures, 'uninstall() again returns false', uninstall(), false);
  await rejects(failures, 'instantiate after uninstall', () => WebAssembly.instantiate(bytes), 'TypeError', '');
  try { install('x'); failures.push('install("x") did not throw'); } catch (e) { check(failures, 'install("x")', e.name, 'TypeError'); }
  try { install({ bogus: 1 }); failures.push('install({bogus}) did not throw'); } catch (e) { check(failures, 'install({bogus})', e.name, 'TypeError'); }
  check(failures, 'a failed install leaves WebAssembly alone', WebAssembly.instantiate, originals[0]);
  failures.push(...await runMemfsChecks(M, fsTool));
  failures.push(...await runReactorChecks(M, bytes, reactor));
  failures.push(...await runTrapChecks(M, badArgs));
  failures.push(...await runIsolationChecks(M, fsTool));
  failures.push(...await runTraceChecks(M, bytes, fsTool));
  return failures;
}
