// The Web Worker of wasi-polyfill/worker (runInWorker): runs one guest, blocking in Atomics.wait where it waits.
// The page posts { type: 'run', module, options, image, limits, input } once (image: the page MemFS's snapshot as
// MemFS.save gives it; limits: the page MemFS's maxBytes and maxFileSize, which this worker's MemFS takes, so the
// guest meets them here as it would there); this worker posts { type: 'output', fd, chunk } for each write, { type: 'input' } when the guest needs the next chunk of standard input (which the page
// puts into the shared InputSlot), and at the end { type: 'exit', exitCode, image } or { type: 'failure', error,
// image }.
import { WASI, MemFS } from './wasi-polyfill.mjs';
import { InputSlot } from '../shared/input-slot.mjs';
import { saveImage, loadImage, imageBuffers } from './image.mjs';

self.onmessage = ({ data }) => {
  if (data.type === 'run') run(data);
};

async function run({ module, options, image, limits, input }) {
  const fs = new MemFS({ maxBytes: limits.maxBytes, maxFileSize: limits.maxFileSize });
  let result;
  let loaded = false;
  try {
    await loadImage(fs, image);
    loaded = true;
    const stdin = input ? requestedInput(new InputSlot(input)) : options.stdin;
    const wasi = new WASI({
      version: options.version,
      args: options.args,
      env: options.env,
      preopens: options.preopens,
      maxOpenFiles: options.maxOpenFiles,
      fs,
      stdin,
      stdout: (chunk) => post({ type: 'output', fd: 1, chunk }, wholeBuffer(chunk)),
      stderr: (chunk) => post({ type: 'output', fd: 2, chunk }, wholeBuffer(chunk)),
      returnOnExit: true,
    });
    const instance = new WebAssembly.Instance(module, wasi.getImportObject());
    result = { type: 'exit', exitCode: wasi.start(instance) };
  } catch (e) {
    result = { type: 'failure', error: describe(e) };
  }
  // A tree that never arrived is not sent back: the page's MemFS stays as it was.
  let saved = null;
  try {
    if (loaded) saved = await saveImage(fs);
  } catch (e) {
    result = { type: 'failure', error: describe(e) };
  }
  post({ ...result, image: saved }, saved ? imageBuffers(saved) : []);
}

/**
 * Standard input pulled from the page: the core's stdin callback, which asks the page for the next chunk once and
 * blocks until it is in the slot (null at end of file). Its waitReadable(ms) is the one thing the core's
 * poll_oneoff needs of this platform: wait up to ms for that chunk, true once it is there (or the input ended).
 */
function requestedInput(slot) {
  let requested = false;
  let ended = false;
  const waitReadable = (timeoutMs) => {
    if (ended) return true;
    if (!requested) {
      requested = true;
      post({ type: 'input' });
    }
    return slot.waitFilled(timeoutMs);
  };
  const read = () => {
    if (ended) return null;
    waitReadable(Infinity);
    requested = false;
    const chunk = slot.take();
    if (chunk === null) ended = true;
    return chunk;
  };
  read.waitReadable = waitReadable;
  return read;
}

function post(message, transfer = []) {
  self.postMessage(message, transfer);
}

function wholeBuffer(chunk) {
  return chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength ? [chunk.buffer] : [];
}

/** What the page needs to rebuild the error: its class name, message and stack (and a WASIExitError's code). */
function describe(e) {
  if (e instanceof Error) {
    return { name: e.name, message: e.message, stack: e.stack, code: e.code };
  }
  return { name: 'Error', message: String(e) };
}
