import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Stats } from './stats.mjs';

test('sizes, inode and link count are numbers; times are milliseconds and exact nanoseconds', () => {
  const stats = new Stats('file', 5n, 7n, 1n, 1_500_000n, 2_000_000_123n, 3n, 0o640);
  assert.deepEqual({ ...stats }, {
    type: 'file', mode: 0o100640, size: 5, ino: 7, nlink: 1, atimeMs: 1.5, mtimeMs: 2000.000123, ctimeMs: 0.000003,
    atimeNs: 1_500_000n, mtimeNs: 2_000_000_123n, ctimeNs: 3n,
  });
});

test('the is...() tests answer by type', () => {
  const answers = (type) => {
    const stats = new Stats(type, 0n, 0n, 0n, 0n, 0n, 0n);
    return [stats.isFile(), stats.isDirectory(), stats.isSymbolicLink()];
  };
  assert.deepEqual(answers('file'), [true, false, false]);
  assert.deepEqual(answers('directory'), [false, true, false]);
  assert.deepEqual(answers('symlink'), [false, false, true]);
  assert.deepEqual(answers('unknown'), [false, false, false]);
});

test('mode carries the file type bits as Node gives them', () => {
  const mode = (type, permissions) => new Stats(type, 0n, 0n, 0n, 0n, 0n, 0n, permissions).mode;
  assert.equal(mode('directory', 0o755), 0o40755);
  assert.equal(mode('symlink', 0o777), 0o120777);
  assert.equal(mode('unknown', 0o600), 0o600);
});
