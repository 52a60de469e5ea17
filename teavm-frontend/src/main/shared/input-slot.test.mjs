import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputSlot, INPUT_CAPACITY } from './input-slot.mjs';

test('a chunk offered is taken whole, and the slot is free again', () => {
  const slot = new InputSlot();
  assert.equal(slot.free, true);
  assert.equal(slot.offer(new TextEncoder().encode('line\n')), 5);
  assert.equal(slot.free, false);
  assert.equal(new TextDecoder().decode(slot.take()), 'line\n');
  assert.equal(slot.free, true);
});

test('a chunk longer than the slot goes over in pieces of INPUT_CAPACITY bytes', () => {
  const slot = new InputSlot();
  const chunk = new Uint8Array(INPUT_CAPACITY + 10).map((_, i) => i & 0xff);
  const taken = slot.offer(chunk);
  assert.equal(taken, INPUT_CAPACITY);
  assert.deepEqual(slot.take(), chunk.subarray(0, INPUT_CAPACITY));
  assert.equal(slot.offer(chunk.subarray(taken)), 10);
  assert.deepEqual(slot.take(), chunk.subarray(INPUT_CAPACITY));
});

test('end of file reads as null and stays', () => {
  const slot = new InputSlot();
  slot.offer(null);
  assert.equal(slot.take(), null);
  assert.equal(slot.take(), null);
  assert.equal(slot.waitFilled(0), true);
});

test('waitFilled gives up after its timeout while nothing is offered', () => {
  const slot = new InputSlot();
  const started = performance.now();
  assert.equal(slot.waitFilled(30), false);
  assert.ok(performance.now() - started >= 29);
});

test('a view of the same buffer (the other thread) sees what one side offers', () => {
  const page = new InputSlot();
  const worker = new InputSlot(page.buffer);
  page.offer(new Uint8Array([1, 2, 3]));
  assert.equal(worker.waitFilled(0), true);
  assert.deepEqual(worker.take(), new Uint8Array([1, 2, 3]));
  assert.equal(page.free, true);
});
