import {
  LoadLimits, StoreError, checkHeader, chunksOf, contentOf, decodeMeta, encodeMeta, header, inodeRecord, newStamp,
  staleError,
  storageError,
} from './codec.mjs';

// One directory per store in the origin private file system. 'manifest.json' is the commit point and holds the
// metadata records: { format, version, stamp, serial, inodes: { [ino]: [metadata (base64), contentSerial,
// chunkCount] } }. A save writes the content chunks it changes into new files named by its serial
// ('c<ino>.<serial>.<index>'), then replaces the manifest (a writable stream's close() swaps the file whole), then
// removes the files no manifest entry names; so a save that fails part way leaves the previous state loadable, and
// a load reads only what the manifest names. A change of times or mode rewrites the manifest alone.
const MANIFEST = 'manifest.json';

async function writeFile(directory, name, bytes) {
  const handle = await directory.getFileHandle(name, { create: true });
  const stream = await handle.createWritable();
  try {
    await stream.write(bytes);
    await stream.close();
  } catch (error) {
    await stream.abort().catch(() => {});
    throw error;
  }
}

/** Runs `task` on every item, at most PARALLEL at a time: one file after another is far slower. */
const PARALLEL = 16;

async function inParallel(items, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
  return results;
}

async function readFile(directory, name) {
  const handle = await directory.getFileHandle(name);
  return new Uint8Array(await (await handle.getFile()).arrayBuffer());
}

function toBase64(bytes) {
  return btoa(String.fromCharCode(...bytes));
}

