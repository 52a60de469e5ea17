// The Web Worker of wasi-polyfill/worker (runInWorker): runs one guest, blocking in Atomics.wait where it waits.
// The page posts { type: 'run', module, options, files, limits, input } once (limits: the page MemFS's maxBytes
// and maxFileSize, which this worker's MemFS takes, so the guest meets them here as it would there); this worker posts { type: 'output', fd,
// chunk } for each write, { type: 'input' } when the guest needs the next chunk of standard input (which the page
// puts into the shared InputSlot), and at the end { type: 'exit', exitCode, files } or { type: 'failure', error,
// files }.
import { WASI, MemFS } from './wasi-polyfill.mjs';
import { InputSlot } from '../shared/input-slot.mjs';
import { readTree, writeTree, treeBuffers } from './tree.mjs';
import { StdinPoll } from './stdin-poll.mjs';

self.onmessage = ({ data }) => {
  if (data.type === 'run') run(data);
};

function run({ module, options, files, limits, input }) {
  const fs = new MemFS({ maxBytes: limits.maxBytes, maxFileSize: limits.maxFileSize });
  let result;
  try {
    writeTree(fs, files);
    const stdin = input ? new RequestedInput(new InputSlot(input)) : null;
    const wasi = new WASI({
      version: options.version,
      args: options.args,
      env: options.env,
      preopens: options.preopens,
      maxOpenFiles: options.maxOpenFiles,
      fs,
      stdin: stdin ? () => stdin.read() : options.stdin,
      stdout: (chunk) => post({ type: 'output', fd: 1, chunk }, wholeBuffer(chunk)),
      stderr: (chunk) => post({ type: 'output', fd: 2, chunk }, wholeBuffer(chunk)),
      returnOnExit: true,
    });
    const imports = wasi.getImportObject();
    const poll = stdin && imports.wasi_snapshot_preview1 ? new StdinPoll(stdin) : null;
    if (poll) {
      const namespace = imports.wasi_snapshot_preview1;
      imports.wasi_snapshot_preview1 = { ...namespace, poll_oneoff: poll.wrap(namespace.poll_oneoff) };
    }
    const instance = new WebAssembly.Instance(module, imports);
    poll?.bind(instance.exports.memory);
    result = { type: 'exit', exitCode: wasi.start(instance) };
  } catch (e) {
    result = { type: 'failure', error: describe(e) };
  }
  let tree = null;
  try {
    tree = readTree(fs);
  } catch (e) {
    result = { type: 'failure', error: describe(e) };
  }
  post({ ...result, files: tree }, tree ? treeBuffers(tree) : []);
}

/** Standard input pulled from the page: asks for the next chunk once, then blocks until the page has put it. */
class RequestedInput {
  constructor(slot) {
    this.slot = slot;
    this.requested = false;
    this.ended = false;
  }

  /** Asks the page for the next chunk unless already asked, and waits up to timeoutMs; true when it is here. */
  await(timeoutMs) {
    if (this.ended) return true;
    if (!this.requested) {
      this.requested = true;
      post({ type: 'input' });
    }
    return this.slot.waitFilled(timeoutMs);
  }

  /** The next chunk (the core's stdin callback); null at end of file. */
  read() {
    if (this.ended) return null;
    this.await(Infinity);
    this.requested = false;
    const chunk = this.slot.take();
    if (chunk === null) this.ended = true;
    return chunk;
  }
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
