import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cStringBytes } from './strings.mjs';

const signed = (bytes) => Array.from(new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length));

test('an ASCII string gives its bytes', () => {
  assert.deepEqual(Array.from(cStringBytes('/tmp/a.txt')), signed(new TextEncoder().encode('/tmp/a.txt')));
  assert.deepEqual(Array.from(cStringBytes('')), []);
});

test('any other string gives its UTF-8, as signed bytes', () => {
  for (const text of ['é', 'naïve/файл', 'emoji 😀', 'a\u0080b']) {
    const bytes = cStringBytes(text);
    assert.ok(bytes instanceof Int8Array);
    assert.deepEqual(Array.from(bytes), signed(new TextEncoder().encode(text)));
  }
});

test('a lone surrogate becomes U+FFFD, as TextEncoder makes it', () => {
  assert.deepEqual(Array.from(cStringBytes('a\ud800')), signed(new Uint8Array([0x61, 0xef, 0xbf, 0xbd])));
});

test('a string with a NUL, or anything but a string, is refused', () => {
  for (const value of ['a\0b', '\0', 42, null, undefined, new String('a'), ['a']]) {
    assert.equal(cStringBytes(value), null);
  }
});
