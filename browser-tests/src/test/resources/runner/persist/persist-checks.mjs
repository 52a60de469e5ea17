// MemFS.save / MemFS.load through wasi-polyfill/persist, driven by PersistTest: each check returns a JSON-able
// report the test asserts on.
import { MemFS } from '/wasi-polyfill/wasi-polyfill.mjs';
import { openIndexedDbStore, openOpfsStore, CHUNK_SIZE, FORMAT_VERSION } from '/wasi-polyfill/persist.mjs';

const BIG = 3 * CHUNK_SIZE + 12345;

/**
 * /t
 * ├── empty        ""
 * ├── text         "hello, persistence" (mode 0640; also /t/q/r/hard)
 * ├── dangling -> /nowhere
 * └── q/           (mode 0700)
 *     ├── big      3 MiB + 12345 bytes of a pattern, four chunks
 *     ├── link -> ../text (its own times)
 *     └── r/
 *         ├── hard  (the inode of /t/text)
 *         └── e/    (empty)
 */
export function buildTree(fs) {
  fs.mkdir('/t/q/r/e', { recursive: true });
  fs.writeFile('/t/empty', '');
  fs.writeFile('/t/text', 'hello, persistence');
  const big = new Uint8Array(BIG);
  for (let i = 0; i < big.length; i++) {
    big[i] = (i * 31 + (i >> 13)) & 0xff;
  }
  fs.writeFile('/t/q/big', big);
  fs.symlink('../text', '/t/q/link');
  fs.symlink('/nowhere', '/t/dangling');
  fs.link('/t/text', '/t/q/r/hard');
  fs.chmod('/t/text', 0o640);
  fs.chmod('/t/q', 0o700);
  fs.utimes('/t/q/big', 1234567890123456789n, 987654321012345678n);
  fs.lutimes('/t/q/link', 5n, 6000000000000000007n);
  fs.utimes('/t/q/r/e', new Date(86400000), 1n);
}

function checksum(bytes) {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
  }
  return h;
}

/** Everything about the tree under `path`: names in order, kinds, inode numbers, links, sizes, modes, times, content. */
export function dump(fs, path = '/') {
  const out = [];
  const visit = (p) => {
    const s = fs.lstat(p);
    const entry = {
      path: p, type: s.type, ino: s.ino, nlink: s.nlink, size: s.size, mode: s.mode,
      atime: String(s.atimeNs), mtime: String(s.mtimeNs), ctime: String(s.ctimeNs),
    };
    if (s.type === 'file') {
      const bytes = fs.readFile(p);
      entry.content = `${bytes.length}:${checksum(bytes)}`;
    } else if (s.type === 'symlink') {
      entry.target = fs.readlink(p);
    }
    out.push(entry);
    if (s.type === 'directory') {
      for (const name of fs.readdir(p)) {
        visit(p === '/' ? `/${name}` : `${p}/${name}`);
      }
    }
  };
  visit(path);
  return out;
}

function open(kind, name) {
  return kind === 'opfs' ? openOpfsStore(name) : openIndexedDbStore(name);
}

/** Wraps a store so the test sees what each save handed it and what the store wrote. */
function counting(store) {
  const log = [];
  return {
    log,
    id: store.id,
    read: () => store.read(),
    async write(changes) {
      const result = await store.write(changes);
      log.push({ full: changes.full, records: changes.inodes.map((r) => r.ino), wrote: result });
      return result;
    },
  };
}

async function fresh(kind, name) {
  const store = await open(kind, name);
  await store.clear();
  return store;
}

export function environment() {
  return {
    indexedDB: typeof indexedDB !== 'undefined',
    opfs: typeof navigator.storage?.getDirectory === 'function',
    formatVersion: FORMAT_VERSION,
    chunkSize: CHUNK_SIZE,
  };
}

/** Builds the tree, saves it, loads it into a fresh MemFS (which had other files) and compares everything. */
export async function roundTrip(kind) {
  const store = await fresh(kind, `round-${kind}`);
  const fs = new MemFS();
  buildTree(fs);
  const written = await fs.save(store);
  const other = new MemFS();
  other.writeFile('/stale', 'replaced by the load');
  const loaded = await other.load(await open(kind, `round-${kind}`));
  return {
    written, loaded, same: JSON.stringify(dump(fs)) === JSON.stringify(dump(other)),
    original: dump(fs), restored: dump(other), stale: other.exists('/stale'),
    hardSameInode: other.lstat('/t/text').ino === other.lstat('/t/q/r/hard').ino,
  };
}

