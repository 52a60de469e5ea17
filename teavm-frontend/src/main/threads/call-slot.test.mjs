import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { CallSlot, SLOT_BYTES } from './call-slot.mjs';

// A worker thread makes calls through its slot, as a guest thread does; this thread serves them as the kernel does.
const CALLER = `
  const { workerData, parentPort } = require('node:worker_threads');
  import(workerData.module).then(({ CallSlot }) => {
    const slot = new CallSlot(workerData.buffer, workerData.offset);
    const results = [slot.call(3, [1, 2n ** 40n + 5n, -7]), slot.call(4, []), slot.call(5, [0xffffffff])];
    parentPort.postMessage(results);
  });`;

test('calls cross with their numbers and BigInts, and each answer wakes its caller', async () => {
  const buffer = new SharedArrayBuffer(2 * SLOT_BYTES);
  const slot = new CallSlot(buffer, SLOT_BYTES);
  const worker = new Worker(CALLER, {
    eval: true, workerData: { buffer, offset: SLOT_BYTES, module: new URL('./call-slot.mjs', import.meta.url).href },
  });
  const seen = [];
  const done = new Promise((resolve) => worker.once('message', resolve));
  for (let i = 0; i < 3; i++) {
    while (!slot.called()) await slot.changed();
    seen.push([slot.index(), slot.args()]);
    slot.answer(10 + i);
  }
  assert.deepEqual(await done, [10, 11, 12]);
  assert.deepEqual(seen, [[3, [1, 2n ** 40n + 5n, -7]], [4, []], [5, [0xffffffff]]]);
  await worker.terminate();
});
