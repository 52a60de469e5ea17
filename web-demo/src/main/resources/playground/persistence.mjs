// Keeps the user's files across reloads. The page's file tree is mirrored into a MemFS, which is saved to
// IndexedDB (wasi-polyfill/persist) a moment after each change: an edit, an upload, a finished run. Only the
// files that differ from the mirror are written into it, so each save writes only what changed. On load the
// saved tree comes back; without one (a first visit, or storage the browser refuses) the samples are used.
import { MemFS } from './wasi-polyfill/wasi-polyfill.mjs';
import { openIndexedDbStore } from './wasi-polyfill/persist.mjs';
import { readTree } from './wasi-polyfill/worker.mjs';

const STORE_NAME = 'wasi-playground-files';
const SAVE_DELAY_MS = 300;

export class Persistence {
  #store;
  #mirror = new MemFS();
  #timer = null;
  #pending = null;
  #saving = Promise.resolve();

  constructor(store, onError) {
    this.#store = store;
    this.onError = onError;
  }

  /** The playground's store, or null (with the reason passed to onError) where IndexedDB is unavailable. */
  static async open(onError) {
    try {
      return new Persistence(await openIndexedDbStore(STORE_NAME), onError);
    } catch (error) {
      onError(error);
      return null;
    }
  }

  /** The saved tree as file-tree entries, or null when nothing is saved. */
  async restore() {
    if (!(await this.#mirror.load(this.#store))) {
      return null;
    }
    return readTree(this.#mirror);
  }

  /** Saves `entries()` (the tree as it then is) once changes have paused for a moment. */
  schedule(entries) {
    clearTimeout(this.#timer);
    this.#pending = entries;
    this.#timer = setTimeout(() => this.flush(), SAVE_DELAY_MS);
  }

  /** Saves what is scheduled now; resolves when every save so far has ended. */
  flush() {
    clearTimeout(this.#timer);
    const entries = this.#pending;
    this.#pending = null;
    if (entries) {
      this.#saving = this.#saving.then(() => {
        mirror(this.#mirror, entries());
        return this.#mirror.save(this.#store);
      }).catch((error) => this.onError(error));
    }
    return this.#saving;
  }
}

/** Makes the MemFS hold exactly `entries`, touching only what differs. */
function mirror(fs, entries) {
  const wanted = new Map(entries.map((entry) => [entry.path, entry]));
  // Children come after their parents in readTree's list: walked backwards, a directory is empty when reached.
  for (const have of readTree(fs).reverse()) {
    const want = wanted.get(have.path);
    if (!want || want.type !== have.type || (want.type === 'symlink' && want.target !== have.target)) {
      if (have.type === 'directory') fs.rmdir(have.path);
      else fs.unlink(have.path);
    }
  }
  for (const entry of entries) {
    const exists = fs.exists(entry.path) || entry.type === 'symlink' && isLink(fs, entry.path);
    if (entry.type === 'directory' && !exists) {
      fs.mkdir(entry.path);
    } else if (entry.type === 'symlink' && !exists) {
      fs.symlink(entry.target, entry.path);
    } else if (entry.type === 'file' && (!exists || !equal(fs.readFile(entry.path), entry.data))) {
      fs.writeFile(entry.path, entry.data);
      if (entry.mtime) fs.utimes(entry.path, new Date(entry.mtime), new Date(entry.mtime));
    }
  }
}

function isLink(fs, path) {
  try {
    return fs.lstat(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function equal(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}