/** 1000 files saved, then one changed, one removed, a time set: each save writes only what changed. */
export async function incremental(kind) {
  const store = counting(await fresh(kind, `incr-${kind}`));
  const fs = new MemFS();
  fs.mkdir('/many');
  for (let i = 0; i < 1000; i++) {
    fs.writeFile(`/many/f${i}`, `file ${i}\n`);
  }
  await fs.save(store);
  fs.appendFile('/many/f500', 'changed\n');
  await fs.save(store);
  fs.unlink('/many/f7');
  await fs.save(store);
  fs.utimes('/many/f9', 1n, 2n);
  await fs.save(store);
  await fs.save(store);
  const other = new MemFS();
  await other.load(store);
  return {
    log: store.log,
    inos: { many: fs.lstat('/many').ino, f500: fs.lstat('/many/f500').ino, f9: fs.lstat('/many/f9').ino },
    same: JSON.stringify(dump(fs)) === JSON.stringify(dump(other)),
    f500: other.readFile('/many/f500', 'utf8'),
  };
}

/** A save after a load builds on the loaded state: only the new file is written. */
export async function saveAfterLoad(kind) {
  const name = `after-${kind}`;
  const first = new MemFS();
  buildTree(first);
  await first.save(await fresh(kind, name));
  const store = counting(await open(kind, name));
  const second = new MemFS();
  await second.load(store);
  second.writeFile('/t/new', 'new');
  await second.save(store);
  const third = new MemFS();
  await third.load(await open(kind, name));
  return { log: store.log, same: JSON.stringify(dump(second)) === JSON.stringify(dump(third)) };
}

/** Two MemFS instances saving to one store: the second's save is refused as stale and made again in full. */
export async function twoWriters(kind) {
  const name = `two-${kind}`;
  const a = new MemFS();
  const b = new MemFS();
  const store = counting(await fresh(kind, name));
  a.writeFile('/a', 'a');
  await a.save(store);
  b.writeFile('/b', 'b');
  await b.save(store);
  a.writeFile('/a2', 'a2');
  await a.save(store);
  const check = new MemFS();
  await check.load(store);
  return { log: store.log, names: check.readdir('/') };
}

/** Saves, for the test to reload the page and call afterReload. */
export async function beforeReload(kind) {
  const fs = new MemFS();
  buildTree(fs);
  await fs.save(await fresh(kind, `reload-${kind}`));
  localStorage.setItem(`expected-${kind}`, JSON.stringify(dump(fs)));
  return true;
}

export async function afterReload(kind) {
  const fs = new MemFS();
  const loaded = await fs.load(await open(kind, `reload-${kind}`));
  return { loaded, same: JSON.stringify(dump(fs)) === localStorage.getItem(`expected-${kind}`) };
}

/** What a load or save answers, and whether the MemFS kept its own file. */
async function refused(fs, operation) {
  try {
    await operation();
    return { error: null, kept: fs.readdir('/') };
  } catch (error) {
    return { error: `${error.name}: ${error.message}`, kept: fs.readdir('/') };
  }
}

async function savedStore(kind, name) {
  const fs = new MemFS();
  buildTree(fs);
  const store = await fresh(kind, name);
  await fs.save(store);
  return store;
}

