import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exitError, withoutStackTraces } from './errors.mjs';

test('an exit error carries the code as a u32 and the mark', () => {
  const mark = Symbol('exit');
  const error = exitError(mark, -1);
  assert.equal(error.name, 'WASIExitError');
  assert.equal(error.code, 4294967295);
  assert.equal(error.message, 'WASI guest exited with code 4294967295');
  assert.equal(error[mark], true);
});

test('errors made while run() runs have no stack frames, and the limit is restored', () => {
  const before = Error.stackTraceLimit;
  let made;
  withoutStackTraces(() => {
    made = new Error('preallocated');
  });
  assert.equal(made.stack, 'Error: preallocated');
  assert.equal(Error.stackTraceLimit, before);
});

test('the limit is restored when run() throws', () => {
  const before = Error.stackTraceLimit;
  assert.throws(() => withoutStackTraces(() => {
    throw new Error('x');
  }));
  assert.equal(Error.stackTraceLimit, before);
});

test('where there is no limit (not V8), run() is called as it is', () => {
  const before = Error.stackTraceLimit;
  delete Error.stackTraceLimit;
  try {
    let ran = false;
    withoutStackTraces(() => {
      ran = true;
    });
    assert.equal(ran, true);
    assert.equal(Error.stackTraceLimit, undefined);
  } finally {
    Error.stackTraceLimit = before;
  }
});
