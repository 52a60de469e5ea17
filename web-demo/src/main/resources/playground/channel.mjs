// The memory the page and a guest's worker share while the guest runs: a line of standard input handed to the
// blocked guest, and a count of the output bytes the page has shown, so that a guest that prints faster than the
// terminal draws waits instead of piling messages up.
//
// Layout: four Int32 cells (state, length, acknowledged output bytes, unused), then the input bytes.

const STATE = 0;
const LENGTH = 1;
const ACKNOWLEDGED = 2;
const HEADER_BYTES = 16;

const EMPTY = 0;
const DATA = 1;
const END = 2;

/** How many bytes one hand-over carries; a longer line goes over in pieces. */
export const INPUT_CAPACITY = 64 * 1024;

/** How far the guest may run ahead of the terminal before its next write waits. */
const OUTPUT_AHEAD_LIMIT = 4 * 1024 * 1024;

export class Channel {
  /** A new channel (on the page), or the worker's view of the page's buffer. */
  constructor(buffer = new SharedArrayBuffer(HEADER_BYTES + INPUT_CAPACITY)) {
    this.buffer = buffer;
    this.cells = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    this.bytes = new Uint8Array(buffer, HEADER_BYTES);
    this.sent = 0;
  }

  /** Page: hands bytes (or null for end of file) to the guest; false while the previous hand-over is unread. */
  offerInput(chunk) {
    if (Atomics.load(this.cells, STATE) !== EMPTY) return false;
    if (chunk === null) {
      Atomics.store(this.cells, STATE, END);
    } else {
      this.bytes.set(chunk);
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
    const chunk = Atomics.load(this.cells, STATE) === DATA
      ? this.bytes.slice(0, Atomics.load(this.cells, LENGTH))
      : null;
    Atomics.store(this.cells, STATE, EMPTY);
    return chunk;
  }

  /** Page: the terminal has drawn this many more output bytes. */
  acknowledgeOutput(count) {
    Atomics.add(this.cells, ACKNOWLEDGED, count);
    Atomics.notify(this.cells, ACKNOWLEDGED);
  }

  /** Worker: counts bytes posted to the page, then waits while the page is too far behind. */
  outputSent(count) {
    this.sent = (this.sent + count) | 0;
    for (;;) {
      const acknowledged = Atomics.load(this.cells, ACKNOWLEDGED);
      if (((this.sent - acknowledged) | 0) <= OUTPUT_AHEAD_LIMIT) return;
      Atomics.wait(this.cells, ACKNOWLEDGED, acknowledged, 1000);
    }
  }
}
