import { concat } from '../../shared/bytes.mjs';
import { describe } from '../../shared/describe.mjs';
import { missingNamespaces } from './namespaces.mjs';
import { copyOptions } from './options.mjs';

const WHO = 'WASI.run';
// The threads runtime, beside this bundle; a variable, so that the bundler leaves the import to run time.
const THREADS_ENTRY = './threads.mjs';

/**
 * WASI.run(source, options): compiles the module first, so that its imports pick the namespaces,
 * runs it with one fresh WASI and resolves to { exitCode, stdout, stderr, fs }; stdout and stderr
 * are the bytes written, or null where the options gave a callback. start may return a promise
 * (a guest that suspends), hence the await. A module importing a memory or wasi.thread-spawn is a wasi-threads
 * program: it goes to the threads runtime (wasi-polyfill/threads), loaded only then.
 */
export async function run(host, source, options) {
  const settings = copyOptions(WHO, options);
  const { module, bytes } = await compile(source);
  if (WebAssembly.Module.imports(module).some((entry) => entry.kind === 'memory' || entry.module === 'wasi')) {
    return (await import(THREADS_ENTRY)).runCompiled(module, await bytes(), options);
  }
  const stdout = settings.stdout === undefined ? collect(settings, 'stdout') : null;
  const stderr = settings.stderr === undefined ? collect(settings, 'stderr') : null;
  const wasi = host.newWasi(settings);
  const imports = missingNamespaces(host, () => wasi, module, null) || {};
  const instance = await WebAssembly.instantiate(module, imports);
  const exitCode = await wasi.start(instance);
  return { exitCode, stdout: stdout && concat(stdout), stderr: stderr && concat(stderr), fs: host.fsOf(wasi) };
}

function collect(settings, stream) {
  const chunks = [];
  settings[stream] = (chunk) => {
    chunks.push(chunk);
  };
  return chunks;
}

/** { module, bytes }: bytes() gives the binary (null for a module given compiled), read only when asked. */
async function compile(given) {
  const source = given !== null && typeof given === 'object' && typeof given.then === 'function' ? await given : given;
  if (typeof source === 'string' || (typeof URL !== 'undefined' && source instanceof URL)) {
    return fromResponse(await fetchUrl(String(source)), String(source));
  }
  if (typeof Response !== 'undefined' && source instanceof Response) {
    return fromResponse(source, source.url);
  }
  if (source instanceof WebAssembly.Module) {
    return { module: source, bytes: () => null };
  }
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) {
    const bytes = source instanceof ArrayBuffer ? new Uint8Array(source)
      : new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
    return { module: await WebAssembly.compile(bytes), bytes: () => bytes };
  }
  throw new TypeError(`${WHO}: expected a URL (string or URL), a Response, an ArrayBuffer, a Uint8Array`
    + ` or a WebAssembly.Module, got ${describe(source)}`);
}

async function fetchUrl(url) {
  try {
    return await fetch(url);
  } catch (e) {
    throw new Error(`${WHO}: could not fetch ${url}: ${(e && e.message) || e}`, { cause: e });
  }
}

// A Response with the wrong Content-Type (not application/wasm) fails compileStreaming with a
// TypeError and is compiled from its bytes instead; compile errors are the module's own.
async function fromResponse(response, url) {
  if (!response.ok) {
    throw new Error(`${WHO}: fetching ${url || 'the Response'} failed with HTTP status ${response.status}`);
  }
  if (typeof WebAssembly.compileStreaming !== 'function') {
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { module: await WebAssembly.compile(bytes), bytes: () => bytes };
  }
  const spare = response.clone();
  try {
    return { module: await WebAssembly.compileStreaming(response), bytes: async () => new Uint8Array(await spare.arrayBuffer()) };
  } catch (e) {
    if (!(e instanceof TypeError)) {
      throw e;
    }
    const bytes = new Uint8Array(await spare.arrayBuffer());
    return { module: await WebAssembly.compile(bytes), bytes: () => bytes };
  }
}
