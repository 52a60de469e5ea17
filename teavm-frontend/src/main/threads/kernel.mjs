// The kernel of one threaded process: the one WASI (descriptor table, MemFS, stdio) that every guest thread's
// calls are served by, on the thread that started the run. Each guest thread runs in a Worker of its own and
// calls through its CallSlot; the kernel waits on every slot with Atomics.waitAsync, so a call that must wait
// (stdin with nothing buffered, a sleep) waits here as a promise while the other threads' calls go on.
import { CallSlot, SLOT_BYTES } from './call-slot.mjs';
import { THREAD_SPAWN } from './module-info.mjs';

const PREVIEW1 = 'wasi_snapshot_preview1';
/** wasi-threads: thread ids are in [1, 2^29). */
const MAX_TID = 0x1fffffff;
/** thread-spawn's answer past the thread limit: negative, as the ABI asks (wasi-libc makes it EAGAIN). */
const SPAWN_REFUSED = -6;
/** Calls that may have to wait: asked about first (WASI.threadWait), made once nothing is pending. */
const WAITING_CALLS = new Set(['fd_read', 'poll_oneoff']);

export class Kernel {
  /**
   * module: the compiled program; memory: its shared WebAssembly.Memory; wasi: WASI.forThreads over that memory;
   * newWorker: () => a guest Worker (workers.mjs); maxThreads: the most threads alive at once, main included;
   * poolSize: Workers made before _start runs, and the idle ones kept ready afterwards, each with its instance
   * made, so that a spawn seldom waits for a Worker to start.
   */
  constructor({ module, memory, wasi, newWorker, maxThreads, poolSize }) {
    this.module = module;
    this.memory = memory;
    this.wasi = wasi;
    this.newWorker = newWorker;
    this.maxThreads = maxThreads;
    this.poolSize = poolSize;
    this.calls = WebAssembly.Module.imports(module).map((entry) => this.callOf(entry));
    // Every thread alive, and up to poolSize idle Workers besides.
    this.slots = new SharedArrayBuffer(SLOT_BYTES * (maxThreads + poolSize));
    this.workers = [];
    this.free = [];
    this.live = 0;
    this.nextTid = 1;
    this.running = new Map();
    this.ended = false;
    this.result = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    for (let i = 0; i < poolSize; i++) this.free.push(this.addWorker());
  }

  callOf(entry) {
    if (entry.kind !== 'function') return null;
    if (entry.module === THREAD_SPAWN.module && entry.name === THREAD_SPAWN.name) return { spawn: true, name: entry.name };
    const namespace = entry.module === PREVIEW1 ? this.wasi.wasiImport : null;
    const fn = namespace && namespace[entry.name];
    return { name: entry.name, fn, waits: WAITING_CALLS.has(entry.name) };
  }

  /** Runs _start on the first Worker; resolves with the exit code or rejects with the trap. */
  start() {
    this.live = 1;
    this.assign(this.free.shift() || this.addWorker(), 0, 0);
    return this.result;
  }

  addWorker() {
    const index = this.workers.length;
    const worker = this.newWorker();
    const thread = { worker, slot: new CallSlot(this.slots, index * SLOT_BYTES), tid: null };
    worker.onMessage = (message) => this.onMessage(thread, message);
    worker.onError = (error) => this.end(null, error);
    worker.post({ type: 'init', module: this.module, memory: this.memory, slots: this.slots, offset: index * SLOT_BYTES });
    this.workers.push(thread);
    this.serve(thread);
    return thread;
  }

  assign(thread, tid, arg) {
    thread.tid = tid;
    this.running.set(tid, thread);
    thread.worker.post({ type: 'start', tid, arg });
  }

  onMessage(thread, message) {
    if (this.ended) return;
    if (message.type === 'done') {
      if (message.tid === 0) {
        this.exit(null);
        return;
      }
      this.running.delete(message.tid);
      thread.tid = null;
      this.live--;
      this.free.push(thread);
    } else if (message.type === 'trap') {
      this.trap(message.tid, message.message);
    }
  }

  /** wasi.thread-spawn(start_arg): a new thread's tid, or a negative number past the limit. */
  spawn(arg) {
    if (this.live >= this.maxThreads) return SPAWN_REFUSED;
    const tid = this.allocateTid();
    this.live++;
    this.assign(this.free.pop() || this.addWorker(), tid, arg);
    if (this.free.length === 0) setTimeout(() => this.replenish(), 0);
    return tid;
  }

  // Idle Workers for the next spawns, made after this one is answered.
  replenish() {
    const spares = Math.min(this.poolSize, this.maxThreads - this.live);
    while (!this.ended && this.free.length < spares && this.workers.length < this.maxThreads + this.poolSize) {
      this.free.push(this.addWorker());
    }
  }

  allocateTid() {
    while (this.running.has(this.nextTid)) this.nextTid = this.nextTid >= MAX_TID ? 1 : this.nextTid + 1;
    const tid = this.nextTid;
    this.nextTid = tid >= MAX_TID ? 1 : tid + 1;
    return tid;
  }

  // Serves one thread's slot for as long as the process lives.
  async serve(thread) {
    const { slot } = thread;
    while (!this.ended) {
      if (!slot.called()) {
        await slot.changed();
        continue;
      }
      await this.handle(thread);
    }
  }

  async handle(thread) {
    const { slot } = thread;
    const call = this.calls[slot.index()];
    const args = slot.args();
    if (call.spawn) {
      slot.answer(this.spawn(args[0]));
      return;
    }
    if (!call.fn) {
      this.trap(thread.tid, `${call.name}: not provided by this host`);
      return;
    }
    for (;;) {
      const wait = call.waits ? this.wasi.threadWait(PREVIEW1, call.name, args[0], args[1], args[2]) : null;
      if (wait === null) break;
      try {
        await wait;
      } catch (e) {
        this.end(null, e);
      }
      if (this.ended) return;
    }
    let result;
    try {
      result = call.fn(...args);
    } catch (e) {
      this.exit({ thrown: e }, thread.tid);
      return;
    }
    slot.answer(result === undefined ? 0 : result);
  }

  // The process ends: proc_exit (failure = { thrown: its signal }), a call that trapped, or _start returned (null).
  exit(failure, tid) {
    let code;
    try {
      code = this.wasi.threadExit(failure);
    } catch (e) {
      this.trap(tid, (e && e.message) || String(e), e);
      return;
    }
    this.end(code, null);
  }

  trap(tid, message, cause = undefined) {
    try {
      this.wasi.threadExit(null);
    } catch {
      // the consoles are flushed; how the process ends is this trap
    }
    const error = new WebAssembly.RuntimeError(`${tid === 0 ? 'main thread' : `thread ${tid}`}: ${message}`,
      cause === undefined ? undefined : { cause });
    this.end(null, error);
  }

  /** Ends the process: every Worker terminated, whatever it was doing; settles with the code or the error. */
  end(code, error) {
    if (this.ended) return;
    this.ended = true;
    try {
      this.wasi.threadExit(null);
    } catch {
      // ended already by the call that brought us here; what matters is that its waits (timers) are cancelled
    }
    for (const { worker, slot } of this.workers) {
      worker.terminate();
      slot.wake();
    }
    if (error) this.reject(error);
    else this.resolve(code);
  }
}
