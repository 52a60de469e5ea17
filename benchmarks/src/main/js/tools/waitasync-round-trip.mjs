// The threads runtime's round trip with nothing in it: a worker_threads Worker stores a call flag, notifies and
// blocks in Atomics.wait; this (the main) thread waits for it with Atomics.waitAsync, answers and notifies, as
// wasi-polyfill/threads' kernel and call slots do. What a call from a guest thread costs before any WASI work:
// compare with the threads suite's clock-thread row.
//   node src/main/js/tools/waitasync-round-trip.mjs [CALLS]    (default 20000)
import { Worker } from 'node:worker_threads';

const calls = Number(process.argv[2] ?? 20000);
const flag = new Int32Array(new SharedArrayBuffer(4));
const CALLED = 1;
const IDLE = 0;

const worker = new Worker(`
const { workerData, parentPort } = require('node:worker_threads');
const flag = new Int32Array(workerData);
parentPort.once('message', (calls) => {
  const start = performance.now();
  for (let i = 0; i < calls; i++) {
    Atomics.store(flag, 0, ${CALLED});
    Atomics.notify(flag, 0);
    Atomics.wait(flag, 0, ${CALLED});
  }
  parentPort.postMessage(performance.now() - start);
});`, { eval: true, workerData: flag.buffer });

async function serve() {
  for (let served = 0; served < calls;) {
    const waiting = Atomics.waitAsync(flag, 0, IDLE);
    if (waiting.async) await waiting.value;
    if (Atomics.load(flag, 0) === CALLED) {
      Atomics.store(flag, 0, IDLE);
      Atomics.notify(flag, 0);
      served++;
    }
  }
}

serve();
worker.postMessage(calls);
worker.once('message', (ms) => {
  console.log(`Atomics.wait -> waitAsync -> notify round trip: ${((ms * 1e6) / calls).toFixed(0)} ns per call over ${calls}`);
  worker.terminate();
});
