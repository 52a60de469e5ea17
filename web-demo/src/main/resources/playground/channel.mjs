// The memory the page and a guest's worker share while the guest runs (it needs cross-origin isolation):
// - a hand-over slot for standard input: the page puts a typed line there, the guest, blocked in its read, takes it;
// - a ring of output records (stdout and stderr in the order written) that the page drains once per animation
//   frame, however many small writes the guest makes; when the ring is full, the guest's next write waits, so a
//   guest printing faster than the terminal draws is slowed down instead of piling up memory.
//
// Layout: eight Int32 cells (input state, input length, ring head, ring tail), the input slot, then the ring.
// Head and tail count bytes written and read, wrapping at 2^32; a record is fd (1 byte), length (4 bytes, little
// endian), then the bytes, and may wrap around the ring's end.

import { concat } from './wasi-polyfill/shared/bytes.mjs';

const STATE = 0;
const LENGTH = 1;
const HEAD = 2;
const TAIL = 3;
const CELLS_BYTES = 32;

const EMPTY = 0;
const DATA = 1;
const END = 2;

/** How many bytes one hand-over carries; a longer line goes over in pieces. */
export const INPUT_CAPACITY = 64 * 1024;

const RING_BYTES = 1 << 20;
const RING_MASK = RING_BYTES - 1;
const RECORD_HEADER = 5;
const MAX_RECORD = RING_BYTES / 4;

export class Channel {
  /** A new channel (on the page), or the worker's view of the page's buffer. */
  constructor(buffer = new SharedArrayBuffer(CELLS_BYTES + INPUT_CAPACITY + RING_BYTES)) {
    this.buffer = buffer;
    this.cells = new Int32Array(buffer, 0, CELLS_BYTES / 4);
    this.input = new Uint8Array(buffer, CELLS_BYTES, INPUT_CAPACITY);
    this.ring = new Uint8Array(buffer, CELLS_BYTES + INPUT_CAPACITY, RING_BYTES);
    this.header = new Uint8Array(RECORD_HEADER);
    this.headerView = new DataView(this.header.buffer);
    this.position = 0; // the worker's head, or the page's tail
  }

  /** Page: hands bytes (or null for end of file) to the guest; false while the previous hand-over is unread. */
  offerInput(chunk) {
    if (Atomics.load(this.cells, STATE) !== EMPTY) return false;
    if (chunk === null) {
      Atomics.store(this.cells, STATE, END);
    } else {
      this.input.set(chunk);
      Atomics.store(this.cells, LENGTH, chunk.length);
      Atomics.store(this.cells, STATE, DATA);
    }
    Atomics.notify(this.cells, STATE);
    return true;
  }

  /** Worker: blocks until the page hands over input; returns the bytes, or null at end of file. */
  takeInput() {
    while (Atomics.load(this.cells, STATE) === EMPTY) {
      Atomics.wait(this.cells, STATE, EMPTY);
    }
    return this.handOver();
  }

  /** Worker: takeInput for a thread that must not block (a threads kernel's): resolves to the bytes or null. */
  async takeInputAsync() {
    while (Atomics.load(this.cells, STATE) === EMPTY) {
      await Atomics.waitAsync(this.cells, STATE, EMPTY).value;
    }
    return this.handOver();
  }

  handOver() {
    const chunk = Atomics.load(this.cells, STATE) === DATA
      ? this.input.slice(0, Atomics.load(this.cells, LENGTH))
      : null;
    Atomics.store(this.cells, STATE, EMPTY);
    return chunk;
  }

  /** Worker: appends what the guest wrote to fd (1 or 2), waiting while the ring is too full. */
  writeOutput(fd, chunk) {
    for (let offset = 0; offset < chunk.length; offset += MAX_RECORD) {
      const part = chunk.subarray(offset, offset + MAX_RECORD);
      const size = RECORD_HEADER + part.length;
      for (;;) {
        const tail = Atomics.load(this.cells, TAIL);
        if (RING_BYTES - ((this.position - tail) | 0) >= size) break;
        Atomics.wait(this.cells, TAIL, tail, 1000);
      }
      this.header[0] = fd;
      this.headerView.setUint32(1, part.length, true);
      this.put(this.position, this.header);
      this.put(this.position + RECORD_HEADER, part);
      this.position = (this.position + size) | 0;
      Atomics.store(this.cells, HEAD, this.position);
    }
  }

  /**
   * Page: takes up to about maxBytes of output; returns [fd, bytes] pairs, consecutive writes to one fd joined.
   * Frees the space, waking a guest that waits for it.
   */
  readOutput(maxBytes = Infinity) {
    const head = Atomics.load(this.cells, HEAD);
    const runs = [];
    let taken = 0;
    while (this.position !== head && taken < maxBytes) {
      this.take(this.position, this.header);
      const fd = this.header[0];
      const data = new Uint8Array(this.headerView.getUint32(1, true));
      this.take(this.position + RECORD_HEADER, data);
      this.position = (this.position + RECORD_HEADER + data.length) | 0;
      taken += data.length;
      const last = runs[runs.length - 1];
      if (last && last.fd === fd) last.parts.push(data);
      else runs.push({ fd, parts: [data] });
    }
    if (runs.length) {
      Atomics.store(this.cells, TAIL, this.position);
      Atomics.notify(this.cells, TAIL);
    }
    return runs.map(({ fd, parts }) => [fd, parts.length === 1 ? parts[0] : concat(parts)]);
  }

  put(position, bytes) {
    const at = position & RING_MASK;
    const first = Math.min(bytes.length, RING_BYTES - at);
    this.ring.set(first === bytes.length ? bytes : bytes.subarray(0, first), at);
    if (first < bytes.length) this.ring.set(bytes.subarray(first), 0);
  }

  take(position, target) {
    const at = position & RING_MASK;
    const first = Math.min(target.length, RING_BYTES - at);
    target.set(this.ring.subarray(at, at + first));
    if (first < target.length) target.set(this.ring.subarray(0, target.length - first), first);
  }
}
