// The page's copy of the guest's filesystem: the source of truth between runs. A run gets a copy of every
// entry (see readTree in wasi-polyfill/worker.mjs) and, when it exits, its whole tree replaces this one; a
// stopped run leaves it untouched.

const encoder = new TextEncoder();

export class FileTree {
  constructor() {
    this.nodes = new Map(); // path -> { type: 'directory' } | { type: 'file', data } | { type: 'symlink', target }
    this.listeners = [];
  }

  onChange(listener) {
    this.listeners.push(listener);
  }

  changed() {
    for (const listener of this.listeners) listener();
  }

  get(path) {
    return path === '/' ? { type: 'directory', mtime: 0 } : this.nodes.get(path);
  }

  has(path) {
    return path === '/' || this.nodes.has(path);
  }

  /** The names in a directory, directories first, then by name. */
  children(dir) {
    const prefix = dir === '/' ? '/' : `${dir}/`;
    const names = [];
    for (const [path, node] of this.nodes) {
      if (path.startsWith(prefix) && !path.slice(prefix.length).includes('/')) {
        names.push({ name: path.slice(prefix.length), path, node });
      }
    }
    const rank = (node) => (node.type === 'directory' ? 0 : 1);
    return names.sort((a, b) => rank(a.node) - rank(b.node) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Every entry, parents before children, for a run (the bytes are copied when posted). */
  entries() {
    return [...this.nodes].sort(([a], [b]) => depth(a) - depth(b) || (a < b ? -1 : 1))
      .map(([path, node]) => ({ path, ...node }));
  }

  /** Takes a finished run's tree as the new contents. */
  replaceAll(entries) {
    this.nodes = new Map(entries.map(({ path, ...node }) => [path, node]));
    this.changed();
  }

  mkdir(path) {
    this.requireFree(path);
    this.nodes.set(path, { type: 'directory', mtime: Date.now() });
    this.changed();
  }

  /** Creates or replaces a file, creating its missing parent directories; data is a string or bytes. */
  writeFile(path, data, { notify = true } = {}) {
    const node = this.nodes.get(path);
    if (node && node.type === 'directory') throw new Error(`${path} is a directory`);
    for (let parent = parentOf(path); parent !== '/'; parent = parentOf(parent)) {
      const existing = this.nodes.get(parent);
      if (!existing) this.nodes.set(parent, { type: 'directory', mtime: Date.now() });
      else if (existing.type !== 'directory') throw new Error(`${parent} is not a directory`);
    }
    const bytes = typeof data === 'string' ? encoder.encode(data) : data;
    this.nodes.set(path, { type: 'file', data: bytes, mtime: Date.now() });
    if (notify) this.changed();
  }

  /** Removes a file, a link, or a directory with everything in it. */
  remove(path) {
    for (const key of [...this.nodes.keys()]) {
      if (key === path || key.startsWith(`${path}/`)) this.nodes.delete(key);
    }
    this.changed();
  }

  /** Moves an entry (and, for a directory, everything in it) to a new path. */
  rename(from, to) {
    if (from === to) return;
    if (to.startsWith(`${from}/`)) throw new Error(`cannot move ${from} into itself`);
    this.requireFree(to);
    const moved = [...this.nodes].filter(([key]) => key === from || key.startsWith(`${from}/`));
    for (const [key] of moved) this.nodes.delete(key);
    for (const [key, node] of moved) this.nodes.set(to + key.slice(from.length), node);
    this.changed();
  }

  requireFree(path) {
    if (this.has(path)) throw new Error(`${path} already exists`);
    const parent = this.get(parentOf(path));
    if (!parent) throw new Error(`${parentOf(path)} does not exist`);
    if (parent.type !== 'directory') throw new Error(`${parentOf(path)} is not a directory`);
  }
}

export function parentOf(path) {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

export function baseName(path) {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function joinPath(dir, name) {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

/** Why a name cannot be a file name, or null when it can. */
export function badName(name) {
  if (!name) return 'a name cannot be empty';
  if (name.includes('/')) return 'a name cannot contain "/"';
  if (name === '.' || name === '..') return `"${name}" is not a name`;
  if (name.includes('\0')) return 'a name cannot contain a NUL character';
  return null;
}

function depth(path) {
  let n = 0;
  for (const c of path) if (c === '/') n++;
  return n;
}
