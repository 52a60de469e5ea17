// The hand-over of standard input between a page (or Node's main thread) and the thread a guest blocks in: a
// SharedArrayBuffer with two Int32 cells (state, length) and room for one chunk. The reading side blocks in
// Atomics.wait until the feeding side has put a chunk (or end of file) there.

const STATE = 0;
const LENGTH = 1;
const CELLS_BYTES = 8;

const EMPTY = 0;
export const DATA = 1;
export const END = 2;

/** How many bytes one hand-over carries; a longer chunk goes over in pieces. */
export const INPUT_CAPACITY = 64 * 1024;

export class InputSlot {
  /** A new slot, or a view of one another thread made (its buffer). */
  constructor(buffer = new SharedArrayBuffer(CELLS_BYTES + INPUT_CAPACITY)) {
    this.buffer = buffer;
    this.cells = new Int32Array(buffer, 0, CELLS_BYTES / 4);
    this.bytes = new Uint8Array(buffer, CELLS_BYTES, INPUT_CAPACITY);
  }

  /** Feeding side: true when the last chunk has been taken, so that the next may be offered. */
  get free() {
    return Atomics.load(this.cells, STATE) === EMPTY;
  }

  /** Feeding side: puts at most INPUT_CAPACITY bytes (or null for end of file); returns how many it took. */
  offer(chunk) {
    if (chunk === null) {
      Atomics.store(this.cells, STATE, END);
      Atomics.notify(this.cells, STATE);
      return 0;
    }
    const part = chunk.length > INPUT_CAPACITY ? chunk.subarray(0, INPUT_CAPACITY) : chunk;
    this.bytes.set(part);
    Atomics.store(this.cells, LENGTH, part.length);
    Atomics.store(this.cells, STATE, DATA);
    Atomics.notify(this.cells, STATE);
    return part.length;
  }

  /** Feeding side: blocks (Node's reader thread) until the last chunk has been taken. */
  waitFree() {
    while (Atomics.load(this.cells, STATE) === DATA) {
      Atomics.wait(this.cells, STATE, DATA);
    }
  }

  /** Reading side: waits up to timeoutMs (Infinity: for ever) for a chunk; true when one (or the end) is there. */
  waitFilled(timeoutMs = Infinity) {
    const until = performance.now() + timeoutMs;
    while (Atomics.load(this.cells, STATE) === EMPTY) {
      const left = until - performance.now();
      if (left <= 0) return false;
      Atomics.wait(this.cells, STATE, EMPTY, left);
    }
    return true;
  }

  /** Reading side: blocks until a chunk is there and takes it; null at end of file (which stays). */
  take() {
    this.waitFilled();
    if (Atomics.load(this.cells, STATE) === END) return null;
    const chunk = this.bytes.slice(0, Atomics.load(this.cells, LENGTH));
    Atomics.store(this.cells, STATE, EMPTY);
    Atomics.notify(this.cells, STATE);
    return chunk;
  }
}
