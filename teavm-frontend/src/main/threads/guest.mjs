// The Worker script of wasi-polyfill/threads: runs guest threads of one threaded program, one at a time. Each of
// its import calls (every WASI function, and wasi.thread-spawn) goes to the kernel through this Worker's call
// slot and blocks in Atomics.wait until answered; the memory is the process's shared WebAssembly.Memory.
// Messages in: { type: 'init', module, memory, slots, offset } once, then { type: 'start', tid, arg } for a
// thread (tid 0 runs _start). Out: { type: 'done', tid } when the
// thread returned, { type: 'trap', tid, name, message } when it threw.
import { CallSlot } from './call-slot.mjs';

// In Node.js worker_threads' parentPort; in a browser the Worker's global scope, its handler set before any await.
const inNode = typeof process === 'object' && process !== null && Boolean(process.versions && process.versions.node);
const port = inNode ? (await import('node:worker_threads')).parentPort : self;
const post = (message) => port.postMessage(message);
let setup = null;
let instance = null;
/** The memory's length when `instance` was made. */
let madeAt = 0;

function onMessage(data) {
  if (data.type === 'init') {
    setup = {
      module: data.module,
      memory: data.memory,
      imports: importObject(data.module, data.memory, new CallSlot(data.slots, data.offset)),
    };
    prepare();
  } else if (data.type === 'start') {
    run(data.tid, data.arg);
  }
}

if (inNode) port.on('message', onMessage);
else self.onmessage = (event) => onMessage(event.data);

function importObject(module, memory, slot) {
  const object = {};
  WebAssembly.Module.imports(module).forEach((entry, index) => {
    const namespace = object[entry.module] || (object[entry.module] = {});
    namespace[entry.name] = entry.kind === 'memory' ? memory : (...args) => slot.call(index, args);
  });
  return object;
}

// A fresh instance for the next thread, made while this Worker is idle so that a start need not wait for it.
function prepare() {
  try {
    instance = new WebAssembly.Instance(setup.module, setup.imports);
    madeAt = setup.memory.buffer.byteLength;
  } catch (e) {
    post({ type: 'trap', tid: -1, name: e && e.name, message: String((e && e.message) || e) });
  }
}

function run(tid, arg) {
  // An instance made before another thread grew the memory can trap in memory.copy/fill (which V8 bounds-checks
  // against the instance's own idea of the length) on the new pages: pthread_create put this thread's stack and TLS
  // there. Made again, it sees the memory as it is now.
  if (setup.memory.buffer.byteLength !== madeAt) {
    prepare();
  }
  const { exports } = instance;
  try {
    if (tid === 0) exports._start();
    else exports.wasi_thread_start(tid, arg);
    post({ type: 'done', tid });
  } catch (e) {
    post({ type: 'trap', tid, name: e && e.name, message: String((e && e.message) || e) });
    return;
  }
  prepare();
}
