import { test } from 'node:test';
import assert from 'node:assert/strict';
import { importedMemory, looksThreaded, threadsProblem } from './module-info.mjs';

// Modules written out byte by byte: a few imports, and optionally wasi_thread_start and _start with empty bodies.
const I32 = 0x7f;
const name = (text) => [text.length, ...new TextEncoder().encode(text)];
const section = (id, content) => [id, content.length, ...content];
const spawnImport = [...name('wasi'), ...name('thread-spawn'), 0, 0];
const memoryImport = (module, field, flags, ...limits) => [...name(module), ...name(field), 2, flags, ...limits];

function binary({ imports, entryPoints = false }) {
  const types = [3, 0x60, 1, I32, 1, I32, 0x60, 2, I32, I32, 0, 0x60, 0, 0];
  const bytes = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...section(1, types), ...section(2, [imports.length, ...imports.flat()])];
  if (entryPoints) {
    const spawns = imports.includes(spawnImport) ? 1 : 0;
    bytes.push(...section(3, [2, 1, 2]));
    bytes.push(...section(7, [2, ...name('wasi_thread_start'), 0, spawns, ...name('_start'), 0, spawns + 1]));
    bytes.push(...section(10, [2, 2, 0, 0x0b, 2, 0, 0x0b]));
  }
  return new Uint8Array(bytes);
}

const problem = (bytes) => threadsProblem('run', new WebAssembly.Module(bytes), bytes);

test('the memory import is read with its limits and sharedness, under any name', () => {
  const bytes = binary({ imports: [spawnImport, memoryImport('sys', 'heap', 3, 2, 3)] });
  assert.deepEqual(importedMemory(bytes), { module: 'sys', name: 'heap', initial: 2, maximum: 3, shared: true });
  assert.equal(importedMemory(binary({ imports: [spawnImport] })), null);
  assert.deepEqual(importedMemory(binary({ imports: [memoryImport('env', 'memory', 0, 0x81, 0x01)] })),
    { module: 'env', name: 'memory', initial: 129, maximum: undefined, shared: false });
});

test('a module importing a memory or wasi.thread-spawn looks threaded; a plain preview1 one does not', () => {
  assert.ok(looksThreaded(new WebAssembly.Module(binary({ imports: [spawnImport] }))));
  assert.ok(looksThreaded(new WebAssembly.Module(binary({ imports: [memoryImport('env', 'memory', 0, 1)] }))));
  const fdWrite = [...name('wasi_snapshot_preview1'), ...name('fd_write'), 0, 0];
  assert.ok(!looksThreaded(new WebAssembly.Module(binary({ imports: [fdWrite] }))));
});

test('a complete wasi-threads module has no problem', () => {
  assert.equal(problem(binary({ imports: [spawnImport, memoryImport('sys', 'heap', 3, 2, 3)], entryPoints: true })), null);
});

test('each thing missing is said plainly', () => {
  assert.match(problem(binary({ imports: [memoryImport('env', 'memory', 3, 1, 1)] })),
    /^run: the module imports a shared memory \(env\.memory\) but not wasi\.thread-spawn/);
  assert.match(problem(binary({ imports: [spawnImport, memoryImport('env', 'memory', 1, 1, 1)], entryPoints: true })),
    /imports wasi\.thread-spawn but no shared memory/);
  assert.match(problem(binary({ imports: [spawnImport, memoryImport('env', 'memory', 3, 1, 1)] })),
    /exports no wasi_thread_start function/);
  const other = [...name('env'), ...name('f'), 0, 0];
  assert.match(problem(binary({ imports: [spawnImport, other, memoryImport('env', 'memory', 3, 1, 1)], entryPoints: true })),
    /imports env\.f \(a function\), which no WASI host provides/);
});
