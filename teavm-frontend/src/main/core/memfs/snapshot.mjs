// The check of a snapshot MemFS.load is given (MemFsImages) before anything of it is restored.

const MAX_U32 = 4294967295;
const MAX_MODE = 0o7777;
const DOT = '46';
const DOT_DOT = '46,46';
const SLASH = 0x2f;

const isBytes = (value) => value instanceof Uint8Array;
const allAre = (array, test) => Array.isArray(array) && array.every((value) => test(value));
const isIno = (value) => Number.isInteger(value) && value >= 1 && value <= MAX_U32;
const isTime = (value) => typeof value === 'bigint' && BigInt.asIntN(64, value) === value;

function wellFormed(record) {
  if (!record || !isIno(record.ino) || !isTime(record.atim) || !isTime(record.mtim) || !isTime(record.ctim)
    || !Number.isInteger(record.mode) || record.mode < 0 || record.mode > MAX_MODE) {
    return false;
  }
  switch (record.type) {
    case 'file':
      return allAre(record.data, isBytes);
    case 'symlink':
      return isBytes(record.target);
    case 'directory':
      return allAre(record.names, isBytes) && allAre(record.inos, isIno) && record.names.length === record.inos.length;
    default:
      return false;
  }
}

/**
 * What is wrong with a snapshot, as a string, or { root, children }: the root's index and, for each directory
 * record, the indices of the records its entries name. A snapshot is a tree of well-formed records: each inode
 * once, the root (inode rootIno) a directory, every entry naming a record other than the root by a valid name
 * unique in its directory, each directory named once, every record reachable from the root.
 */
export function checkSnapshot(snapshot, rootIno) {
  if (!snapshot || !Array.isArray(snapshot.inodes) || typeof snapshot.stamp !== 'string') {
    return 'it is not { stamp, inodes }';
  }
  const records = snapshot.inodes;
  const index = new Map();
  for (let i = 0; i < records.length; i++) {
    if (!wellFormed(records[i])) {
      return `inode record ${i} is malformed`;
    }
    if (index.has(records[i].ino)) {
      return `inode ${records[i].ino} appears twice`;
    }
    index.set(records[i].ino, i);
  }
  const root = index.get(rootIno >>> 0);
  if (root === undefined || records[root].type !== 'directory') {
    return 'the root directory is missing';
  }
  const children = [];
  const reached = new Uint8Array(records.length);
  reached[root] = 1;
  let count = 1;
  const pending = [root];
  while (pending.length > 0) {
    const at = pending.pop();
    const directory = records[at];
    const seen = new Set();
    const kids = [];
    for (let e = 0; e < directory.names.length; e++) {
      const name = directory.names[e];
      const key = name.join();
      const child = index.get(directory.inos[e]);
      if (child === undefined || child === root) {
        return `directory ${directory.ino} names inode ${directory.inos[e]}, which it does not hold`;
      }
      if (!name.length || key === DOT || key === DOT_DOT || name.includes(SLASH) || name.includes(0) || seen.has(key)) {
        return `directory ${directory.ino} has an invalid or repeated name`;
      }
      if (records[child].type === 'directory') {
        if (reached[child]) {
          return `directory ${records[child].ino} has more than one parent`;
        }
        pending.push(child);
      }
      if (!reached[child]) {
        reached[child] = 1;
        count++;
      }
      seen.add(key);
      kids.push(child);
    }
    children[at] = kids;
  }
  if (count !== records.length) {
    return `${records.length - count} inode(s) cannot be reached from the root`;
  }
  return { root, children };
}
