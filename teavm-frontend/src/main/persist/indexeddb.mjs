import {
  LoadLimits, StoreError, checkHeader, chunksOf, contentOf, decodeMeta, encodeMeta, header, inodeRecord, newStamp,
  staleError,
  storageError,
} from './codec.mjs';

// One database per store: 'header' holds { format, version, stamp } under the key 'header', 'inodes' each inode's
// metadata record under its number, 'content' its content chunks under [ino, index]. A save is one transaction,
// so it lands whole or not at all.
const HEADER = 'header';
const INODES = 'inodes';
const CONTENT = 'content';

function request(r) {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(transaction) {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new StoreError('the transaction was aborted'));
  });
}

const STORES = [HEADER, INODES, CONTENT];

/** Opens (at `version`, or the current one) and creates the object stores that are missing in an upgrade. */
function openDatabase(where, name, version) {
  return new Promise((resolve, reject) => {
    let blocked = false;
    let r;
    try {
      r = indexedDB.open(name, version);
    } catch (error) {
      reject(storageError(where, 'open', error));
      return;
    }
    r.onupgradeneeded = () => {
      for (const store of STORES) {
        if (!r.result.objectStoreNames.contains(store)) {
          r.result.createObjectStore(store);
        }
      }
    };
    r.onblocked = () => {
      blocked = true;
      reject(new StoreError(`${where} is blocked: another tab or connection holds the database open and does not`
        + ' let it be upgraded; close it and try again'));
    };
    r.onerror = () => reject(storageError(where, 'open', r.error));
    r.onsuccess = () => {
      if (blocked) {
        r.result.close();
      } else {
        resolve(r.result);
      }
    };
  });
}

/** Calls visit(key, value) for each record of an object store in key order, one at a time; a throw stops it. */
function eachValue(store, visit) {
  return new Promise((resolve, reject) => {
    const r = store.openCursor();
    r.onsuccess = () => {
      const cursor = r.result;
      if (cursor === null) {
        resolve();
        return;
      }
      try {
        visit(cursor.key, cursor.value);
      } catch (error) {
        reject(error);
        return;
      }
      cursor.continue();
    };
    r.onerror = () => reject(r.error);
  });
}

function contentOfInode(ino, from = 0) {
  return IDBKeyRange.bound([ino, from], [ino, Infinity]);
}

export class IndexedDbStore {
  #db;
  #where;
  #queue = Promise.resolve();

  constructor(name, db) {
    this.id = `indexeddb:${name}`;
    this.#db = db;
    this.#where = `IndexedDB store '${name}'`;
  }

  static async open(name) {
    if (typeof name !== 'string' || name === '') {
      throw new TypeError(`openIndexedDbStore: name must be a non-empty string, got ${JSON.stringify(name)}`);
    }
    if (typeof indexedDB === 'undefined') {
      throw new StoreError('openIndexedDbStore: this context has no IndexedDB');
    }
    const where = `IndexedDB store '${name}'`;
    let db = await openDatabase(where, name, undefined);
    if (!STORES.every((store) => db.objectStoreNames.contains(store))) {
      // A database of that name without this store's object stores: add them in an upgrade.
      const version = db.version + 1;
      db.close();
      db = await openDatabase(where, name, version);
    }
    // Lets another tab upgrade or delete the database instead of being blocked by this one.
    db.onversionchange = () => db.close();
    return new IndexedDbStore(name, db);
  }