/** The bytes of a base64 string, or null when it is not one (decodeMeta then calls the record corrupt). */
function fromBase64(text) {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export class OpfsStore {
  #directory;
  #where;
  #queue = Promise.resolve();

  constructor(name, directory) {
    this.id = `opfs:${name}`;
    this.#directory = directory;
    this.#where = `OPFS store '${name}'`;
  }

  static async open(name) {
    if (typeof name !== 'string' || name === '' || name.includes('/') || name === '.' || name === '..') {
      throw new TypeError(`openOpfsStore: name must be a non-empty string without '/', got ${JSON.stringify(name)}`);
    }
    if (typeof navigator === 'undefined' || typeof navigator.storage?.getDirectory !== 'function') {
      throw new StoreError('openOpfsStore: this context has no origin private file system'
        + ' (navigator.storage.getDirectory)');
    }
    try {
      const root = await navigator.storage.getDirectory();
      return new OpfsStore(name, await root.getDirectoryHandle(name, { create: true }));
    } catch (error) {
      throw storageError(`OPFS store '${name}'`, 'open', error);
    }
  }

  #serial(operation) {
    const result = this.#queue.then(operation);
    this.#queue = result.catch(() => {});
    return result;
  }

  async #manifest() {
    let bytes;
    try {
      bytes = await readFile(this.#directory, MANIFEST);
    } catch (error) {
      if (error?.name === 'NotFoundError') {
        return null;
      }
      throw error;
    }
    let manifest;
    try {
      manifest = JSON.parse(new TextDecoder().decode(bytes));
    } catch (error) {
      throw new StoreError(`${this.#where} is corrupt: its manifest is not JSON; nothing was loaded`, { cause: error });
    }
    if (!checkHeader(this.#where, manifest)) {
      return null;
    }
    if (typeof manifest.stamp !== 'string' || typeof manifest.inodes !== 'object' || manifest.inodes === null
        || !Number.isInteger(manifest.serial)) {
      throw new StoreError(`${this.#where} is corrupt: its manifest is incomplete; nothing was loaded`);
    }
    return manifest;
  }

  write(changes) {
    return this.#serial(async () => {
      try {
        const old = await this.#manifest();
        if (!changes.full && old?.stamp !== changes.base) {
          throw staleError(this.#where);
        }
        const serial = (old?.serial ?? 0) + 1;
        const inodes = changes.full || old === null ? {} : { ...old.inodes };
        const counts = { inodes: 0, chunks: 0, deleted: 0 };
        const live = new Set(changes.live);
        for (const ino of Object.keys(inodes)) {
          if (!live.has(Number(ino))) {
            delete inodes[ino];
            counts.deleted++;
          }
        }
        const files = [];
        for (const record of changes.inodes) {
          counts.inodes++;
          const bytes = contentOf(record);
          const previous = inodes[record.ino];
          let content = previous === undefined ? [serial, 0] : [previous[1], previous[2]];
          if (bytes !== undefined) {
            const chunks = chunksOf(bytes);
            chunks.forEach((chunk, i) => files.push([`c${record.ino}.${serial}.${i}`, chunk]));
            counts.chunks += chunks.length;
            content = [serial, chunks.length];
          }
          inodes[record.ino] = [toBase64(encodeMeta(record)), ...content];
        }
        await inParallel(files, ([name, bytes]) => writeFile(this.#directory, name, bytes));
        const stamp = newStamp();
        const manifest = { ...header(), stamp, serial, inodes };
        await writeFile(this.#directory, MANIFEST, new TextEncoder().encode(JSON.stringify(manifest)));
        await this.#removeUnlisted(inodes);
        return { stamp, ...counts };
      } catch (error) {
        throw storageError(this.#where, 'save', error);
      }
    });
  }

  /** Removes the record files no manifest entry names: superseded ones, and those of a save that failed. */
  async #removeUnlisted(inodes) {
    const listed = new Set([MANIFEST]);
    for (const [ino, [, contentSerial, count]] of Object.entries(inodes)) {
      for (let i = 0; i < count; i++) {
        listed.add(`c${ino}.${contentSerial}.${i}`);
      }
    }
    const unlisted = [];
    for await (const name of this.#directory.keys()) {
      if (!listed.has(name)) {
        unlisted.push(name);
      }
    }
    await Promise.all(unlisted.map((name) => this.#directory.removeEntry(name).catch(() => {})));
  }

  /**
   * The snapshot, or null when the store is empty. The manifest's chunk counts are checked against limits (see
   * LoadLimits) before any content is read, and each chunk file's size before its bytes are.
   */
  read(limits) {
    return this.#serial(async () => {
      try {
        const manifest = await this.#manifest();
        if (manifest === null) {
          return null;
        }
        const check = new LoadLimits(this.#where, limits);
        const entries = Object.entries(manifest.inodes).map(([key, entry]) => {
          if (!Array.isArray(entry) || entry.length !== 3 || typeof entry[0] !== 'string'
              || !Number.isInteger(entry[1]) || !Number.isInteger(entry[2])) {
            throw new StoreError(`${this.#where} is corrupt: inode ${key}: its manifest entry is malformed; nothing was loaded`);
          }
          const ino = Number(key);
          return { ino, meta: decodeMeta(this.#where, ino, fromBase64(entry[0])), serial: entry[1], count: entry[2] };
        });
        check.checkDeclared(entries.filter((e) => e.meta.type === 'file').map((e) => [e.ino, e.count]));
        const records = await inParallel(entries, async ({ ino, meta, serial, count }) => {
          const chunks = [];
          for (let i = 0; i < count; i++) {
            const file = await this.#record(ino, `c${ino}.${serial}.${i}`);
            check.checkChunk(ino, i, file.size, meta.type === 'file');
            chunks.push(new Uint8Array(await file.arrayBuffer()));
          }
          return inodeRecord(this.#where, meta, chunks);
        });
        return { stamp: manifest.stamp, inodes: records };
      } catch (error) {
        throw storageError(this.#where, 'load', error);
      }
    });
  }

  /** The File of a chunk (its size known before its bytes are read). */
  async #record(ino, name) {
    try {
      return await (await this.#directory.getFileHandle(name)).getFile();
    } catch (error) {
      if (error?.name === 'NotFoundError') {
        throw new StoreError(`${this.#where} is corrupt: inode ${ino}: its file ${name} is missing; nothing was loaded`);
      }
      throw error;
    }
  }

  /** Empties the store: the next load finds nothing and the next save to it is a full one. */
  clear() {
    return this.#serial(async () => {
      try {
        const names = [];
        for await (const name of this.#directory.keys()) {
          names.push(name);
        }
        // The manifest first: once it is gone the store is empty, whatever else remains.
        names.sort((a, b) => (a === MANIFEST ? -1 : b === MANIFEST ? 1 : 0));
        for (const name of names) {
          await this.#directory.removeEntry(name);
        }
      } catch (error) {
        throw storageError(this.#where, 'clear', error);
      }
    });
  }

  close() {}
}
