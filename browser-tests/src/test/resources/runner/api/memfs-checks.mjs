// MemFS <-> guest checks, part of api-checks.mjs (so they run in Node and in both browsers).
// The MemFS given to a WASI is the very tree the guest sees: what the host does through MemFS is visible to
// the guest at once and the other way round, and two WASI instances may share one MemFS.
//
// The guest is conformance's fs_tool.wasm: its arguments are commands (cat, write, append, save (stdin to a
// file), ls, mkdir, rmdir, rm, mv, link, symlink, stat, lstat, readlink) and it prints one line per command,
// "<command> <path>: <result>", the result being "ok", the data, or an errno name. `cat` escapes every byte
// outside printable ASCII as \xNN and a newline as \n, `ls` sorts and marks directories "/" and symlinks "@".
// Transcripts below are String.raw, so "\x00" in them is the four characters the guest prints.

const decoder = new TextDecoder();
const text = (bytes) => decoder.decode(bytes);
const lines = (...l) => l.map((line) => line + '\n').join('');

/** Returns the checks' helpers bound to one failure list. */
function checker(failures) {
  const fail = (what, message) => failures.push(`${what}: ${message}`);
  return {
    /** Strict equality; arrays and typed arrays compare element by element. */
    check(what, actual, expected) {
      const comparable = (v) => (ArrayBuffer.isView(v) ? `${v.constructor.name}[${Array.from(v)}]` : JSON.stringify(v));
      const same = Array.isArray(expected) || ArrayBuffer.isView(expected)
        ? comparable(actual) === comparable(expected)
        : actual === expected;
      if (!same) fail(what, `expected ${comparable(expected)}, got ${comparable(actual)}`);
    },
    /** fn must throw an Error whose code is the errno name, like node:fs. */
    throwsCode(what, fn, code) {
      try {
        fn();
        fail(what, `did not throw (expected ${code})`);
      } catch (e) {
        if (!(e instanceof Error) || e.code !== code) fail(what, `expected an Error with code ${code}, got ${e && e.name} ${e && e.code}: ${e && e.message}`);
      }
    },
    /** fn must throw (or reject with) an Error whose message contains every part. */
    async throwsMessage(what, fn, ...parts) {
      try {
        await fn();
        fail(what, 'did not throw');
      } catch (e) {
        const missing = parts.filter((p) => !String(e && e.message).includes(p));
        if (!(e instanceof Error) || missing.length > 0) fail(what, `message ${JSON.stringify(String(e && e.message))} lacks ${JSON.stringify(missing)}`);
      }
    },
  };
}

/** Runs fs_tool with WASI.run; returns { exitCode, out } with out the stdout text. */
async function runTool(M, tool, options, ...commands) {
  const r = await M.WASI.run(tool, { ...options, args: ['fs_tool', ...commands] });
  return { exitCode: r.exitCode, out: text(r.stdout), err: text(r.stderr) };
}

/** A WASI for fs_tool plus the instance, made with new WASI + WebAssembly.instantiate, not yet started. */
async function prepareTool(M, tool, options, ...commands) {
  const out = [];
  const wasi = new M.WASI({ ...options, args: ['fs_tool', ...commands], stdout: (c) => out.push(text(c)), stderr: (c) => out.push(text(c)) });
  const { instance } = await WebAssembly.instantiate(tool, wasi.getImportObject());
  return { start: () => ({ exitCode: wasi.start(instance), out: out.join('') }) };
}