  /** Runs `operation` after the store's earlier ones, so saves land in the order they were made. */
  #serial(operation) {
    const result = this.#queue.then(operation);
    this.#queue = result.catch(() => {});
    return result;
  }

  write(changes) {
    return this.#serial(async () => {
      try {
        const t = this.#db.transaction([HEADER, INODES, CONTENT], 'readwrite');
        const finished = done(t);
        const headers = t.objectStore(HEADER);
        const inodes = t.objectStore(INODES);
        const content = t.objectStore(CONTENT);
        const stored = await request(headers.get(HEADER));
        try {
          checkHeader(this.#where, stored);
          if (!changes.full && stored?.stamp !== changes.base) {
            throw staleError(this.#where);
          }
        } catch (error) {
          t.abort();
          await finished.catch(() => {});
          throw error;
        }
        const counts = { stamp: newStamp(), inodes: 0, chunks: 0, deleted: 0 };
        if (changes.full) {
          inodes.clear();
          content.clear();
        }
        headers.put({ ...header(), stamp: counts.stamp }, HEADER);
        if (!changes.full) {
          const live = new Set(changes.live);
          for (const ino of await request(inodes.getAllKeys())) {
            if (!live.has(ino)) {
              inodes.delete(ino);
              content.delete(contentOfInode(ino));
              counts.deleted++;
            }
          }
        }
        for (const record of changes.inodes) {
          inodes.put(encodeMeta(record), record.ino);
          counts.inodes++;
          const bytes = contentOf(record);
          if (bytes !== undefined) {
            const chunks = chunksOf(bytes);
            chunks.forEach((chunk, i) => content.put(chunk, [record.ino, i]));
            content.delete(contentOfInode(record.ino, chunks.length));
            counts.chunks += chunks.length;
          }
        }
        await finished;
        return counts;
      } catch (error) {
        throw storageError(this.#where, 'save', error);
      }
    });
  }

  /**
   * The snapshot, or null when the store is empty. The metadata and the content's keys are read first, so that
   * limits (see LoadLimits) refuse a store that holds too much before its content is; chunks are then read one
   * at a time, and reading stops at the first past the limits.
   */
  read(limits) {
    return this.#serial(async () => {
      const check = new LoadLimits(this.#where, limits);
      let stored, metas, metaKeys, chunkKeys;
      const chunks = [];
      try {
        const t = this.#db.transaction([HEADER, INODES, CONTENT], 'readonly');
        const finished = done(t);
        [stored, metaKeys, metas, chunkKeys] = await Promise.all([
          request(t.objectStore(HEADER).get(HEADER)),
          request(t.objectStore(INODES).getAllKeys()),
          request(t.objectStore(INODES).getAll()),
          request(t.objectStore(CONTENT).getAllKeys()),
        ]);
        if (checkHeader(this.#where, stored)) {
          const types = new Map(metaKeys.map((ino, i) => [ino, decodeMeta(this.#where, ino, metas[i]).type]));
          const counts = new Map();
          for (const key of chunkKeys) {
            const ino = Array.isArray(key) ? key[0] : undefined;
            counts.set(ino, (counts.get(ino) ?? 0) + 1);
          }
          check.checkDeclared([...counts].filter(([ino]) => types.get(ino) === 'file'));
          await eachValue(t.objectStore(CONTENT), (key, value) => {
            check.checkChunk(key[0], key[1], value?.length ?? 0, types.get(key[0]) === 'file');
            chunks.push(value);
          });
        }
        await finished;
      } catch (error) {
        throw storageError(this.#where, 'load', error);
      }
      if (!checkHeader(this.#where, stored)) {
        return null;
      }
      const byIno = new Map();
      chunkKeys.forEach((key, i) => {
        const [ino, index] = Array.isArray(key) ? key : [];
        const list = byIno.get(ino) ?? [];
        if (index !== list.length) {
          throw new StoreError(`${this.#where} is corrupt: inode ${ino}: content chunk ${list.length} is missing;`
            + ' nothing was loaded');
        }
        list.push(chunks[i]);
        byIno.set(ino, list);
      });
      const records = metaKeys.map((ino, i) => inodeRecord(this.#where, decodeMeta(this.#where, ino, metas[i]),
        byIno.get(ino) ?? []));
      for (const ino of byIno.keys()) {
        if (!metaKeys.includes(ino)) {
          throw new StoreError(`${this.#where} is corrupt: content of inode ${ino} has no metadata; nothing was loaded`);
        }
      }
      return { stamp: stored.stamp, inodes: records };
    });
  }

  /** Empties the store: the next load finds nothing and the next save to it is a full one. */
  clear() {
    return this.#serial(async () => {
      try {
        const t = this.#db.transaction([HEADER, INODES, CONTENT], 'readwrite');
        const finished = done(t);
        for (const store of [HEADER, INODES, CONTENT]) {
          t.objectStore(store).clear();
        }
        await finished;
      } catch (error) {
        throw storageError(this.#where, 'clear', error);
      }
    });
  }

  close() {
    this.#db.close();
  }
}