function rawIndexedDb(name) {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(name);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function rawPut(db, store, key, value) {
  return new Promise((resolve, reject) => {
    const t = db.transaction(store, 'readwrite');
    t.objectStore(store).put(value, key);
    t.oncomplete = () => resolve();
    t.onerror = () => reject(t.error);
  });
}

async function rawOpfs(name) {
  return (await navigator.storage.getDirectory()).getDirectoryHandle(name);
}

async function rawWrite(directory, file, text) {
  const stream = await (await directory.getFileHandle(file, { create: true })).createWritable();
  await stream.write(text);
  await stream.close();
}

/** A store written by a newer format version: loads and saves refuse it, and neither MemFS nor store change. */
export async function unknownVersion(kind) {
  const name = `version-${kind}`;
  const store = await savedStore(kind, name);
  if (kind === 'opfs') {
    const dir = await rawOpfs(name);
    const manifest = JSON.parse(await (await (await dir.getFileHandle('manifest.json')).getFile()).text());
    await rawWrite(dir, 'manifest.json', JSON.stringify({ ...manifest, version: 99 }));
  } else {
    const db = await rawIndexedDb(name);
    await rawPut(db, 'header', 'header', { format: 'wasi-polyfill-memfs', version: 99, stamp: 'x' });
    db.close();
  }
  const fs = new MemFS();
  fs.writeFile('/mine', 'kept');
  const load = await refused(fs, () => fs.load(store));
  const save = await refused(fs, () => fs.save(store));
  return { load, save };
}

/** Corrupt records: a short metadata record, a missing content chunk, a dangling directory entry. */
export async function corrupt(kind) {
  const results = {};
  for (const damage of ['meta', 'chunk', 'entry']) {
    const name = `corrupt-${damage}-${kind}`;
    const source = new MemFS();
    buildTree(source);
    const store = await fresh(kind, name);
    await source.save(store);
    const big = source.lstat('/t/q/big').ino;
    const text = source.lstat('/t/text').ino;
    const root = source.lstat('/').ino;
    if (kind === 'opfs') {
      const dir = await rawOpfs(name);
      const manifest = JSON.parse(await (await (await dir.getFileHandle('manifest.json')).getFile()).text());
      if (damage === 'meta') {
        manifest.inodes[text][0] = btoa('short');
        await rawWrite(dir, 'manifest.json', JSON.stringify(manifest));
      } else if (damage === 'chunk') {
        await dir.removeEntry(`c${big}.${manifest.inodes[big][1]}.2`);
      } else {
        delete manifest.inodes[text];
        await rawWrite(dir, 'manifest.json', JSON.stringify(manifest));
      }
    } else {
      const db = await rawIndexedDb(name);
      if (damage === 'meta') {
        await rawPut(db, 'inodes', text, new Uint8Array(5));
      } else if (damage === 'chunk') {
        await new Promise((resolve) => {
          const t = db.transaction('content', 'readwrite');
          t.objectStore('content').delete([big, 2]);
          t.oncomplete = resolve;
        });
      } else {
        await new Promise((resolve) => {
          const t = db.transaction(['inodes', 'content'], 'readwrite');
          t.objectStore('inodes').delete(text);
          t.objectStore('content').delete(IDBKeyRange.bound([text, 0], [text, Infinity]));
          t.oncomplete = resolve;
        });
      }
      db.close();
    }
    const fs = new MemFS();
    fs.writeFile('/mine', 'kept');
    results[damage] = { ...(await refused(fs, () => fs.load(store))), root };
  }
  return results;
}

/**
 * A store holding more than the loading MemFS takes (/t/q/big is 4 chunks): refused from the chunk counts before
 * a chunk is read, and a chunk larger than CHUNK_SIZE refused (OPFS: from its file's size, before it is read).
 */
export async function tooLarge(kind) {
  const name = `too-large-${kind}`;
  const store = await savedStore(kind, name);
  const results = {};
  for (const [limit, options] of [['maxBytes', { maxBytes: 2 << 20 }], ['maxFileSize', { maxFileSize: 1 << 20 }]]) {
    const fs = new MemFS(options);
    fs.writeFile('/mine', 'kept');
    results[limit] = await refused(fs, () => fs.load(store));
  }
  const big = (() => {
    const fs = new MemFS();
    buildTree(fs);
    return fs.lstat('/t/q/big').ino;
  })();
  const oversized = new Uint8Array(CHUNK_SIZE + 1);
  if (kind === 'opfs') {
    const dir = await rawOpfs(name);
    const manifest = JSON.parse(await (await (await dir.getFileHandle('manifest.json')).getFile()).text());
    await rawWrite(dir, `c${big}.${manifest.inodes[big][1]}.0`, oversized);
  } else {
    const db = await rawIndexedDb(name);
    await rawPut(db, 'content', [big, 0], oversized);
    db.close();
  }
  const fs = new MemFS();
  fs.writeFile('/mine', 'kept');
  results.chunk = await refused(fs, () => fs.load(store));
  return results;
}

/** An IndexedDB database held open by a connection that ignores version changes blocks the store's upgrade. */
export async function blocked() {
  const name = 'blocked-db';
  await new Promise((resolve) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = r.onerror = resolve;
  });
  const holder = await rawIndexedDb(name);
  let result;
  try {
    await openIndexedDbStore(name);
    result = null;
  } catch (error) {
    result = `${error.name}: ${error.message}`;
  }
  holder.close();
  const later = await openIndexedDbStore(name);
  const fs = new MemFS();
  fs.writeFile('/x', 'x');
  await fs.save(later);
  return { result, afterClose: later.id };
}

/** Saves a file larger than the quota the test gave the origin: a clear error, the store keeps its last save. */
export async function quota() {
  const name = 'quota-idb';
  const store = await fresh('idb', name);
  const fs = new MemFS();
  fs.writeFile('/small', 'small');
  await fs.save(store);
  fs.writeFile('/huge', new Uint8Array(40 * 1024 * 1024).fill(7));
  const save = await refused(fs, () => fs.save(store));
  const check = new MemFS();
  await check.load(await open('idb', name));
  return { save, stored: check.readdir('/') };
}
