import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextChunk } from './stdin.mjs';

const bytes = (text) => new TextEncoder().encode(text);

test('a callback is called for the chunk, which is accepted', async () => {
  const accepted = [];
  await nextChunk(() => bytes('a'), null, (chunk) => accepted.push(chunk) > 0);
  assert.deepEqual(accepted, [bytes('a')]);
});

test('a promise the callback returns is awaited', async () => {
  const accepted = [];
  await nextChunk(async () => 'line\n', null, (chunk) => accepted.push(chunk) > 0);
  assert.deepEqual(accepted, ['line\n']);
});

test('what the callback throws rejects, and nothing is accepted', async () => {
  const failure = new Error('no input');
  let asked = false;
  await assert.rejects(nextChunk(() => {
    throw failure;
  }, null, () => {
    asked = true;
    return true;
  }), (e) => e === failure);
  assert.equal(asked, false);
});

test('the callback is not called before the returned promise starts settling', () => {
  let called = false;
  nextChunk(() => {
    called = true;
    return null;
  }, null, () => true);
  assert.equal(called, false);
});

test("a stream's chunks are read until one is accepted, and its end is null", async () => {
  const stream = new ReadableStream({
    start(controller) {
      controller.enqueue(new Uint8Array(0));
      controller.enqueue(bytes('x'));
      controller.close();
    },
  });
  const reader = stream.getReader();
  const seen = [];
  const acceptNonEmpty = (chunk) => {
    seen.push(chunk);
    return chunk === null || chunk.length > 0;
  };
  await nextChunk(null, reader, acceptNonEmpty);
  assert.deepEqual(seen, [new Uint8Array(0), bytes('x')]);
  await nextChunk(null, reader, acceptNonEmpty);
  assert.deepEqual(seen.at(-1), null);
});

test('a value accept refuses by throwing rejects the read', async () => {
  const refusal = new TypeError('not a chunk');
  await assert.rejects(nextChunk(() => 42, null, () => {
    throw refusal;
  }), (e) => e === refusal);
});
