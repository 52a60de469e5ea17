// Types for wasi-polyfill/archive: tar and zip images of MemFS directories.
import type { MemFS } from './index.js';

/** What every archive function throws for a corrupt, hostile or unsupported archive. */
export class ArchiveError extends Error {
  name: 'ArchiveError';
  /** The entry's name as the archive spells it, or null when the archive as a whole is at fault. */
  entry: string | null;
  /** What is wrong, e.g. "CRC-32 mismatch: the data are corrupt". */
  problem: string;
}

export interface MountResult {
  /** The entries made (directories, files, symlinks, hard links; parents an archive only implies not counted). */
  entries: number;
  /** The bytes of the files written. */
  bytes: number;
}

/**
 * Mounts a tar archive (ustar, pax, GNU long names; gzip-compressed or not) into dir, which is made if missing:
 * directories, regular files, symlinks and hard links with their modes and times (pax times to the nanosecond).
 * The whole archive is checked first; a name with '..', an absolute name, a path through a symlink or a file, a
 * duplicate path, a component over 255 bytes or a path over 4096, a bad checksum, a truncation or an entry type
 * other than those four throws an ArchiveError naming the entry, and nothing is made. A name that already exists
 * in dir is refused the same way. Should the MemFS refuse a file (maxBytes, maxFileSize), what was made is removed
 * again and dir's times put back (its ctime excepted), and the ArchiveError names that file.
 */
export function mountTar(fs: MemFS, dir: string, archive: Uint8Array | ArrayBuffer | ArrayBufferView): MountResult;

/**
 * Mounts a zip archive into dir as mountTar does: stored and deflated entries, zip64; unix modes and symlinks from
 * the external attributes (entries made elsewhere get 0o644 and 0o755); times from the NTFS extra field (100 ns),
 * else the extended timestamp (seconds), else the DOS time (local time, 2 s). A bad deflate stream, a CRC-32
 * mismatch, encryption or another compression method is an ArchiveError naming the entry.
 */
export function mountZip(fs: MemFS, dir: string, archive: Uint8Array | ArrayBuffer | ArrayBufferView): MountResult;

/** mountZip or mountTar, by the archive's first bytes (gzip-compressed tar included). */
export function mountArchive(fs: MemFS, dir: string, archive: Uint8Array | ArrayBuffer | ArrayBufferView): MountResult;

/**
 * The tree below dir as a tar archive: ustar headers, with a pax header where ustar cannot hold a name, a link
 * name, a size, an mtime to the nanosecond or an atime other than the mtime. A file with several names is stored
 * once and linked (type '1') from its other names. Ownership is 0/0, as a MemFS has none.
 */
export function exportTar(fs: MemFS, dir: string): Uint8Array;

/**
 * The tree below dir as a zip archive: unix modes and symlinks in the external attributes, times in NTFS
 * (100 ns) and extended timestamp fields and as DOS time; files deflated at options.level (0-9, default 6; 0
 * stores) unless that saves nothing. A zip has no hard links: each name of a file gets its bytes.
 */
export function exportZip(fs: MemFS, dir: string, options?: { level?: number }): Uint8Array;
