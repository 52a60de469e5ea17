import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startPromising } from './promising.mjs';

/** Runs f with WebAssembly.promising as a stand-in that wraps a function's result in a promise. */
async function withPromising(f) {
  const original = WebAssembly.promising;
  WebAssembly.promising = (entry) => async (...args) => entry(...args);
  try {
    return await f();
  } finally {
    if (original === undefined) {
      delete WebAssembly.promising;
    } else {
      WebAssembly.promising = original;
    }
  }
}

test('an entry that returns settles with null', async () => {
  const settled = await withPromising(() => startPromising(() => 0, (box) => ({ box })));
  assert.deepEqual(settled, { box: null });
});

test('an entry that throws settles with what it threw, boxed', async () => {
  const exit = Object.assign(new Error('exit'), { name: 'WASIExitError', code: 1 });
  const settled = await withPromising(() => startPromising(() => {
    throw exit;
  }, (box) => box));
  assert.equal(settled.thrown, exit);
});

test('what settle throws rejects the start', async () => {
  const failure = new Error('exit code 1');
  await withPromising(() => assert.rejects(startPromising(() => 0, () => {
    throw failure;
  }), (e) => e === failure));
});
