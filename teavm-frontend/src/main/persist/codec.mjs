// The stored form shared by the IndexedDB and OPFS stores. An inode is two parts:
// - its metadata, a fixed 31-byte record: u8 kind, u32 ino, i64 atim, mtim, ctim (nanoseconds), u16 mode,
//   little-endian;
// - its content, in chunks of at most CHUNK_SIZE bytes: a file's bytes, a symlink's target, or a directory's
//   entries (per entry: u32 ino, u32 name length, the name's bytes), so a save of a huge file or directory is
//   never one giant value, and a change of times rewrites only the small metadata record.
import { concat } from '../shared/bytes.mjs';

export const FORMAT = 'wasi-polyfill-memfs';
export const VERSION = 1;
export const CHUNK_SIZE = 1 << 20;

const KINDS = ['file', 'directory', 'symlink'];
const META_SIZE = 31;

export class StoreError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'StoreError';
  }
}

/** A fresh name for the state a save leaves a store in. */
export function newStamp() {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`;
}

/** A save refused because the store is no longer in the state the changes build on; MemFS.save then saves in full. */
export function staleError(where) {
  const error = new StoreError(`${where} was changed by another MemFS or page since this one last saved to or loaded`
    + ' from it');
  error.stale = true;
  return error;
}

/** The header a store keeps beside its records; a store holding another format or version is refused. */
export function header() {
  return { format: FORMAT, version: VERSION };
}

export function checkHeader(where, stored) {
  if (stored === undefined || stored === null) {
    return false;
  }
  if (typeof stored !== 'object' || stored.format !== FORMAT) {
    throw new StoreError(`${where} does not hold a wasi-polyfill MemFS (its header is ${JSON.stringify(stored)})`);
  }
  if (stored.version !== VERSION) {
    throw new StoreError(`${where} holds format version ${JSON.stringify(stored.version)}; this build of `
      + `wasi-polyfill reads only version ${VERSION}, so it was neither loaded nor overwritten`);
  }
  return true;
}

export function encodeMeta(record) {
  const bytes = new Uint8Array(META_SIZE);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, KINDS.indexOf(record.type) + 1);
  view.setUint32(1, record.ino, true);
  view.setBigInt64(5, record.atim, true);
  view.setBigInt64(13, record.mtim, true);
  view.setBigInt64(21, record.ctim, true);
  view.setUint16(29, record.mode, true);
  return bytes;
}

/** The metadata record stored for inode `ino`, or a StoreError saying what is wrong with it. */
export function decodeMeta(where, ino, bytes) {
  if (!(bytes instanceof Uint8Array) || bytes.length !== META_SIZE) {
    throw corrupt(where, ino, `its metadata record is not ${META_SIZE} bytes`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const type = KINDS[view.getUint8(0) - 1];
  if (type === undefined || view.getUint32(1, true) !== ino) {
    throw corrupt(where, ino, 'its metadata record names another kind or inode');
  }
  return {
    ino,
    type,
    atim: view.getBigInt64(5, true),
    mtim: view.getBigInt64(13, true),
    ctim: view.getBigInt64(21, true),
    mode: view.getUint16(29, true),
  };
}

/** The bytes a record's content is stored as, or undefined when the save carries only its metadata. */
export function contentOf(record) {
  if (record.type === 'file') {
    return record.data;
  }
  if (record.type === 'symlink') {
    return record.target;
  }
  if (record.names === undefined) {
    return undefined;
  }
  let length = 0;
  for (const name of record.names) {
    length += 8 + name.length;
  }
  const bytes = new Uint8Array(length);
  const view = new DataView(bytes.buffer);
  let at = 0;
  record.names.forEach((name, i) => {
    view.setUint32(at, record.inos[i], true);
    view.setUint32(at + 4, name.length, true);
    bytes.set(name, at + 8);
    at += 8 + name.length;
  });
  return bytes;
}

/** `bytes` cut into CHUNK_SIZE views (no copies); an empty content is no chunk at all. */
export function chunksOf(bytes) {
  const chunks = [];
  for (let at = 0; at < bytes.length; at += CHUNK_SIZE) {
    chunks.push(bytes.subarray(at, Math.min(bytes.length, at + CHUNK_SIZE)));
  }
  return chunks;
}

/** The inode record MemFS.load takes: metadata plus the content its chunks hold. */
export function inodeRecord(where, meta, chunks) {
  chunks.forEach((chunk, i) => {
    if (!(chunk instanceof Uint8Array) || chunk.length === 0 || chunk.length > CHUNK_SIZE
        || (i < chunks.length - 1 && chunk.length !== CHUNK_SIZE)) {
      throw corrupt(where, meta.ino, `its content chunk ${i} is missing or of the wrong size`);
    }
  });
  if (meta.type === 'file') {
    return { ...meta, data: chunks };
  }
  const bytes = concat(chunks);
  if (meta.type === 'symlink') {
    return { ...meta, target: bytes };
  }
  const names = [];
  const inos = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  for (let at = 0; at < bytes.length;) {
    const length = at + 8 <= bytes.length ? view.getUint32(at + 4, true) : -1;
    if (length < 0 || at + 8 + length > bytes.length) {
      throw corrupt(where, meta.ino, 'its directory entries are cut short');
    }
    inos.push(view.getUint32(at, true));
    names.push(bytes.slice(at + 8, at + 8 + length));
    at += 8 + length;
  }
  return { ...meta, names, inos };
}

/**
 * What MemFS.load(store) hands store.read(limits): { maxBytes, maxFileSize }. A store checks what its records
 * declare against them before it reads the content, and each chunk as it comes, so a store holding (or claiming)
 * more than the MemFS takes is refused before its bytes are read. Without limits nothing is checked here.
 */
export class LoadLimits {
  #where;
  #limits;
  #total = 0;

  constructor(where, limits) {
    this.#where = where;
    this.#limits = limits !== null && typeof limits === 'object' && Number.isFinite(limits.maxBytes)
      && Number.isFinite(limits.maxFileSize) ? limits : null;
  }

  /** Before reading: the files' chunk counts, [[ino, count]], against the limits (a chunk holds at least 1 byte). */
  checkDeclared(files) {
    if (this.#limits === null) {
      return;
    }
    let total = 0;
    for (const [ino, count] of files) {
      const least = count === 0 ? 0 : (count - 1) * CHUNK_SIZE + 1;
      if (least > this.#limits.maxFileSize) {
        throw this.#tooLarge(`inode ${ino}: its ${count} content chunks hold at least ${least} bytes, more than the `
          + `MemFS's maxFileSize (${this.#limits.maxFileSize})`);
      }
      total += least;
    }
    if (total > this.#limits.maxBytes) {
      throw this.#tooLarge(`its files hold at least ${total} bytes, more than the MemFS's maxBytes `
        + `(${this.#limits.maxBytes})`);
    }
  }

  /**
   * Before (or, where the size is known only then, right after) reading a chunk: its length, counted when it is a
   * file's.
   */
  checkChunk(ino, index, length, ofFile) {
    if (length > CHUNK_SIZE) {
      throw corrupt(this.#where, ino, `its content chunk ${index} is missing or of the wrong size`);
    }
    this.#total += ofFile ? length : 0;
    if (this.#limits !== null && this.#total > this.#limits.maxBytes) {
      throw this.#tooLarge(`its files hold more than the MemFS's maxBytes (${this.#limits.maxBytes})`);
    }
  }

  #tooLarge(what) {
    return new StoreError(`${this.#where}: ${what}; nothing was loaded`);
  }
}

function corrupt(where, ino, what) {
  return new StoreError(`${where} is corrupt: inode ${ino}: ${what}; nothing was loaded`);
}

/** A browser storage failure as a StoreError that says what it means for the save or load. */
export function storageError(where, operation, error) {
  const name = error?.name;
  if (name === 'QuotaExceededError') {
    return new StoreError(`${where}: the browser's storage quota is exceeded; the ${operation} did not happen`
      + ' (nothing was written)', { cause: error });
  }
  if (error instanceof StoreError) {
    return error;
  }
  return new StoreError(`${where}: the ${operation} failed: ${name ?? 'Error'}: ${error?.message ?? error}`,
    { cause: error });
}
