/**
 * What MemFS.stat and lstat return: shaped after Node's fs.Stats (sizes and times as numbers, the
 * is...() tests on the prototype), plus `type` and the exact nanosecond times as BigInts.
 */
export class Stats {
  constructor(type, size, ino, nlink, atimeNs, mtimeNs, ctimeNs) {
    this.type = type;
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
