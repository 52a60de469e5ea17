import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describe } from './describe.mjs';

test('each kind of value has its wording', () => {
  const cases = [
    [undefined, 'undefined'],
    [null, 'null'],
    ['abc', 'the string "abc"'],
    ['', 'the string ""'],
    [42, 'the number 42'],
    [NaN, 'the number NaN'],
    [true, 'the boolean true'],
    [5n, 'the bigint 5'],
    [Symbol('s'), 'a symbol'],
    [() => 1, 'a function'],
    [[1, 2], 'an array'],
    [{}, 'an object'],
    [Object.create(null), 'an object'],
    [new Uint8Array(1), 'a Uint8Array'],
    [new ArrayBuffer(1), 'an ArrayBuffer'],
    [Promise.resolve(), 'a Promise'],
    [new (class Options {})(), 'an Options'],
  ];
  for (const [value, wording] of cases) {
    assert.equal(describe(value), wording, String(wording));
  }
});

test('a long string is cut after 40 characters', () => {
  assert.equal(describe('x'.repeat(100)), `the string "${'x'.repeat(40)}"...`);
});

test('a proxy whose getPrototypeOf throws is still described', () => {
  const proxy = new Proxy({}, { getPrototypeOf() { throw new Error('no'); } });
  assert.equal(describe(proxy), 'an object');
});
