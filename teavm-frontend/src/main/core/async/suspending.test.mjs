import { test } from 'node:test';
import assert from 'node:assert/strict';
import { afterWaits, suspending } from './suspending.mjs';

test('a call that would not wait is made at once and returns its result, not a promise', () => {
  const calls = [];
  const imported = afterWaits(() => null, (...args) => {
    calls.push(args);
    return 0;
  });
  assert.equal(imported(3, 100, 1, 200), 0);
  assert.deepEqual(calls, [[3, 100, 1, 200]]);
});

test('a call that would wait awaits each promise named, asking again after each, then makes the call', async () => {
  const asked = [];
  const waits = [Promise.resolve(), Promise.resolve()];
  let made = false;
  const imported = afterWaits((...args) => {
    asked.push(args);
    return waits.shift() ?? null;
  }, () => {
    made = true;
    return 6;
  });
  const result = imported(0, 8, 1, 16);
  assert.ok(result instanceof Promise);
  assert.equal(made, false);
  assert.equal(await result, 6);
  assert.deepEqual(asked, [[0, 8, 1], [0, 8, 1], [0, 8, 1]]);
});

test('a rejected wait rejects the call without making it', async () => {
  const aborted = new Error('aborted');
  let made = false;
  const imported = afterWaits(() => Promise.reject(aborted), () => {
    made = true;
  });
  await assert.rejects(imported(0, 0, 0, 0), (e) => e === aborted);
  assert.equal(made, false);
});

test('the namespace is the plain one with fd_read and poll_oneoff made Suspending', () => {
  const made = [];
  const original = WebAssembly.Suspending;
  WebAssembly.Suspending = function Suspending(f) {
    made.push(f);
    this.f = f;
  };
  try {
    const plain = { fd_read: () => 1, poll_oneoff: () => 2, fd_write: () => 3 };
    const namespace = suspending(plain, () => null, () => null);
    assert.equal(namespace.fd_write, plain.fd_write);
    assert.equal(made.length, 2);
    assert.equal(namespace.fd_read.f(0, 0, 0, 0), 1);
    assert.equal(namespace.poll_oneoff.f(0, 0, 0, 0), 2);
    assert.equal(plain.fd_read(), 1);
  } finally {
    if (original === undefined) {
      delete WebAssembly.Suspending;
    } else {
      WebAssembly.Suspending = original;
    }
  }
});
