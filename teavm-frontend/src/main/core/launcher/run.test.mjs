import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { run } from './run.mjs';
import { fakeHost, moduleImporting, PREVIEW1, UNSTABLE } from './fakes.mjs';

const BYTES = moduleImporting(PREVIEW1, UNSTABLE);
let server;
let base;

before(async () => {
  server = createServer((request, response) => {
    const types = { '/module.wasm': 'application/wasm', '/plain.wasm': 'application/octet-stream' };
    if (types[request.url]) {
      response.writeHead(200, { 'content-type': types[request.url] }).end(BYTES);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});

after(() => new Promise((resolve) => server.close(resolve)));

/** A host whose guest writes "out" and "err" and exits with 3. */
function writingHost() {
  return fakeHost({
    start(wasi) {
      wasi.options.stdout(new Uint8Array([111, 117]));
      wasi.options.stdout(new Uint8Array([116]));
      wasi.options.stderr(new Uint8Array([101, 114, 114]));
      return 3;
    },
  });
}

async function runsFrom(source) {
  const host = writingHost();
  const result = await run(host, source, { args: ['guest'] });
  assert.equal(host.made.length, 1);
  const [wasi] = host.made;
  assert.equal(result.exitCode, 3);
  assert.deepEqual(result.stdout, new Uint8Array([111, 117, 116]));
  assert.deepEqual(result.stderr, new Uint8Array([101, 114, 114]));
  assert.equal(result.fs.fsOf, wasi);
  assert.deepEqual(wasi.options.args, ['guest']);
  assert.ok(wasi.started[0] instanceof WebAssembly.Instance);
  return result;
}

test('a URL string is fetched and compiled', () => runsFrom(`${base}/module.wasm`));

test('a URL object is fetched and compiled', () => runsFrom(new URL('/module.wasm', base)));

test('a URL served without application/wasm is compiled from its bytes', () => runsFrom(`${base}/plain.wasm`));

test('a Response, and a promise of one', async () => {
  await runsFrom(new Response(BYTES, { headers: { 'content-type': 'application/wasm' } }));
  await runsFrom(Promise.resolve(new Response(BYTES)));
});

test('bytes: a Uint8Array, an ArrayBuffer, any view of part of a buffer', async () => {
  await runsFrom(BYTES);
  await runsFrom(BYTES.slice().buffer);
  const padded = new Uint8Array(BYTES.length + 8);
  padded.set(BYTES, 4);
  await runsFrom(new DataView(padded.buffer, 4, BYTES.length));
  await runsFrom(padded.subarray(4, 4 + BYTES.length));
});

test('a compiled module', () => runsFrom(new WebAssembly.Module(BYTES)));

test('the instance gets both namespaces the module imports from its one WASI', async () => {
  const host = fakeHost();
  await run(host, BYTES);
  assert.equal(host.made.length, 1);
});

test('a start that returns a promise is awaited', async () => {
  const host = fakeHost({ start: () => Promise.resolve(7) });
  assert.equal((await run(host, BYTES)).exitCode, 7);
});

test('callbacks given for stdout and stderr get the output, and the result has null for them', async () => {
  const chunks = [];
  const host = writingHost();
  const result = await run(host, BYTES, { stdout: (c) => chunks.push(c), stderr: (c) => chunks.push(c) });
  assert.equal(result.stdout, null);
  assert.equal(result.stderr, null);
  assert.equal(chunks.length, 3);
});

test('the caller\'s options object is not changed', async () => {
  const options = { args: ['a'] };
  await run(writingHost(), BYTES, options);
  assert.deepEqual(options, { args: ['a'] });
});

test('bad sources are TypeErrors naming what was given', async () => {
  const expected = 'WASI.run: expected a URL (string or URL), a Response, an ArrayBuffer, a Uint8Array or a WebAssembly.Module, got ';
  for (const [source, got] of [[42, 'the number 42'], [null, 'null'], [undefined, 'undefined'], [{}, 'an object'],
    [[1], 'an array'], [Promise.resolve(true), 'the boolean true']]) {
    await assert.rejects(run(fakeHost(), source), { name: 'TypeError', message: expected + got });
  }
});

test('options that are not an object are a TypeError, before anything is fetched', async () => {
  for (const [options, got] of [['x', 'the string "x"'], [[], 'an array'], [3, 'the number 3']]) {
    const host = fakeHost();
    await assert.rejects(run(host, `${base}/module.wasm`, options),
      { name: 'TypeError', message: `WASI.run: options must be an object, got ${got}` });
    assert.equal(host.made.length, 0);
  }
});

test('an HTTP error status names the URL and the status', async () => {
  await assert.rejects(run(fakeHost(), `${base}/absent.wasm`),
    { message: `WASI.run: fetching ${base}/absent.wasm failed with HTTP status 404` });
  await assert.rejects(run(fakeHost(), new Response('', { status: 500 })),
    { message: 'WASI.run: fetching the Response failed with HTTP status 500' });
});

test('a failed fetch names the URL and keeps the cause', async () => {
  const closed = createServer();
  await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${closed.address().port}/gone.wasm`;
  await new Promise((resolve) => closed.close(resolve));
  await assert.rejects(run(fakeHost(), url), (e) => {
    assert.match(e.message, new RegExp(`^WASI.run: could not fetch ${url}: `));
    assert.ok(e.cause);
    return true;
  });
});

test('bytes that are not a module reject with the engine\'s CompileError', async () => {
  await assert.rejects(run(fakeHost(), new Uint8Array([1, 2, 3])), WebAssembly.CompileError);
});
