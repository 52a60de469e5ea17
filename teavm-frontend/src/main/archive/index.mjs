// wasi-polyfill/archive: tar and zip images of MemFS directories. Mounting checks the whole archive before it
// makes anything and undoes what it made if the MemFS refuses a part, so a directory gets all of an archive or
// none of it; exporting writes a directory back, hard links kept in tar.
import { collect } from './collect.mjs';
import { Budget } from './budget.mjs';
import { ArchiveError } from './errors.mjs';
import { mountSteps } from './mount.mjs';
import { plan } from './plan.mjs';
import { BytesSource, GunzipSource } from './source.mjs';
import { readTar, startsLikeTar, writeTar } from './tar.mjs';
import { isZip, readZip, writeZip } from './zip.mjs';

export { ArchiveError };

function bytesOf(operation, archive) {
  if (archive instanceof Uint8Array) {
    return archive;
  }
  if (archive instanceof ArrayBuffer) {
    return new Uint8Array(archive);
  }
  if (ArrayBuffer.isView(archive)) {
    return new Uint8Array(archive.buffer, archive.byteOffset, archive.byteLength);
  }
  throw new TypeError(`${operation}: the archive must be a Uint8Array, an ArrayBuffer or a typed array view`);
}

function checkFs(operation, fs) {
  if (fs === null || typeof fs !== 'object' || typeof fs.lstat !== 'function' || typeof fs.usage !== 'function') {
    throw new TypeError(`${operation}: the first argument must be a MemFS`);
  }
}

/** dir without trailing slashes ('/' stays). */
function directoryPath(operation, dir) {
  if (typeof dir !== 'string' || !dir.startsWith('/')) {
    throw new TypeError(`${operation}: the directory must be an absolute path (a string starting with '/')`);
  }
  const trimmed = dir.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

function mount(operation, fs, dir, archive, read) {
  checkFs(operation, fs);
  const target = directoryPath(operation, dir);
  const entries = read(bytesOf(operation, archive), new Budget(operation, fs));
  return mountSteps(operation, fs, target, plan(operation, fs, target, entries));
}

/** A tar's bytes as read: inflated as the reader goes when they are gzip-compressed. */
function tarSource(operation, bytes, budget) {
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? new GunzipSource(operation, bytes, budget) : new BytesSource(bytes);
}

/** Mounts a tar archive (gzip-compressed or not) into dir of fs; returns { entries, bytes }. */
export function mountTar(fs, dir, archive) {
  return mount('mountTar', fs, dir, archive, (bytes, budget) => readTar('mountTar', tarSource('mountTar', bytes,
    budget), budget));
}

/** Mounts a zip archive into dir of fs; returns { entries, bytes }. */
export function mountZip(fs, dir, archive) {
  return mount('mountZip', fs, dir, archive, (bytes, budget) => readZip('mountZip', bytes, budget));
}

/** Mounts a zip, a tar or a gzip-compressed tar, told apart by their first bytes. */
export function mountArchive(fs, dir, archive) {
  const bytes = bytesOf('mountArchive', archive);
  if (isZip(bytes)) {
    return mount('mountArchive', fs, dir, bytes, (b, budget) => readZip('mountArchive', b, budget));
  }
  return mount('mountArchive', fs, dir, bytes, (b, budget) => {
    const source = tarSource('mountArchive', b, budget);
    if (!startsLikeTar(source)) {
      throw new ArchiveError('mountArchive', null, 'neither a zip nor a tar archive');
    }
    return readTar('mountArchive', source, budget);
  });
}

function exported(operation, fs, dir) {
  checkFs(operation, fs);
  const target = directoryPath(operation, dir);
  if (!fs.stat(target).isDirectory()) {
    throw new ArchiveError(operation, null, `'${target}' is not a directory`);
  }
  return collect(fs, target);
}

/** The tree below dir as a tar archive (ustar, with pax headers where ustar cannot hold a name, size or time). */
export function exportTar(fs, dir) {
  return writeTar(exported('exportTar', fs, dir));
}

/** The tree below dir as a zip archive; options.level 0-9 (default 6; 0 stores). Hard links become copies. */
export function exportZip(fs, dir, options = {}) {
  const level = options.level ?? 6;
  if (!Number.isInteger(level) || level < 0 || level > 9) {
    throw new TypeError('exportZip: options.level must be an integer from 0 to 9');
  }
  return writeZip(exported('exportZip', fs, dir), level);
}
