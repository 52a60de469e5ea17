// Checks the entries an archive reader produced and orders what mounting them will make. An entry is
//   { name, path, type: 'file' | 'directory' | 'symlink' | 'link', mode, mtime, atime, data, target }
// with name as the archive spells it (for messages), path its components, mode the permission bits or null,
// mtime/atime BigInt nanoseconds or null, data the bytes of a file, target a symlink's text or a hard link's
// path components. Nothing here touches the MemFS but to look at the target directory.
import { ArchiveError } from './errors.mjs';
import { utf8 } from './text.mjs';

const MAX_NAME_BYTES = 255;
const MAX_PATH_BYTES = 4096;

/**
 * Splits an archive's name into components: '.' and empty ones dropped, '..' and an absolute name refused.
 * Returns the components, or throws an ArchiveError.
 */
export function components(operation, name) {
  if (name.includes('\0')) {
    throw new ArchiveError(operation, name, 'the name contains a NUL byte');
  }
  if (name.startsWith('/')) {
    throw new ArchiveError(operation, name, 'the name is absolute');
  }
  const parts = [];
  for (const part of name.split('/')) {
    if (part === '..') {
      throw new ArchiveError(operation, name, "the name contains '..'");
    }
    if (part !== '' && part !== '.') {
      if (utf8(part).length > MAX_NAME_BYTES) {
        throw new ArchiveError(operation, name, `a component is longer than ${MAX_NAME_BYTES} bytes`);
      }
      parts.push(part);
    }
  }
  return parts;
}

/**
 * The steps that make the entries below dir, in an order where every parent comes before its children and a hard
 * link after what it links to: [{ path: 'a/b', entry }], implicit parents with entry null. Throws an ArchiveError
 * for a duplicate, a path through a symlink or a file, a hard link to nothing earlier, a path too long, or a
 * name that already exists in dir.
 */
export function plan(operation, fs, dir, entries) {
  const byPath = new Map();
  const steps = [];
  const dirBytes = utf8(dir).length;
  for (const entry of entries) {
    if (entry.path.length === 0) {
      if (entry.type !== 'directory') {
        throw new ArchiveError(operation, entry.name, 'names the target directory itself, but is not a directory');
      }
      continue;
    }
    const key = entry.path.join('/');
    if (dirBytes + 1 + utf8(key).length > MAX_PATH_BYTES) {
      throw new ArchiveError(operation, entry.name, `the path is longer than ${MAX_PATH_BYTES} bytes`);
    }
    for (let depth = 1; depth < entry.path.length; depth++) {
      const parentKey = entry.path.slice(0, depth).join('/');
      const parent = byPath.get(parentKey);
      if (parent === undefined) {
        const implicit = { path: parentKey, entry: null };
        byPath.set(parentKey, implicit);
        steps.push(implicit);
      } else if (parent.entry !== null && parent.entry.type !== 'directory') {
        throw new ArchiveError(operation, entry.name, parent.entry.type === 'symlink'
          ? `the path goes through the symlink '${parentKey}'` : `its parent '${parentKey}' is not a directory`);
      }
    }
    const existing = byPath.get(key);
    if (existing !== undefined) {
      // A directory named after its children (a/b before a/) is fine; any other second name is not.
      if (existing.entry !== null || entry.type !== 'directory') {
        throw new ArchiveError(operation, entry.name, 'duplicate path in the archive');
      }
      existing.entry = entry;
      continue;
    }
    if (entry.type === 'link') {
      const targetKey = entry.target.join('/');
      const original = byPath.get(targetKey);
      if (original === undefined || original.entry === null || original.entry.type === 'directory') {
        throw new ArchiveError(operation, entry.name,
          `a hard link to '${targetKey}', which is no earlier file or symlink in the archive`);
      }
      entry.linksTo = original.entry.type === 'link' ? original.entry.linksTo : targetKey;
    }
    const step = { path: key, entry };
    byPath.set(key, step);
    steps.push(step);
  }
  for (const step of steps) {
    if (!step.path.includes('/') && lexists(fs, join(dir, step.path))) {
      throw new ArchiveError(operation, step.entry ? step.entry.name : step.path,
        `'${join(dir, step.path)}' already exists in the MemFS`);
    }
  }
  return steps;
}

/** A path below dir, an absolute MemFS path without a trailing slash ('/' for the root). */
export function join(dir, path) {
  return dir === '/' ? `/${path}` : `${dir}/${path}`;
}

/** Whether anything, a dangling symlink included, has this name. */
export function lexists(fs, path) {
  try {
    fs.lstat(path);
    return true;
  } catch (e) {
    if (e.code === 'ENOENT' || e.code === 'ENOTDIR') {
      return false;
    }
    throw e;
  }
}
