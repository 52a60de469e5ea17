import type { MemFSChanges, MemFSInodeRecord, MemFSStore } from './index.js';

/** The stored format this build reads and writes; a store holding another is refused, never overwritten. */
export const FORMAT_VERSION: number;
/** File contents, symlink targets and directory entries are stored in chunks of at most this many bytes. */
export const CHUNK_SIZE: number;

/** A store's failure: quota exceeded, blocked database, corrupt or unknown-version content. */
export class StoreError extends Error {
  /** True when a save was refused because the store changed since this MemFS last saved to or loaded from it. */
  stale?: boolean;
}

/** What a store's write() resolves to: the new state's stamp and how many records it wrote or removed. */
export interface WriteResult {
  stamp: string;
  inodes: number;
  chunks: number;
  deleted: number;
}

export interface PersistentStore extends MemFSStore {
  write(changes: MemFSChanges): Promise<WriteResult>;
  /** Refuses (a StoreError) a snapshot past the limits from its chunk counts before reading its content. */
  read(limits?: { maxBytes: number; maxFileSize: number }): Promise<{ stamp: string; inodes: MemFSInodeRecord[] } | null>;
  /** Empties the store: the next load finds nothing, and the next save to it is a full one. */
  clear(): Promise<void>;
  close(): void;
}

/** A store in the IndexedDB database `name` (created when missing); each save is one transaction. */
export function openIndexedDbStore(name: string): Promise<PersistentStore>;

/**
 * A store in the directory `name` of the origin private file system (navigator.storage.getDirectory);
 * rejects where there is none. A save commits by replacing its manifest file.
 */
export function openOpfsStore(name: string): Promise<PersistentStore>;
