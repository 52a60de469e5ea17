import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { install, uninstall, start } from './install.mjs';
import { fakeHost, moduleImporting, PREVIEW1, UNSTABLE } from './fakes.mjs';

const BYTES = moduleImporting(PREVIEW1, UNSTABLE);
const original = {
  instantiate: WebAssembly.instantiate,
  instantiateStreaming: WebAssembly.instantiateStreaming,
};

beforeEach(() => {
  assert.equal(WebAssembly.instantiate, original.instantiate, 'a test left WebAssembly patched');
});

afterEach(() => {
  uninstall();
  WebAssembly.instantiate = original.instantiate;
  WebAssembly.instantiateStreaming = original.instantiateStreaming;
});

test('install checks the options at once with a WASI of its own, then patches both functions', () => {
  const host = fakeHost();
  install(host, { args: ['a'] });
  assert.equal(host.made.length, 1);
  assert.deepEqual(host.made[0].options, { args: ['a'] });
  assert.notEqual(WebAssembly.instantiate, original.instantiate);
  assert.notEqual(WebAssembly.instantiateStreaming, original.instantiateStreaming);
});

test('options that are not an object are a TypeError, and nothing is patched', () => {
  for (const [options, got] of [[1, 'the number 1'], ['x', 'the string "x"'], [[], 'an array']]) {
    assert.throws(() => install(fakeHost(), options), { name: 'TypeError', message: `install: options must be an object, got ${got}` });
    assert.equal(WebAssembly.instantiate, original.instantiate);
  }
});

test('options the host refuses are its error, and nothing is patched', () => {
  const host = fakeHost();
  host.newWasi = () => { throw new TypeError('WASI: bad option'); };
  assert.throws(() => install(host, {}), { message: 'WASI: bad option' });
  assert.equal(WebAssembly.instantiate, original.instantiate);
});

test('a module missing its WASI namespaces gets a fresh WASI, bound to the instance, that start() runs', async () => {
  const host = fakeHost({ start: () => 4 });
  install(host, { args: ['x'] });
  const { module, instance } = await WebAssembly.instantiate(BYTES);
  assert.ok(module instanceof WebAssembly.Module);
  assert.equal(host.made.length, 2);
  const wasi = host.made[1];
  assert.deepEqual(wasi.options, { args: ['x'] });
  assert.deepEqual(wasi.bound, [instance]);
  assert.equal(start(instance), 4);
  assert.deepEqual(wasi.started, [instance]);
});

test('each instantiation gets its own WASI; a compiled module gives the instance alone', async () => {
  const host = fakeHost();
  install(host, {});
  const module = new WebAssembly.Module(BYTES);
  const first = await WebAssembly.instantiate(module);
  const second = await WebAssembly.instantiate(module, {});
  assert.ok(first instanceof WebAssembly.Instance);
  assert.equal(host.made.length, 3);
  assert.deepEqual(host.made[1].bound, [first]);
  assert.deepEqual(host.made[2].bound, [second]);
});

test('instantiateStreaming takes a Response', async () => {
  const host = fakeHost();
  install(host, {});
  const response = new Response(BYTES, { headers: { 'content-type': 'application/wasm' } });
  const { instance } = await WebAssembly.instantiateStreaming(response);
  assert.deepEqual(host.made[1].bound, [instance]);
});

test('a module given all it imports, or importing no WASI, is left alone and makes no WASI', async () => {
  const host = fakeHost();
  install(host, {});
  const given = { wasi_snapshot_preview1: { fd_write() {} }, wasi_unstable: { fd_write() {} } };
  const { instance } = await WebAssembly.instantiate(BYTES, given);
  await WebAssembly.instantiate(moduleImporting(['env', 'f']), { env: { f() {} } });
  assert.equal(host.made.length, 1);
  assert.throws(() => start(instance), { name: 'TypeError', message: /^start: this instance was not made by/ });
});

test('a second install replaces the options and keeps the originals', async () => {
  const host = fakeHost();
  install(host, { args: ['first'] });
  const patched = WebAssembly.instantiate;
  install(host, { args: ['second'] });
  assert.equal(WebAssembly.instantiate, patched);
  await WebAssembly.instantiate(BYTES);
  assert.deepEqual(host.made.at(-1).options, { args: ['second'] });
  assert.equal(uninstall(), true);
  assert.equal(WebAssembly.instantiate, original.instantiate);
});

test('uninstall restores the originals, then answers false', () => {
  install(fakeHost(), {});
  assert.equal(uninstall(), true);
  assert.equal(WebAssembly.instantiate, original.instantiate);
  assert.equal(WebAssembly.instantiateStreaming, original.instantiateStreaming);
  assert.equal(uninstall(), false);
});

test('two copies of the module share one install: either one uninstalls it to the true originals', async () => {
  const copy = await import(`./install.mjs?copy=${Date.now()}`);
  assert.notEqual(copy.install, install);
  const host = fakeHost();
  install(host, { args: ['one'] });
  copy.install(host, { args: ['two'] });
  const { instance } = await WebAssembly.instantiate(BYTES);
  assert.deepEqual(host.made.at(-1).options, { args: ['two'] });
  assert.equal(copy.start(instance), 0);
  assert.equal(copy.uninstall(), true);
  assert.equal(WebAssembly.instantiate, original.instantiate);
  assert.equal(WebAssembly.instantiateStreaming, original.instantiateStreaming);
  assert.equal(uninstall(), false);
});

test('where instantiateStreaming did not exist, it is not added and uninstall leaves it absent', () => {
  delete WebAssembly.instantiateStreaming;
  install(fakeHost(), {});
  assert.equal(Object.prototype.hasOwnProperty.call(WebAssembly, 'instantiateStreaming'), false);
  uninstall();
  assert.equal(Object.prototype.hasOwnProperty.call(WebAssembly, 'instantiateStreaming'), false);
});

test('start of an instance made while installed still works after uninstall', async () => {
  install(fakeHost({ start: () => 9 }), {});
  const { instance } = await WebAssembly.instantiate(BYTES);
  uninstall();
  assert.equal(start(instance), 9);
});
