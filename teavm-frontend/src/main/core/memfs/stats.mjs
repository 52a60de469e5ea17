/**
 * What MemFS.stat and lstat return: shaped after Node's fs.Stats (sizes and times as numbers, the
 * is...() tests on the prototype, `mode` with its file type bits as Node gives them), plus `type` and
 * the exact nanosecond times as BigInts.
 */
const TYPE_BITS = { file: 0o100000, directory: 0o40000, symlink: 0o120000 };

export class Stats {
  constructor(type, size, ino, nlink, atimeNs, mtimeNs, ctimeNs, permissions) {
    this.type = type;
    this.mode = permissions | (TYPE_BITS[type] || 0);
    this.size = Number(size);
    this.ino = Number(ino);
    this.nlink = Number(nlink);
    this.atimeMs = Number(atimeNs) / 1e6;
    this.mtimeMs = Number(mtimeNs) / 1e6;
    this.ctimeMs = Number(ctimeNs) / 1e6;
    this.atimeNs = atimeNs;
    this.mtimeNs = mtimeNs;
    this.ctimeNs = ctimeNs;
  }

  isFile() {
    return this.type === 'file';
  }

  isDirectory() {
    return this.type === 'directory';
  }

  isSymbolicLink() {
    return this.type === 'symlink';
  }
}
