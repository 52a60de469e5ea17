// One thread's call slot: a few words of a SharedArrayBuffer through which a guest thread makes an import call
// that the kernel serves. Only the call's index (its place in WebAssembly.Module.imports) and its arguments
// cross; the kernel reads and writes the shared guest memory itself.
//
// Layout (Int32 words): [0] state, [1] import index, [2] argument count, [3] result, [4 .. 4 + MAX_ARGS) the
// kind of each argument (0 a number, 1 a BigInt); then MAX_ARGS 8-byte cells holding the arguments, read as
// Float64 for a number (every i32 is exact in one) and as BigInt64 for a BigInt (an i64).

const STATE = 0;
const INDEX = 1;
const COUNT = 2;
const RESULT = 3;
const KINDS = 4;
const MAX_ARGS = 16;
const CELLS = (KINDS + MAX_ARGS) * 4;

/** The bytes one slot takes, a multiple of 8. */
export const SLOT_BYTES = CELLS + MAX_ARGS * 8;

const IDLE = 0;
const CALLED = 1;
const ANSWERED = 2;

export class CallSlot {
  /** The slot at byte `offset` of `buffer` (a SharedArrayBuffer). */
  constructor(buffer, offset) {
    this.words = new Int32Array(buffer, offset, KINDS + MAX_ARGS);
    this.numbers = new Float64Array(buffer, offset + CELLS, MAX_ARGS);
    this.bigints = new BigInt64Array(buffer, offset + CELLS, MAX_ARGS);
  }

  /** Guest side: posts the call and blocks until the kernel answers; the result (an i32). */
  call(index, args) {
    const { words } = this;
    words[INDEX] = index;
    words[COUNT] = args.length;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      if (typeof arg === 'bigint') {
        words[KINDS + i] = 1;
        this.bigints[i] = arg;
      } else {
        words[KINDS + i] = 0;
        this.numbers[i] = arg;
      }
    }
    Atomics.store(words, STATE, CALLED);
    Atomics.notify(words, STATE);
    while (Atomics.load(words, STATE) === CALLED) Atomics.wait(words, STATE, CALLED);
    const result = words[RESULT];
    Atomics.store(words, STATE, IDLE);
    return result;
  }

  /** Kernel side: whether a call waits to be served. */
  called() {
    return Atomics.load(this.words, STATE) === CALLED;
  }

  /** Kernel side: a promise settled when a call may be waiting (at once when one is). */
  changed() {
    const state = Atomics.load(this.words, STATE);
    if (state === CALLED) return Promise.resolve();
    const wait = Atomics.waitAsync(this.words, STATE, state);
    return wait.async ? wait.value : Promise.resolve();
  }

  /** Kernel side: settles a pending changed(), so that the kernel's loop over this slot can stop. */
  wake() {
    Atomics.notify(this.words, STATE);
  }

  /** Kernel side: the import index of the waiting call. */
  index() {
    return this.words[INDEX];
  }

  /** Kernel side: the waiting call's arguments. */
  args() {
    const { words } = this;
    const count = Math.min(words[COUNT], MAX_ARGS);
    const args = new Array(count);
    for (let i = 0; i < count; i++) args[i] = words[KINDS + i] === 1 ? this.bigints[i] : this.numbers[i];
    return args;
  }

  /** Kernel side: answers the waiting call with `result` and wakes its thread. */
  answer(result) {
    this.words[RESULT] = result | 0;
    Atomics.store(this.words, STATE, ANSWERED);
    Atomics.notify(this.words, STATE);
  }
}
