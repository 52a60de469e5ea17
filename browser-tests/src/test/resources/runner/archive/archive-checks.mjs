// Checks of wasi-polyfill/archive, run on a page (archive.html) in Chromium and Firefox: round trips of every inode
// kind and time through tar and zip, and corrupt or hostile archives, each refused with its own ArchiveError and
// the target left exactly as it was. Returns the failures, one line each.

const encoder = new TextEncoder();

// ---- trees ----

/**
 * Every kind of inode below root, with modes and times that stretch the formats:
 *   root/
 *   ├── a/                     0o700, atime before 1970
 *   │   ├── empty              0 bytes, 0o600
 *   │   ├── small.txt          "héllo ✓", 0o4751, times to the nanosecond
 *   │   └── deep/er/x.bin      200 000 bytes (several 64 KiB blocks)
 *   ├── empty-dir/
 *   ├── h1, a/h2, a/deep/h3    one file with three names
 *   ├── rel -> a/small.txt     symlink, its own times
 *   ├── dangling -> nowhere
 *   ├── up -> ../outside       a target that leads out stays as written
 *   ├── ü-名前 ✓.txt            a non-ASCII name
 *   ├── <120 x>/<130 y>        a path past ustar's 100 + 155 bytes
 *   └── late                   an mtime past ustar's octal range (9e9 s), atime at 0
 */
export function buildTree(fs, root) {
  fs.mkdir(`${root}/a/deep/er`, { recursive: true });
  fs.mkdir(`${root}/empty-dir`);
  fs.writeFile(`${root}/a/empty`, new Uint8Array(0));
  fs.writeFile(`${root}/a/small.txt`, 'héllo ✓');
  const big = new Uint8Array(200000);
  for (let i = 0; i < big.length; i++) big[i] = (i * 131 + (i >> 9)) & 0xff;
  fs.writeFile(`${root}/a/deep/er/x.bin`, big);
  fs.writeFile(`${root}/h1`, 'three names, one inode');
  fs.link(`${root}/h1`, `${root}/a/h2`);
  fs.link(`${root}/a/h2`, `${root}/a/deep/h3`);
  fs.symlink('a/small.txt', `${root}/rel`);
  fs.symlink('nowhere', `${root}/dangling`);
  fs.symlink('../outside', `${root}/up`);
  fs.writeFile(`${root}/ü-名前 ✓.txt`, 'unicode');
  const long = `${root}/${'x'.repeat(120)}`;
  fs.mkdir(long);
  fs.writeFile(`${long}/${'y'.repeat(130)}`, 'long path');
  fs.writeFile(`${root}/late`, 'late');
  fs.chmod(`${root}/a`, 0o700);
  fs.chmod(`${root}/a/empty`, 0o600);
  fs.chmod(`${root}/a/small.txt`, 0o4751);
  fs.chmod(`${root}/h1`, 0o640);
  fs.utimes(`${root}/a/small.txt`, 1234567890123456789n, 1700000000123456789n);
  fs.utimes(`${root}/h1`, 1600000000000000001n, 1600000000999999999n);
  fs.utimes(`${root}/late`, 0n, 9000000000123456789n);
  fs.lutimes(`${root}/rel`, 1500000000000000000n, 1500000001000000000n);
  fs.utimes(`${root}/a/deep/er`, 1000000000n, 2000000000n);
  fs.utimes(`${root}/a/deep`, 3000000000n, 4000000000n);
  fs.utimes(`${root}/a`, -5000000001n, 1000000000000000000n);
  fs.utimes(`${root}/empty-dir`, 42n, 43n);
}

/** path -> { type, mode, size, mtime, atime, nlink, ino, bytes | target } for everything below root. */
export function snapshot(fs, root) {
  const all = new Map();
  const walk = (dir, prefix) => {
    for (const name of fs.readdir(dir).sort()) {
      const path = `${dir === '/' ? '' : dir}/${name}`;
      const relative = prefix + name;
      const s = fs.lstat(path);
      const node = { type: s.type, mode: s.mode, size: s.size, mtime: s.mtimeNs, atime: s.atimeNs, nlink: s.nlink, ino: s.ino };
      if (s.type === 'file') node.bytes = fs.readFile(path);
      if (s.type === 'symlink') node.target = fs.readlink(path);
      all.set(relative, node);
      if (s.type === 'directory') walk(path, `${relative}/`);
    }
  };
  walk(root, '');
  return all;
}

