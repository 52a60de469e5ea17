// Walks a MemFS directory into the entries an archive writer takes, parents before children, in readdir order.
import { join } from './plan.mjs';

/**
 * The entries below dir: { name (relative), type, mode, mtime, atime, data, target }. A file seen again under
 * another name (the same ino) is a 'link' whose target is its first name, and whose data are its bytes for writers
 * without hard links.
 */
export function collect(fs, dir) {
  const entries = [];
  const firstNames = new Map();
  const walk = (path, prefix) => {
    for (const name of fs.readdir(path)) {
      const childPath = join(path, name);
      const relative = prefix === '' ? name : `${prefix}/${name}`;
      const stat = fs.lstat(childPath);
      const entry = {
        name: relative, type: stat.type, mode: stat.mode & 0o7777, mtime: stat.mtimeNs, atime: stat.atimeNs,
        data: null, target: null,
      };
      if (stat.type === 'directory') {
        entries.push(entry);
        walk(childPath, relative);
        continue;
      }
      const first = stat.nlink > 1 ? firstNames.get(stat.ino) : undefined;
      if (first !== undefined) {
        entry.type = 'link';
        entry.target = first.name;
        entry.data = first.data;
      } else if (stat.type === 'symlink') {
        entry.target = fs.readlink(childPath);
      } else if (stat.type === 'file') {
        entry.data = fs.readFile(childPath);
      } else {
        continue;
      }
      if (stat.nlink > 1 && first === undefined) {
        firstNames.set(stat.ino, entry);
      }
      entries.push(entry);
    }
  };
  walk(dir, '');
  return entries;
}
