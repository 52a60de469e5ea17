import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSnapshot } from './snapshot.mjs';

const name = (text) => new TextEncoder().encode(text);
const times = { atim: 1n, mtim: 2n, ctim: 3n };
const dir = (ino, entries = {}) => ({ ino, type: 'directory', ...times, mode: 0o755,
  names: Object.keys(entries).map(name), inos: Object.values(entries) });
const file = (ino) => ({ ino, type: 'file', ...times, mode: 0o644, data: [name('hello')] });
const link = (ino) => ({ ino, type: 'symlink', ...times, mode: 0o777, target: name('a') });
const snapshot = (...inodes) => ({ stamp: 's', inodes });

// Fixture:
//   / (1)
//   ├── a (2)
//   │   └── f (3)
//   ├── g (3, a hard link of a/f)
//   └── l (4)
test('a tree gives its root and, for each directory, the records its entries name', () => {
  const checked = checkSnapshot(snapshot(file(3), dir(1, { a: 2, g: 3, l: 4 }), dir(2, { f: 3 }), link(4)), 1);
  assert.equal(checked.root, 1);
  assert.deepEqual(checked.children[1], [2, 0, 3]);
  assert.deepEqual(checked.children[2], [0]);
  assert.equal(checked.children[0], undefined);
});

test('what is not { stamp, inodes } is refused as such', () => {
  for (const value of [null, 42, {}, { inodes: [] }, { stamp: 's', inodes: {} }]) {
    assert.equal(checkSnapshot(value, 1), 'it is not { stamp, inodes }');
  }
});

test('a malformed record is named by its index', () => {
  const malformed = [
    { ...file(2), ino: 0 },
    { ...file(2), ino: 2 ** 32 },
    { ...file(2), mtim: 2 },
    { ...file(2), atim: 2n ** 63n },
    { ...file(2), mode: 0o10000 },
    { ...file(2), mode: 1.5 },
    { ...file(2), data: name('not chunks') },
    { ...link(2), target: 'a' },
    { ...dir(2), inos: [3] },
    { ...dir(2, { x: 3 }), names: ['x'] },
    { ...file(2), type: 'fifo' },
    null,
  ];
  for (const record of malformed) {
    assert.equal(checkSnapshot(snapshot(dir(1), record), 1), 'inode record 1 is malformed', JSON.stringify(record, (k, v) => (typeof v === 'bigint' ? String(v) : v)));
  }
});

test('an inode twice, a missing root or a root that is not a directory is refused', () => {
  assert.equal(checkSnapshot(snapshot(dir(1), file(1)), 1), 'inode 1 appears twice');
  assert.equal(checkSnapshot(snapshot(dir(2)), 1), 'the root directory is missing');
  assert.equal(checkSnapshot(snapshot(file(1)), 1), 'the root directory is missing');
});

test('an entry naming a record that is not there, or the root, is refused', () => {
  assert.equal(checkSnapshot(snapshot(dir(1, { x: 9 })), 1), 'directory 1 names inode 9, which it does not hold');
  assert.equal(checkSnapshot(snapshot(dir(1, { up: 1 })), 1), 'directory 1 names inode 1, which it does not hold');
});

test('an empty name, . and .., a name with a slash or a NUL, and a repeated name are refused', () => {
  for (const bad of ['', '.', '..', 'a/b', 'a\0b']) {
    assert.equal(checkSnapshot(snapshot(dir(1, { [bad]: 2 }), file(2)), 1), 'directory 1 has an invalid or repeated name');
  }
  const twice = { ...dir(1), names: [name('x'), name('x')], inos: [2, 3] };
  assert.equal(checkSnapshot(snapshot(twice, file(2), file(3)), 1), 'directory 1 has an invalid or repeated name');
});

test('a directory with two parents, or in a cycle, is refused', () => {
  assert.equal(checkSnapshot(snapshot(dir(1, { a: 2, b: 2 }), dir(2)), 1), 'directory 2 has more than one parent');
  assert.equal(checkSnapshot(snapshot(dir(1, { a: 2 }), dir(2, { self: 2 })), 1), 'directory 2 has more than one parent');
});

test('records the root does not reach are counted', () => {
  assert.equal(checkSnapshot(snapshot(dir(1), file(2), dir(3, { f: 2 })), 1), '2 inode(s) cannot be reached from the root');
});

test('the root inode is taken as a u32', () => {
  assert.equal(checkSnapshot(snapshot(dir(4294967295)), -1).root, 0);
});