/** The state of dir itself and below it, for "left exactly as it was": names, kinds, modes, bytes and times. */
function state(fs, dir) {
  if (!fs.exists(dir)) return 'missing';
  const s = fs.stat(dir);
  const lines = [`. ${s.mode} ${s.mtimeNs} ${s.atimeNs}`];
  for (const [path, n] of snapshot(fs, dir)) {
    lines.push(`${path} ${n.type} ${n.mode} ${n.size} ${n.mtime} ${n.atime} ${n.nlink} ${n.target ?? ''} ${n.bytes ? Array.from(n.bytes).join(',') : ''}`);
  }
  return lines.join('\n');
}

function sameBytes(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Hard-link groups: the sorted names of each inode with more than one, as a sorted list of strings. */
function linkGroups(tree) {
  const byIno = new Map();
  for (const [path, n] of tree) {
    if (n.nlink > 1) byIno.set(n.ino, [...(byIno.get(n.ino) ?? []), path]);
  }
  return [...byIno.values()].map((names) => names.sort().join(' = ')).sort();
}

/** Compares two snapshots; time(t) maps a source time to what the format keeps. */
function compareTrees(failures, what, expected, actual, { time = (t) => t, hardLinks = true } = {}) {
  const names = (tree) => [...tree.keys()].join('|');
  if (names(expected) !== names(actual)) {
    failures.push(`${what}: names differ:\n  expected ${names(expected)}\n  got      ${names(actual)}`);
    return;
  }
  for (const [path, e] of expected) {
    const a = actual.get(path);
    const fields = ['type', 'mode', 'size'];
    for (const field of fields) {
      if (e[field] !== a[field]) failures.push(`${what}: ${path} ${field}: expected ${e[field]}, got ${a[field]}`);
    }
    for (const field of ['mtime', 'atime']) {
      if (time(e[field]) !== a[field]) failures.push(`${what}: ${path} ${field}: expected ${time(e[field])}, got ${a[field]}`);
    }
    if (e.type === 'file' && !sameBytes(e.bytes, a.bytes)) failures.push(`${what}: ${path}: bytes differ`);
    if (e.target !== a.target) failures.push(`${what}: ${path}: target ${a.target}, expected ${e.target}`);
    if (!hardLinks && a.nlink !== 1 && a.type !== 'directory') failures.push(`${what}: ${path}: nlink ${a.nlink}, expected 1`);
  }
  if (hardLinks && linkGroups(expected).join(';') !== linkGroups(actual).join(';')) {
    failures.push(`${what}: hard links ${linkGroups(actual)}, expected ${linkGroups(expected)}`);
  }
}

// ---- archives made by hand ----

function octal(value, length) {
  return value.toString(8).padStart(length - 1, '0') + '\0';
}

/** One ustar header block. */
function tarHeader(name, { type = '0', size = 0, linkname = '', mode = 0o644, mtime = 1000 } = {}) {
  const h = new Uint8Array(512);
  const put = (text, at) => h.set(encoder.encode(text), at);
  put(name, 0);
  put(octal(mode, 8), 100);
  put(octal(0, 8), 108);
  put(octal(0, 8), 116);
  put(octal(size, 12), 124);
  put(octal(mtime, 12), 136);
  put(type, 156);
  put(linkname, 157);
  put('ustar\u000000', 257);
  h.fill(0x20, 148, 156);
  const sum = h.reduce((a, b) => a + b, 0);
  put(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return h;
}

/** A tar of [name, options, data?] entries, with its end blocks. */
function tar(...entries) {
  const blocks = [];
  for (const [name, options = {}, data = new Uint8Array(0)] of entries) {
    const bytes = typeof data === 'string' ? encoder.encode(data) : data;
    blocks.push(tarHeader(name, { ...options, size: options.size ?? bytes.length }));
    const padded = new Uint8Array(Math.ceil(bytes.length / 512) * 512);
    padded.set(bytes);
    blocks.push(padded);
  }
  blocks.push(new Uint8Array(1024));
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of blocks) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

function paxData(records) {
  return Object.entries(records).map(([key, value]) => {
    const body = ` ${key}=${value}\n`;
    const n = encoder.encode(body).length;
    let length = n + 1;
    while (String(length).length + n !== length) length = String(length).length + n;
    return `${length}${body}`;
  }).join('');
}

/** Replaces every occurrence of one name's bytes by another of the same length (local and central headers). */
function renameInZip(zip, from, to) {
  const out = zip.slice();
  const f = encoder.encode(from);
  const t = encoder.encode(to);
  for (let i = 0; i + f.length <= out.length; i++) {
    if (f.every((b, k) => out[i + k] === b)) out.set(t, i);
  }
  return out;
}

/** The offsets of a zip's central directory records. */
function centralRecords(zip) {
  const found = [];
  for (let i = 0; i + 4 <= zip.length; i++) {
    if (zip[i] === 0x50 && zip[i + 1] === 0x4b && zip[i + 2] === 1 && zip[i + 3] === 2) found.push(i);
  }
  return found;
}

/** The zip with its second central record pointing at the first entry's local header: two entries, one data. */
function overlapping(zip) {
  const out = zip.slice();
  new DataView(out.buffer).setUint32(centralRecords(out)[1] + 42, 0, true);
  return out;
}

/** The zip with zip64 end records claiming `count` entries for its small central directory. */
function claimingEntries(zip, count) {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.length);
  const eocd = zip.length - 22;
  const size = v.getUint32(eocd + 12, true);
  const offset = v.getUint32(eocd + 16, true);
  const out = new Uint8Array(zip.length + 76);
  out.set(zip.subarray(0, eocd));
  const w = new DataView(out.buffer);
  w.setUint32(eocd, 0x06064b50, true);
  w.setBigUint64(eocd + 4, 44n, true);
  w.setBigUint64(eocd + 24, BigInt(count), true);
  w.setBigUint64(eocd + 32, BigInt(count), true);
  w.setBigUint64(eocd + 40, BigInt(size), true);
  w.setBigUint64(eocd + 48, BigInt(offset), true);
  w.setUint32(eocd + 56, 0x07064b50, true);
  w.setBigUint64(eocd + 64, BigInt(eocd), true);
  w.setUint32(eocd + 72, 1, true);
  out.set(zip.subarray(eocd), eocd + 76);
  new DataView(out.buffer).setUint16(eocd + 76 + 8, 0xffff, true);
  new DataView(out.buffer).setUint16(eocd + 76 + 10, 0xffff, true);
  return out;
}

/** A tar of one header whose size field is the given bytes (base-256 when the first has its high bit set). */
function tarWithSizeField(field) {
  const out = tar(['big', {}, 'x']);
  out.set(field, 124);
  out.fill(0x20, 148, 156);
  const sum = out.subarray(0, 512).reduce((a, b) => a + b, 0);
  out.set(encoder.encode(`${sum.toString(8).padStart(6, '0')}\0 `), 148);
  return out;
}

function zipOf(A, MemFS, files, level = 6) {
  const fs = new MemFS();
  fs.mkdir('/z');
  for (const [name, data] of Object.entries(files)) {
    const parts = name.split('/');
    if (parts.length > 1) fs.mkdir(`/z/${parts.slice(0, -1).join('/')}`, { recursive: true });
    fs.writeFile(`/z/${name}`, data);
  }
  return A.exportZip(fs, '/z', { level });
}

// ---- the checks ----

export async function runArchiveChecks(M, A) {
  const { MemFS } = M;
  const failures = [];

  // Round trips: mount -> export -> mount -> compare, and the second export equals the first.
  const source = new MemFS();
  buildTree(source, '/src');
  const original = snapshot(source, '/src');
  const tarBytes = A.exportTar(source, '/src');
  const viaTar = new MemFS();
  const mounted = A.mountTar(viaTar, '/project/tree', tarBytes);
  compareTrees(failures, 'tar round trip', original, snapshot(viaTar, '/project/tree'));
  if (mounted.entries !== original.size) failures.push(`mountTar counted ${mounted.entries} entries, not ${original.size}`);
  if (!sameBytes(A.exportTar(viaTar, '/project/tree'), tarBytes)) failures.push('tar: the second export differs from the first');
  const again = new MemFS();
  A.mountArchive(again, '/', A.exportTar(viaTar, '/project/tree'));
  compareTrees(failures, 'tar round trip twice, mounted at /', original, snapshot(again, '/'));

  const zipBytes = A.exportZip(source, '/src');
  const viaZip = new MemFS();
  A.mountZip(viaZip, '/z', zipBytes);
  const hundredNs = (t) => t - (((t % 100n) + 100n) % 100n);
  compareTrees(failures, 'zip round trip', original, snapshot(viaZip, '/z'), { time: hundredNs, hardLinks: false });
  const viaZipTwice = new MemFS();
  A.mountArchive(viaZipTwice, '/z', A.exportZip(viaZip, '/z', { level: 0 }));
  compareTrees(failures, 'zip round trip twice (stored)', original, snapshot(viaZipTwice, '/z'),
    { time: hundredNs, hardLinks: false });

  // A gzip-compressed tar, told apart by its first bytes.
  const gz = new Uint8Array(await new Response(new Blob([tarBytes]).stream()
    .pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
  const viaGzip = new MemFS();
  A.mountArchive(viaGzip, '/g', gz);
  compareTrees(failures, 'tar.gz round trip', original, snapshot(viaGzip, '/g'));

  // Implied parents, './' prefixes, a directory entry after its children, pax times and GNU long names.
  const handMade = tar(
    ['./x/y/file', {}, 'f'],
    ['./x/', { type: '5', mode: 0o711, mtime: 77 }],
    ['PaxHeaders/p', { type: 'x' }, paxData({ path: 'x/pax name that is long ' + 'p'.repeat(200), mtime: '-1.25', atime: '12.000000001' })],
    ['ignored', {}, 'pax'],
    ['././@LongLink', { type: 'L' }, `x/gnu ${'g'.repeat(150)}\0`],
    ['ignored too', {}, 'gnu'],
  );
  const hand = new MemFS();
  A.mountTar(hand, '/h', handMade);
  const h = snapshot(hand, '/h');
  const expectHand = (path, field, value) => {
    const got = h.get(path)?.[field];
    if (got !== value) failures.push(`hand-made tar: ${path} ${field}: expected ${value}, got ${got}`);
  };
  expectHand('x', 'mode', 0o40711);
  expectHand('x', 'mtime', 77000000000n);
  expectHand('x/y', 'type', 'directory');
  expectHand(`x/pax name that is long ${'p'.repeat(200)}`, 'mtime', -1250000000n);
  expectHand(`x/pax name that is long ${'p'.repeat(200)}`, 'atime', 12000000001n);
  expectHand(`x/gnu ${'g'.repeat(150)}`, 'size', 3);

  // Corrupt and hostile archives: each its own error, the target exactly as it was (or still missing).
  const okTar = tar(['dir/', { type: '5' }], ['dir/file', {}, 'content of a file'], ['second', {}, 'x'.repeat(2000)]);
  const badChecksum = okTar.slice();
  badChecksum[512 + 10] ^= 1;
  const deflated = zipOf(A, MemFS, { 'f.txt': 'a'.repeat(5000) });
  const badDeflate = deflated.slice();
  const dataAt = 30 + new DataView(badDeflate.buffer).getUint16(26, true) + new DataView(badDeflate.buffer).getUint16(28, true);
  badDeflate[dataAt] = 0xff;
  const stored = zipOf(A, MemFS, { 'f.txt': 'stored bytes' }, 0);
  const badCrc = stored.slice();
  badCrc[30 + 5 + new DataView(badCrc.buffer).getUint16(28, true)] ^= 0x20;
  const badCrcCentral = (zip) => {
    const out = zip.slice();
    new DataView(out.buffer).setUint32(centralRecords(out)[0] + 16, 0x12345678, true);
    return out;
  };
  const bomb = deflated.slice();
  for (let i = 0; i + 4 <= bomb.length; i++) {
    // The central directory entry's uncompressed size: 2 GiB from a few bytes.
    if (bomb[i] === 0x50 && bomb[i + 1] === 0x4b && bomb[i + 2] === 1 && bomb[i + 3] === 2) {
      new DataView(bomb.buffer).setUint32(i + 24, 0x7fffffff, true);
    }
  }
  const cases = [
    ['mountTar', 'a truncated tar', okTar.subarray(0, 1100), null, 'truncated'],
    ['mountTar', 'a tar without its end blocks', okTar.subarray(0, 512 * 8), null, 'end-of-archive'],
    ['mountTar', 'a bad header checksum', badChecksum, 'dir/file', 'bad header checksum'],
    ['mountTar', "a name with '..'", tar(['ok', {}, 'x'], ['a/../../evil', {}, 'x']), 'a/../../evil', "contains '..'"],
    ['mountTar', 'an absolute name', tar(['/etc/passwd', {}, 'x']), '/etc/passwd', 'absolute'],
    ['mountTar', 'a path through a symlink of the archive', tar(['ln', { type: '2', linkname: '/' }], ['ln/etc/x', {}, 'x']),
      'ln/etc/x', "through the symlink 'ln'"],
    ['mountTar', 'a path through a file', tar(['f', {}, 'x'], ['f/g', {}, 'y']), 'f/g', "parent 'f' is not a directory"],
    ['mountTar', 'a component over 255 bytes',
      tar(['PaxHeaders/l', { type: 'x' }, paxData({ path: `d/${'n'.repeat(256)}` })], ['l', {}, 'x']), `d/${'n'.repeat(256)}`,
      'longer than 255 bytes'],
    ['mountTar', 'a duplicate path', tar(['same', {}, 'x'], ['other', {}, 'y'], ['./same', {}, 'z']), './same', 'duplicate path'],
    ['mountTar', 'a hard link to nothing earlier', tar(['h', { type: '1', linkname: 'later' }], ['later', {}, 'x']), 'h',
      "hard link to 'later'"],
    ['mountTar', 'a device', tar(['dev', { type: '3' }]), 'dev', 'character device'],
    ['mountTar', 'a bad pax record', tar(['PaxHeaders/x', { type: 'x' }, '99 path=x\n'], ['x', {}, 'x']), 'PaxHeaders/x', 'bad pax header record'],
    ['mountTar', 'a name that exists in the target', tar(['keep.txt', {}, 'new']), 'keep.txt', 'already exists', ['/target']],
    ['mountZip', 'a bad deflate stream', badDeflate, 'f.txt', 'bad deflate stream'],
    ['mountZip', 'a CRC-32 mismatch', badCrc, 'f.txt', 'CRC-32 mismatch'],
    ['mountZip', 'a size no deflate stream of its length can reach', bomb, 'f.txt', 'more than its'],
    ['mountZip', 'a truncated zip', deflated.subarray(0, deflated.length - 30), null, 'no end of central directory'],
    ['mountZip', "a zip entry with '..'", renameInZip(zipOf(A, MemFS, { 'zz/evil': 'x' }), 'zz/evil', '../evil'), '../evil',
      "contains '..'"],
    ['mountZip', 'an absolute zip entry', renameInZip(zipOf(A, MemFS, { 'xetc/pw': 'x' }), 'xetc/pw', '/etc/pw'), '/etc/pw', 'absolute'],
    ['mountZip', 'a duplicate zip entry', renameInZip(zipOf(A, MemFS, { 'aa': 'x', 'bb': 'y' }), 'bb', 'aa'), 'aa', 'duplicate path'],
    ['mountTar', 'a size field past 2^53', tarWithSizeField([0x80, ...new Array(11).fill(0xff)]), 'big', 'bad size field'],
    ['mountTar', 'an extended header of 2 MiB', tar(['PaxHeaders/x', { type: 'x', size: 2 << 20 }], ['x', {}, 'x']),
      'PaxHeaders/x', 'extended header of 2097152 bytes'],
    ['mountZip', 'two entries over the same data', overlapping(zipOf(A, MemFS, { aa: 'same'.repeat(30), bb: 'same'.repeat(30) })),
      'bb', 'entries overlap'],
    ['mountZip', 'a central directory claiming 5 million entries', claimingEntries(zipOf(A, MemFS, { aa: 'x' }), 5000000),
      null, 'claims 5000000 entries'],
    ['mountZip', 'a local header that disagrees with the central directory', badCrcCentral(stored), 'f.txt',
      'disagree on its sizes or CRC-32'],
    ['mountArchive', 'neither zip nor tar', encoder.encode('just some text, '.repeat(100)), null, 'neither a zip nor a tar'],
  ];
  for (const [operation, what, bytes, entry, problem, dirs = ['/target', '/not/yet']] of cases) {
    for (const dir of dirs) {
      const fs = new MemFS();
      fs.mkdir('/target');
      fs.writeFile('/target/keep.txt', 'kept');
      fs.utimes('/target', 5n, 6n);
      const before = state(fs, dir);
      try {
        A[operation](fs, dir, bytes);
        failures.push(`${what} into ${dir}: mounted without an error`);
      } catch (e) {
        if (e.name !== 'ArchiveError') failures.push(`${what} into ${dir}: ${e.name}: ${e.message}`);
        else {
          if (e.entry !== entry) failures.push(`${what}: entry ${JSON.stringify(e.entry)}, expected ${JSON.stringify(entry)}`);
          if (!e.message.includes(problem) || !e.message.startsWith(`${operation}: `)) {
            failures.push(`${what}: message ${JSON.stringify(e.message)} lacks ${JSON.stringify(problem)}`);
          }
        }
      }
      const after = state(fs, dir);
      if (after !== before) {
        failures.push(`${what} into ${dir}: the target changed:\n${before}\n---\n${after}`);
      }
      if (dir === '/not/yet' && fs.exists('/not')) failures.push(`${what}: /not was made`);
    }
  }

  // The MemFS refusing a file half-way: what was made is gone again, its bytes back in the budget.
  const budget = tar(['a/', { type: '5' }], ['a/one', {}, new Uint8Array(100000)], ['b', {}, 'x'], ['a/two', {}, new Uint8Array(250000)]);
  for (const dir of ['/target', '/new/dir']) {
    const small = new MemFS({ maxBytes: 300000 });
    small.mkdir('/target');
    small.writeFile('/target/keep.txt', 'kept');
    small.utimes('/target', 5n, 6n);
    const before = state(small, '/target');
    try {
      A.mountTar(small, dir, budget);
      failures.push(`past maxBytes into ${dir}: mounted`);
    } catch (e) {
      if (e.entry !== 'a/two' || !e.message.includes('maxBytes')) failures.push(`past maxBytes into ${dir}: ${e.message}`);
    }
    if (state(small, '/target') !== before) failures.push(`past maxBytes into ${dir}: /target changed`);
    if (small.exists('/new')) failures.push(`past maxBytes into ${dir}: /new was left`);
    try {
      small.writeFile('/target/after', new Uint8Array(299000));
    } catch (e) {
      failures.push(`past maxBytes into ${dir}: the budget did not come back (${e.message})`);
    }
  }
  const tight = new MemFS({ maxFileSize: 1000 });
  try {
    A.mountZip(tight, '/t', zipOf(A, MemFS, { 'ok': 'x', 'big': new Uint8Array(5000) }));
    failures.push('past maxFileSize: mounted');
  } catch (e) {
    if (e.entry !== 'big' || !e.message.includes('maxFileSize')) failures.push(`past maxFileSize: ${e.message}`);
  }
  if (tight.exists('/t')) failures.push('past maxFileSize: /t was left');

  // Bad arguments are TypeErrors.
  for (const [what, call] of [
    ['a relative directory', () => A.mountTar(new MemFS(), 'rel', okTar)],
    ['not a MemFS', () => A.mountTar({}, '/x', okTar)],
    ['a string archive', () => A.mountZip(new MemFS(), '/x', 'zip')],
    ['a bad level', () => A.exportZip(source, '/src', { level: 10 })],
  ]) {
    try {
      call();
      failures.push(`${what}: no error`);
    } catch (e) {
      if (e.name !== 'TypeError') failures.push(`${what}: ${e.name}: ${e.message}`);
    }
  }
  return failures;
}
