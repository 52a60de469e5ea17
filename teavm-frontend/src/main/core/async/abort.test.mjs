import { test } from 'node:test';
import assert from 'node:assert/strict';
import { abortError, Waits } from './abort.mjs';

const never = new Promise(() => {});

test('the abort error is a WASIAbortError naming its reason, which is its cause', () => {
  const reason = new Error('user pressed stop');
  const error = abortError(reason);
  assert.equal(error.name, 'WASIAbortError');
  assert.equal(error.message, 'WASI: the guest was aborted: Error: user pressed stop');
  assert.equal(error.cause, reason);
  assert.equal(abortError(undefined).message, 'WASI: the guest was aborted');
});

test('a wait resolves when its input does', async () => {
  let arrive;
  const waits = new Waits();
  const waiting = waits.wait(new Promise((resolve) => {
    arrive = resolve;
  }), -1);
  arrive('chunk');
  assert.equal(await waiting, undefined);
  assert.equal(waits.pending.size, 0);
});

test('a wait rejects with what its input rejects with', async () => {
  const failure = new TypeError('bad chunk');
  await assert.rejects(new Waits().wait(Promise.reject(failure), -1), (e) => e === failure);
});

test('a wait with a deadline resolves when the timer fires, without input', async () => {
  assert.equal(await new Waits().wait(null, 0), undefined);
});

test('cancel rejects the wait in progress at once, and a settled wait is no longer cancelled', async () => {
  const waits = new Waits();
  const error = abortError('stop');
  const waiting = waits.wait(never, -1);
  waits.cancel(error);
  await assert.rejects(waiting, (e) => e === error);
  assert.equal(waits.pending.size, 0);
  waits.cancel(error);
});

test('cancel without a wait in progress does nothing', () => {
  new Waits().cancel(new Error('nothing to cancel'));
});

test('the timer of a wait that ended otherwise is cleared, and an hour is not cut short', async () => {
  const waits = new Waits();
  const waiting = waits.wait(Promise.resolve(), 3600e3);
  await waiting;
  const cancelled = waits.wait(never, 1e12);
  waits.cancel(new Error('x'));
  await assert.rejects(cancelled);
});

test('cancel rejects every wait in progress (the threads of one process)', async () => {
  const waits = new Waits();
  const first = waits.wait(new Promise(() => {}), -1);
  const second = waits.wait(null, 60_000);
  const error = new Error('ended');
  waits.cancel(error);
  await assert.rejects(first, (e) => e === error);
  await assert.rejects(second, (e) => e === error);
  assert.equal(waits.pending.size, 0);
});
