import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spin, waitCell } from './sleep.mjs';

test('Node may block in Atomics.wait, on a cell of its own', () => {
  const cell = waitCell();
  assert.ok(cell instanceof Int32Array && cell.buffer instanceof SharedArrayBuffer);
  assert.notEqual(waitCell(), cell);
});

test('where Atomics.wait throws (a page\'s main thread) there is no cell', () => {
  const original = Atomics.wait;
  Atomics.wait = () => {
    throw new TypeError('Atomics.wait cannot be called in this context');
  };
  try {
    assert.equal(waitCell(), null);
  } finally {
    Atomics.wait = original;
  }
});

test('spin returns once the clock has passed the end, asking it until then', () => {
  let t = 100;
  let asked = 0;
  spin(3, () => {
    asked++;
    return t++;
  });
  assert.equal(asked, 4);
});
