// A MemFS's contents as a flat list of entries, in parent-before-child order, for moving a file tree between
// threads (postMessage): { path, type: 'directory', mtime } | { path, type: 'file', data, mtime } |
// { path, type: 'symlink', target, mtime }. Paths are absolute; the root itself is not listed.

/** Lists everything in a MemFS, with each file's bytes and modification time (ms). */
export function readTree(fs) {
  const entries = [];
  const walk = (dir) => {
    for (const name of fs.readdir(dir)) {
      const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
      const stat = fs.lstat(path);
      if (stat.isDirectory()) {
        entries.push({ path, type: 'directory', mtime: stat.mtimeMs });
        walk(path);
      } else if (stat.isSymbolicLink()) {
        entries.push({ path, type: 'symlink', target: fs.readlink(path), mtime: stat.mtimeMs });
      } else if (stat.isFile()) {
        entries.push({ path, type: 'file', data: fs.readFile(path), mtime: stat.mtimeMs });
      }
    }
  };
  walk('/');
  return entries;
}

/** Adds the entries to a MemFS (an empty one, or one whose paths they do not clash with). */
export function writeTree(fs, entries) {
  for (const entry of entries) {
    if (entry.type === 'directory') fs.mkdir(entry.path, { recursive: true });
    else if (entry.type === 'file') fs.writeFile(entry.path, entry.data);
    else if (entry.type === 'symlink') fs.symlink(entry.target, entry.path);
  }
}

/**
 * Makes a MemFS hold exactly the entries: everything else in it is removed first. Entries whose files would not
 * fit the MemFS's maxBytes or maxFileSize are refused with a RangeError before anything is removed.
 */
export function replaceTree(fs, entries) {
  const { maxBytes, maxFileSize } = fs.usage();
  let total = 0;
  for (const entry of entries) {
    const size = entry.type === 'file' ? entry.data.length : 0;
    total += size;
    if (size > maxFileSize || total > maxBytes) {
      throw new RangeError(`the files (at '${entry.path}', ${total} bytes so far) do not fit the MemFS's `
        + `${size > maxFileSize ? `maxFileSize (${maxFileSize})` : `maxBytes (${maxBytes})`}; it was left as it was`);
    }
  }
  const removeChildren = (dir) => {
    for (const name of fs.readdir(dir)) {
      const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
      if (fs.lstat(path).isDirectory()) {
        removeChildren(path);
        fs.rmdir(path);
      } else {
        fs.unlink(path);
      }
    }
  };
  removeChildren('/');
  writeTree(fs, entries);
}
