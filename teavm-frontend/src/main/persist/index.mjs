// wasi-polyfill/persist: stores for MemFS.save(store) and MemFS.load(store), in IndexedDB and in the origin
// private file system. The MemFS hands a store what changed since its last save to it and takes back a
// snapshot; the stores below keep inodes as small metadata records and content chunks (see persist/codec.mjs).
import { IndexedDbStore } from './indexeddb.mjs';
import { OpfsStore } from './opfs.mjs';

export { StoreError, VERSION as FORMAT_VERSION, CHUNK_SIZE } from './codec.mjs';

/** A store in the IndexedDB database `name` (made when missing). */
export function openIndexedDbStore(name) {
  return IndexedDbStore.open(name);
}

/** A store in the directory `name` of the origin private file system (made when missing). */
export function openOpfsStore(name) {
  return OpfsStore.open(name);
}
