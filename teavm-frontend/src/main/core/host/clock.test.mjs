import { test } from 'node:test';
import assert from 'node:assert/strict';
import { smallestStep } from './clock.mjs';

/** A clock that gives the times in turn, then stays at the last. */
const ticking = (...times) => () => (times.length > 1 ? times.shift() : times[0]);

test('the smallest step seen over the ticks is the resolution', () => {
  assert.equal(smallestStep(ticking(0, 0.25, 0.25, 0.75, 0.875, 1.25, 6)), 0.125);
});

test('it stops after 16 steps', () => {
  const times = Array.from({ length: 40 }, (_, i) => (i < 17 ? i * 0.25 : 4 + (i - 16) * 0.001));
  assert.equal(smallestStep(ticking(...times)), 0.25);
});

test('it stops once about 5 ms have passed', () => {
  assert.equal(smallestStep(ticking(10, 10, 10, 15.5, 15.75)), 5.5);
  let calls = 0;
  assert.equal(smallestStep(() => (calls++ < 1000 ? 0 : 100)), 100);
});

test('by default it reads performance.now()', () => {
  const step = smallestStep();
  assert.ok(step > 0 && step <= 5, String(step));
});
