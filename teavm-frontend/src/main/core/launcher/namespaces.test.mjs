import { test } from 'node:test';
import assert from 'node:assert/strict';
import { missingNamespaces } from './namespaces.mjs';
import { fakeHost, moduleImporting, PREVIEW1, UNSTABLE } from './fakes.mjs';

function compiled(...imports) {
  return new WebAssembly.Module(moduleImporting(...imports));
}

/** missingNamespaces with a counting wasiOf over one WASI. */
function missing(module, imports) {
  const host = fakeHost();
  let asked = 0;
  const wasi = host.newWasi({});
  const added = missingNamespaces(host, () => { asked++; return wasi; }, module, imports);
  return { added, asked, wasi };
}

test('a module importing both namespaces gets both, from one WASI', () => {
  const { added, wasi } = missing(compiled(PREVIEW1, UNSTABLE), undefined);
  assert.deepEqual(Object.keys(added), ['wasi_snapshot_preview1', 'wasi_unstable']);
  assert.equal(added.wasi_snapshot_preview1.namespaceOf, wasi);
  assert.equal(added.wasi_unstable.namespaceOf, wasi);
});

test('each namespace is asked for once, however many functions the module imports from it', () => {
  const { added, asked } = missing(compiled(PREVIEW1, ['wasi_snapshot_preview1', 'proc_exit']), null);
  assert.deepEqual(Object.keys(added), ['wasi_snapshot_preview1']);
  assert.equal(asked, 1);
});

test('a namespace the imports already provide is left to them', () => {
  const { added } = missing(compiled(PREVIEW1, UNSTABLE), { wasi_snapshot_preview1: {} });
  assert.deepEqual(Object.keys(added), ['wasi_unstable']);
});

test('nothing missing is null, and no WASI is asked for', () => {
  for (const [module, imports] of [
    [compiled(['env', 'f']), undefined],
    [compiled(PREVIEW1), { wasi_snapshot_preview1: {} }],
    [compiled(), null],
  ]) {
    const { added, asked } = missing(module, imports);
    assert.equal(added, null);
    assert.equal(asked, 0);
  }
});

test('imports that are not an object provide nothing', () => {
  const { added } = missing(compiled(PREVIEW1), 'imports');
  assert.deepEqual(Object.keys(added), ['wasi_snapshot_preview1']);
});
