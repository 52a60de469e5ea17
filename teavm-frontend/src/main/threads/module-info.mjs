// What a module's binary says about it being a wasi-threads program. WebAssembly.Module.imports names a memory
// import but not its limits or whether it is shared, so the import section is read here.

const THREAD_SPAWN = { module: 'wasi', name: 'thread-spawn' };
const WASI_NAMESPACES = ['wasi_snapshot_preview1', 'wasi_unstable'];

/** Whether a compiled module looks threaded: it imports a memory or wasi.thread-spawn. */
export function looksThreaded(module) {
  return WebAssembly.Module.imports(module).some((entry) => entry.kind === 'memory'
    || (entry.module === THREAD_SPAWN.module && entry.name === THREAD_SPAWN.name));
}

/**
 * { module, name, initial, maximum, shared } of the memory `bytes` imports, or null. Throws on a binary it
 * cannot read (the engine has compiled it already, so that is a bug here, said plainly).
 */
export function importedMemory(bytes) {
  const reader = new Reader(bytes);
  if (reader.u32le() !== 0x6d736100) throw new Error('not a WebAssembly binary');
  reader.u32le();
  while (!reader.done()) {
    const id = reader.byte();
    const size = reader.leb();
    const end = reader.at + size;
    if (id === 2) return memoryIn(reader);
    reader.at = end;
  }
  return null;
}

function memoryIn(reader) {
  const count = reader.leb();
  for (let i = 0; i < count; i++) {
    const module = reader.name();
    const name = reader.name();
    const kind = reader.byte();
    if (kind === 0) {
      reader.leb();
    } else if (kind === 1) {
      reader.byte();
      reader.limits();
    } else if (kind === 2) {
      return { module, name, ...reader.limits() };
    } else if (kind === 3) {
      reader.byte();
      reader.byte();
    } else {
      reader.leb();
      reader.leb();
    }
  }
  return null;
}

class Reader {
  constructor(bytes) {
    this.bytes = bytes;
    this.at = 0;
  }

  done() {
    return this.at >= this.bytes.length;
  }

  byte() {
    if (this.at >= this.bytes.length) throw new Error('the module binary ends early');
    return this.bytes[this.at++];
  }

  u32le() {
    let value = 0;
    for (let i = 0; i < 4; i++) value |= this.byte() << (8 * i);
    return value >>> 0;
  }

  leb() {
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = this.byte();
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
  }

  name() {
    const length = this.leb();
    const text = new TextDecoder().decode(this.bytes.subarray(this.at, this.at + length));
    this.at += length;
    return text;
  }

  limits() {
    const flags = this.byte();
    const initial = this.leb();
    const maximum = flags & 1 ? this.leb() : undefined;
    return { initial, maximum, shared: (flags & 2) !== 0 };
  }
}

/**
 * The problem that stops `module` (its binary `bytes`) running as a wasi-threads program, in words; or null.
 * `who` starts the message.
 */
export function threadsProblem(who, module, bytes) {
  const imports = WebAssembly.Module.imports(module);
  const exports = WebAssembly.Module.exports(module);
  const memory = importedMemory(bytes);
  const spawns = imports.some((entry) => entry.module === THREAD_SPAWN.module && entry.name === THREAD_SPAWN.name);
  if (memory && !spawns) {
    return `${who}: the module imports a ${memory.shared ? 'shared ' : ''}memory (${memory.module}.${memory.name})`
      + ' but not wasi.thread-spawn: it is not a wasi-threads program (build it with --target=wasm32-wasip1-threads)';
  }
  if (!memory || !memory.shared) {
    return `${who}: the module imports wasi.thread-spawn but no shared memory`
      + ' (link it with -Wl,--import-memory,--shared-memory, as --target=wasm32-wasip1-threads does)';
  }
  if (memory.maximum === undefined) {
    return `${who}: the module's shared memory ${memory.module}.${memory.name} declares no maximum`;
  }
  if (!exports.some((entry) => entry.name === 'wasi_thread_start' && entry.kind === 'function')) {
    return `${who}: the module imports wasi.thread-spawn but exports no wasi_thread_start function`;
  }
  if (!exports.some((entry) => entry.name === '_start' && entry.kind === 'function')) {
    return `${who}: the module exports no '_start' function (is it a command module?)`;
  }
  for (const entry of imports) {
    const known = WASI_NAMESPACES.includes(entry.module)
      || (entry.module === THREAD_SPAWN.module && entry.name === THREAD_SPAWN.name)
      || (entry.kind === 'memory' && entry.module === memory.module && entry.name === memory.name);
    if (!known) return `${who}: the module imports ${entry.module}.${entry.name} (a ${entry.kind}), which no WASI host provides`;
  }
  return null;
}

export { THREAD_SPAWN, WASI_NAMESPACES };
