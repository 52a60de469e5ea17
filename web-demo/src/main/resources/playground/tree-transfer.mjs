// The file tree as a flat list of entries, in parent-before-child order, for moving a MemFS's contents between
// the page and a worker: { path, type: 'directory' } | { path, type: 'file', data } | { path, type: 'symlink',
// target }. Paths are absolute; the root itself is not listed.

/** Fills an empty MemFS with the entries. */
export function writeTree(fs, entries) {
  for (const entry of entries) {
    if (entry.type === 'directory') fs.mkdir(entry.path, { recursive: true });
    else if (entry.type === 'file') fs.writeFile(entry.path, entry.data);
    else if (entry.type === 'symlink') fs.symlink(entry.target, entry.path);
  }
}

/** Lists everything in a MemFS, with each file's bytes and modification time. */
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
