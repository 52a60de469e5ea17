import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timeKind } from './values.mjs';

test('a BigInt or a Date within an i64 of nanoseconds is a time', () => {
  for (const value of [0n, -1n, 2n ** 63n - 1n, -(2n ** 63n), new Date(0), new Date('2024-05-01T12:00:00Z'),
    new Date(-1e12)]) {
    assert.equal(timeKind(value), 1, String(value));
  }
});

test('one beyond an i64, or an invalid Date, is a time that does not fit', () => {
  for (const value of [2n ** 63n, -(2n ** 63n) - 1n, new Date(8.64e15), new Date('not a date')]) {
    assert.equal(timeKind(value), -1, String(value));
  }
});

test('anything else is not a time', () => {
  for (const value of [0, 1.5, '2024-05-01', null, undefined, {}, { getTime: () => 0 }]) {
    assert.equal(timeKind(value), 0, String(value));
  }
});
