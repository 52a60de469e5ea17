// wasi-polyfill/node: a synchronous standard input for the core WASI in Node.js, read from the process's own
// stdin (fd 0) by a worker thread that hands each chunk over through a SharedArrayBuffer; the guest's fd_read
// blocks in Atomics.wait until a line is typed (or piped), and end of file (Ctrl-D, a closed pipe) reads as 0.
import { Worker } from 'node:worker_threads';
import { InputSlot, DATA, END } from '../shared/input-slot.mjs';

const WHO = 'wasi-polyfill/node';

/**
 * The reader thread's code (a string, so that no bundler rewrites its require calls). It reads fd 0 with the
 * thread's own event loop (a pipe or socket as a net.Socket, a terminal as a tty.ReadStream, a file as a file
 * stream), never in a blocking read, so that the process can exit while nothing is typed; each chunk goes into
 * the slot (InputSlot's layout: state, length, bytes from offset 8) once the last one has been taken.
 */
const READER = `
const fs = require('node:fs');
const net = require('node:net');
const tty = require('node:tty');
const { workerData } = require('node:worker_threads');
const cells = new Int32Array(workerData.buffer, 0, 2);
const bytes = new Uint8Array(workerData.buffer, 8);
const stat = fs.fstatSync(0);
const stream = tty.isatty(0) ? new tty.ReadStream(0)
  : stat.isFIFO() || stat.isSocket() ? new net.Socket({ fd: 0, readable: true, writable: false })
  : fs.createReadStream(null, { fd: 0, autoClose: false });
// A pending waitAsync does not keep the thread's event loop alive; the timer does, until the chunk is taken.
async function taken() {
  const alive = setInterval(() => {}, 1 << 30);
  while (Atomics.load(cells, 0) === ${DATA}) await Atomics.waitAsync(cells, 0, ${DATA}).value;
  clearInterval(alive);
}
async function hand(chunk) {
  stream.pause();
  for (let at = 0; at < chunk.length;) {
    await taken();
    const part = chunk.subarray(at, at + bytes.length);
    bytes.set(part);
    at += part.length;
    Atomics.store(cells, 1, part.length);
    Atomics.store(cells, 0, ${DATA});
    Atomics.notify(cells, 0);
  }
  stream.resume();
}
let queue = Promise.resolve();
const end = () => {
  queue = queue.then(async () => {
    await taken();
    Atomics.store(cells, 0, ${END});
    Atomics.notify(cells, 0);
  });
};
stream.on('data', (chunk) => { queue = queue.then(() => hand(chunk)); });
stream.on('end', end);
stream.on('error', end);
`;

/**
 * A function to give as the core WASI's stdin option: each call blocks until the next chunk of the process's
 * stdin has been read, and returns it (null at end of file). close() stops the reader thread.
 */
export function nodeStdin() {
  if (typeof process !== 'object' || !process.versions?.node) {
    throw new Error(`${WHO}: nodeStdin() is for Node.js; in a browser use an async stdin (JSPI) or wasi-polyfill/worker`);
  }
  const slot = new InputSlot();
  const reader = new Worker(READER, { eval: true, workerData: { buffer: slot.buffer } });
  // The reader, blocked in its read, must not keep the process alive once the program is done.
  reader.unref();
  let ended = false;
  const stdin = () => {
    if (ended) return null;
    const chunk = slot.take();
    if (chunk === null) ended = true;
    return chunk;
  };
  stdin.close = () => {
    ended = true;
    return reader.terminate();
  };
  return stdin;
}