/** Runs every MemFS <-> guest check with fs_tool's bytes; returns the failures. */
export async function runMemfsChecks(M, tool) {
  const failures = [];
  const { check, throwsCode, throwsMessage } = checker(failures);
  const { MemFS } = M;

  // Host writes, the guest reads:  /data/ {empty, greeting.txt, link -> sub/bytes.bin, dirlink -> sub, sub/ {bytes.bin, deep/}}
  const fs = new MemFS();
  fs.mkdir('/data/sub/deep', { recursive: true });
  fs.writeFile('/data/greeting.txt', 'grüße ✓\n');
  fs.appendFile('/data/greeting.txt', 'more');
  fs.writeFile('/data/sub/bytes.bin', new Uint8Array([0, 1, 127, 128, 255]));
  fs.appendFile('/data/sub/bytes.bin', new Uint8Array([10]));
  fs.writeFile('/data/empty', '');
  fs.symlink('sub/bytes.bin', '/data/link');
  fs.symlink('sub', '/data/dirlink');
  const sandbox = { fs, preopens: { '/sandbox': '/data' } };
  let r = await runTool(M, tool, sandbox,
    'ls', '/sandbox', 'ls', '/sandbox/sub', 'ls', '/sandbox/dirlink', 'cat', '/sandbox/greeting.txt',
    'cat', '/sandbox/sub/bytes.bin', 'cat', '/sandbox/link', 'cat', '/sandbox/empty', 'readlink', '/sandbox/link',
    'lstat', '/sandbox/link', 'stat', '/sandbox/link', 'stat', '/sandbox/greeting.txt', 'stat', '/sandbox/sub/deep',
    'cat', '/sandbox/absent');
  check('guest reads the host tree: exit code', r.exitCode, 0);
  check('guest reads the host tree: stdout', r.out, lines(String.raw`ls /sandbox: dirlink@ empty greeting.txt link@ sub/`,
    String.raw`ls /sandbox/sub: bytes.bin deep/`,
    String.raw`ls /sandbox/dirlink: bytes.bin deep/`,
    String.raw`cat /sandbox/greeting.txt: gr\xc3\xbc\xc3\x9fe \xe2\x9c\x93\nmore`,
    String.raw`cat /sandbox/sub/bytes.bin: \x00\x01\x7f\x80\xff\n`,
    String.raw`cat /sandbox/link: \x00\x01\x7f\x80\xff\n`,
    String.raw`cat /sandbox/empty: `,
    String.raw`readlink /sandbox/link: sub/bytes.bin`,
    String.raw`lstat /sandbox/link: symlink size 13 nlink 1`,
    String.raw`stat /sandbox/link: file size 6 nlink 1`,
    String.raw`stat /sandbox/greeting.txt: file size 16 nlink 1`,
    String.raw`stat /sandbox/sub/deep: directory`,
    String.raw`cat /sandbox/absent: ENOENT`));

  // The guest changes the tree (new WASI + instantiate + start on the same MemFS), the host sees exactly that.
  const run2 = await prepareTool(M, tool, sandbox,
    'mkdir', '/sandbox/made', 'write', '/sandbox/made/w.txt', 'written', 'append', '/sandbox/made/w.txt', ' + appended',
    'write', '/sandbox/made/gone.txt', 'x', 'rm', '/sandbox/made/gone.txt', 'mv', '/sandbox/greeting.txt', '/sandbox/made/moved.txt',
    'symlink', '../sub', '/sandbox/made/up', 'link', '/sandbox/made/w.txt', '/sandbox/hard', 'rmdir', '/sandbox/sub/deep',
    'mkdir', '/sandbox/emptydir', 'rm', '/sandbox/dirlink', 'rmdir', '/sandbox/made');
  check('the guest has not run yet', fs.exists('/data/made'), false);
  r = run2.start();
  check('guest changes the tree: exit code', r.exitCode, 0);
  check('guest changes the tree: stdout', r.out, lines('mkdir /sandbox/made: ok', 'write /sandbox/made/w.txt: ok',
    'append /sandbox/made/w.txt: ok', 'write /sandbox/made/gone.txt: ok', 'rm /sandbox/made/gone.txt: ok',
    'mv /sandbox/greeting.txt /sandbox/made/moved.txt: ok', 'symlink ../sub /sandbox/made/up: ok',
    'link /sandbox/made/w.txt /sandbox/hard: ok', 'rmdir /sandbox/sub/deep: ok', 'mkdir /sandbox/emptydir: ok',
    'rm /sandbox/dirlink: ok', 'rmdir /sandbox/made: ENOTEMPTY'));
  check('host readdir of the preopen', fs.readdir('/data').sort(), ['empty', 'emptydir', 'hard', 'link', 'made', 'sub']);
  check('host readdir of the new directory', fs.readdir('/data/made').sort(), ['moved.txt', 'up', 'w.txt']);
  check('host readdir of the emptied directory', fs.readdir('/data/sub'), ['bytes.bin']);
  check('host readdir of a new empty directory', fs.readdir('/data/emptydir'), []);
  check('host readFile utf8 of a written + appended file', fs.readFile('/data/made/w.txt', 'utf8'), 'written + appended');
  check('host readFile {encoding} of the hard link', fs.readFile('/data/hard', { encoding: 'utf8' }), 'written + appended');
  check('host readFile bytes of the moved file', fs.readFile('/data/made/moved.txt'), new TextEncoder().encode('grüße ✓\nmore'));
  check('host readFile through the guest-made symlink', fs.readFile('/data/made/up/bytes.bin'), new Uint8Array([0, 1, 127, 128, 255, 10]));
  const written = fs.stat('/data/made/w.txt');
  check('stat of the written file: type', written.type, 'file');
  check('stat of the written file: isFile()', written.isFile(), true);
  check('stat of the written file: size', written.size, 18);
  check('stat of the written file: nlink (hard link)', written.nlink, 2);
  check('the hard link is the same inode', fs.stat('/data/hard').ino, written.ino);
  const up = fs.lstat('/data/made/up');
  check('lstat of the guest symlink: type', up.type, 'symlink');
  check('lstat of the guest symlink: isSymbolicLink()', up.isSymbolicLink(), true);
  check('lstat of the guest symlink: size is the target length', up.size, 6);
  check('stat follows the guest symlink', fs.stat('/data/made/up').type, 'directory');
  check('stat of a guest directory: isDirectory()', fs.stat('/data/made').isDirectory(), true);
  check('readlink of the guest symlink', fs.readlink('/data/made/up'), '../sub');
  check('exists: the moved file left its old name', fs.exists('/data/greeting.txt'), false);
  check('exists: the removed file', fs.exists('/data/made/gone.txt'), false);
  check('exists: the removed directory', fs.exists('/data/sub/deep'), false);
  check('exists: the removed symlink', fs.exists('/data/dirlink'), false);
  check('exists: the new file', fs.exists('/data/made/moved.txt'), true);
  throwsCode('readFile of the moved-away name', () => fs.readFile('/data/greeting.txt'), 'ENOENT');
  throwsCode('stat of the removed directory', () => fs.stat('/data/sub/deep'), 'ENOENT');
  throwsCode('rmdir of the guest directory with entries', () => fs.rmdir('/data/made'), 'ENOTEMPTY');
  throwsCode('mkdir of the guest directory', () => fs.mkdir('/data/made'), 'EEXIST');
  throwsCode('readlink of a guest file', () => fs.readlink('/data/made/w.txt'), 'EINVAL');
  throwsCode('readdir of a guest file', () => fs.readdir('/data/made/w.txt'), 'ENOTDIR');
  throwsCode('unlink of a guest directory', () => fs.unlink('/data/made'), 'EISDIR');
  throwsCode('readFile of a guest directory', () => fs.readFile('/data/made'), 'EISDIR');
  throwsCode('symlink onto a guest file', () => fs.symlink('x', '/data/made/w.txt'), 'EEXIST');
  throwsCode('rename of a guest directory into itself', () => fs.rename('/data/made', '/data/made/inside'), 'EINVAL');

  // Within one run, at once: when the guest reads stdin, the host callback sees what it wrote a moment ago
  // and changes a file that the guest then reads.
  let seenDuringRun = null;
  let pulls = 0;
  r = await runTool(M, tool, {
    ...sandbox,
    stdin: () => {
      if (pulls++ > 0) return null;
      seenDuringRun = fs.readFile('/data/during.txt', 'utf8');
      fs.writeFile('/data/made/w.txt', 'host rewrote it during the run');
      return 'from the stdin callback';
    },
  }, 'write', '/sandbox/during.txt', 'guest wrote this', 'save', '/sandbox/saved.txt', 'cat', '/sandbox/made/w.txt', 'cat', '/sandbox/hard');
  check('during a run: stdout', r.out, lines('write /sandbox/during.txt: ok', 'save /sandbox/saved.txt: ok',
    'cat /sandbox/made/w.txt: host rewrote it during the run', 'cat /sandbox/hard: host rewrote it during the run'));
  check('during a run: the host saw the guest write', seenDuringRun, 'guest wrote this');
  check('during a run: stdin from the callback', fs.readFile('/data/saved.txt', 'utf8'), 'from the stdin callback');

  // Host changes between two runs on the same MemFS.
  fs.rename('/data/made/moved.txt', '/data/back.txt');
  fs.unlink('/data/hard');
  fs.rmdir('/data/emptydir');
  fs.mkdir('/data/hostdir');
  fs.symlink('../back.txt', '/data/hostdir/to-back');
  fs.appendFile('/data/made/w.txt', ', then after it');
  r = await runTool(M, tool, sandbox, 'ls', '/sandbox', 'cat', '/sandbox/back.txt', 'cat', '/sandbox/made/moved.txt',
    'stat', '/sandbox/made/w.txt', 'cat', '/sandbox/made/w.txt', 'readlink', '/sandbox/hostdir/to-back', 'cat', '/sandbox/hostdir/to-back',
    'stat', '/sandbox/emptydir');
  check('host changes between runs: stdout', r.out, lines(String.raw`ls /sandbox: back.txt during.txt empty hostdir/ link@ made/ saved.txt sub/`,
    String.raw`cat /sandbox/back.txt: gr\xc3\xbc\xc3\x9fe \xe2\x9c\x93\nmore`,
    String.raw`cat /sandbox/made/moved.txt: ENOENT`,
    String.raw`stat /sandbox/made/w.txt: file size 45 nlink 1`,
    String.raw`cat /sandbox/made/w.txt: host rewrote it during the run, then after it`,
    String.raw`readlink /sandbox/hostdir/to-back: ../back.txt`,
    String.raw`cat /sandbox/hostdir/to-back: gr\xc3\xbc\xc3\x9fe \xe2\x9c\x93\nmore`,
    String.raw`stat /sandbox/emptydir: ENOENT`));

  // Two WASI instances, both instantiated before either runs, on ONE MemFS through different guest paths.
  const shared = new MemFS();
  shared.mkdir('/shared');
  const [a, b] = await Promise.all([
    prepareTool(M, tool, { fs: shared, preopens: { '/a': '/shared' } },
      'write', '/a/note.txt', 'from A', 'mkdir', '/a/dir', 'save', '/a/stdin-a.txt', 'ls', '/a', 'ls', '/b'),
    prepareTool(M, tool, { fs: shared, preopens: { '/b': '/shared' }, stdin: 'typed into B ✓' },
      'cat', '/b/note.txt', 'ls', '/b', 'save', '/b/dir/stdin-b.txt', 'append', '/b/note.txt', ' + B', 'ls', '/b/dir', 'ls', '/a'),
  ]);
  const ranA = a.start();
  const ranB = b.start();
  check('instance A: exit code', ranA.exitCode, 0);
  check('instance A: stdout', ranA.out, lines('write /a/note.txt: ok', 'mkdir /a/dir: ok', 'save /a/stdin-a.txt: ok',
    'ls /a: dir/ note.txt stdin-a.txt', 'ls /b: ENOTCAPABLE'));
  check('instance B: exit code', ranB.exitCode, 0);
  check('instance B reads what A wrote', ranB.out, lines('cat /b/note.txt: from A', 'ls /b: dir/ note.txt stdin-a.txt',
    'save /b/dir/stdin-b.txt: ok', 'append /b/note.txt: ok', 'ls /b/dir: stdin-b.txt', 'ls /a: ENOTCAPABLE'));
  check('stdin string reached B only', shared.readFile('/shared/dir/stdin-b.txt', 'utf8'), 'typed into B ✓');
  check('A without stdin read end of file', shared.stat('/shared/stdin-a.txt').size, 0);
  check('host sees both instances in one file', shared.readFile('/shared/note.txt', 'utf8'), 'from A + B');
  // A third run with two preopens into the shared tree, one nested in the other.
  r = await runTool(M, tool, { fs: shared, preopens: { '/a': '/shared', '/inner': '/shared/dir' } },
    'cat', '/a/dir/stdin-b.txt', 'write', '/inner/deeper.txt', 'via inner', 'cat', '/a/dir/deeper.txt', 'ls', '/inner');
  check('nested preopens on one MemFS', r.out, lines(String.raw`cat /a/dir/stdin-b.txt: typed into B \xe2\x9c\x93`,
    'write /inner/deeper.txt: ok', 'cat /a/dir/deeper.txt: via inner', 'ls /inner: deeper.txt stdin-b.txt'));
  check('the first MemFS is untouched by the shared one', fs.exists('/shared'), false);

  // A preopen must name an existing MemFS directory (when the MemFS is given).
  await throwsMessage('preopen of a missing MemFS path', () => new M.WASI({ fs: shared, preopens: { '/x': '/no/such' } }),
    "preopens['/x']", "'/no/such'", 'ENOENT');
  await throwsMessage('preopen of a MemFS file', () => new M.WASI({ fs: shared, preopens: { '/x': '/shared/note.txt' } }),
    "'/shared/note.txt'", 'ENOTDIR');
  await throwsMessage('WASI.run with a preopen of a missing MemFS path', () => M.WASI.run(tool, { fs: shared, preopens: { '/x': '/no/such' } }),
    "'/no/such'", 'ENOENT');
  check('a failed preopen creates nothing', shared.exists('/no'), false);
  // Without an fs, the preopens are created in a fresh MemFS.
  const own = await prepareTool(M, tool, { preopens: { '/p': '/made/by/new' } }, 'write', '/p/f', 'x', 'ls', '/p');
  check('new WASI without fs creates its preopen', own.start().out, lines('write /p/f: ok', 'ls /p: f'));
  const ran = await M.WASI.run(tool, { preopens: { '/p': '/made/by/run' }, args: ['fs_tool', 'write', '/p/f', 'x'] })
    .catch((e) => ({ error: e.message }));
  check('WASI.run without fs creates its preopen', ran.error ?? ran.fs.readFile('/made/by/run/f', 'utf8'), 'x');

  r = await runTool(M, tool, sandbox, 'cat', '/sandbox/empty', 'bogus');
  check('an unknown command: exit code', r.exitCode, 2);
  check('an unknown command: stderr', r.err, "fs_tool: unknown command or missing arguments at 'bogus'\n");
  return failures;
}
