// Runs one conformance guest with the polyfill's WASI API. Shared by every engine: Node imports it in a worker
// thread (node-worker.mjs), browsers in the runner page (page.mjs). Nothing here is engine-specific.
//
// A case is guests/<name>.wasm plus guests/<name>.json:
//   { "args": [...], "env": {...}, "stdin": "text" (optional), "preopens": { guestPath: memfsPath }, "exitCode": n,
//     "limits": { "maxOpenFiles": n, "maxBytes": n, "maxFileSize": n } (optional, each optional) }
// where a preopen's memfsPath may also be { "path": memfsPath, "readOnly": true }.
// The result is { exitCode, stdout, stderr, error }: stdout and stderr are base64 of the exact bytes written,
// exitCode is null and error a message when the run threw (a trap, a missing import, ...).

/** Fetches guests/<name>.{wasm,json} below baseUrl and runs the case. */
export async function runCase(polyfill, baseUrl, name) {
  let wasm;
  let spec;
  try {
    [wasm, spec] = await Promise.all([
      fetchOk(new URL(`guests/${name}.wasm`, baseUrl)).then((r) => r.arrayBuffer()),
      fetchOk(new URL(`guests/${name}.json`, baseUrl)).then((r) => r.json()),
    ]);
  } catch (e) {
    return failure(`could not load case ${name}: ${describe(e)}`);
  }
  return runGuest(polyfill, new Uint8Array(wasm), spec);
}

/**
 * Runs a guest in a fresh MemFS (each preopen's MemFS path created as an empty directory). A guest that
 * imports wasi_snapshot_preview1 runs with new WASI(...).getImportObject(); one importing wasi_unstable
 * alone with version 'unstable'; one importing both through WASI.run, which picks the namespaces from
 * the module's imports.
 */
export async function runGuest({ WASI, MemFS }, wasm, spec) {
  const stdout = [];
  const stderr = [];
  const result = (exitCode, error) => ({
    exitCode,
    stdout: toBase64(concat(stdout)),
    stderr: toBase64(concat(stderr)),
    error,
  });
  try {
    const preopens = spec.preopens ?? {};
    const limits = spec.limits ?? {};
    const fs = new MemFS({ maxBytes: limits.maxBytes, maxFileSize: limits.maxFileSize });
    for (const preopen of Object.values(preopens)) {
      fs.mkdir(typeof preopen === 'string' ? preopen : preopen.path, { recursive: true });
    }
    const options = {
      version: 'preview1',
      args: spec.args ?? [],
      env: spec.env ?? {},
      fs,
      preopens,
      // The polyfill hands out copies, but copying again costs nothing and protects the transcript.
      stdout: (chunk) => stdout.push(Uint8Array.from(chunk)),
      stderr: (chunk) => stderr.push(Uint8Array.from(chunk)),
      returnOnExit: true,
    };
    if (limits.maxOpenFiles !== undefined) {
      options.maxOpenFiles = limits.maxOpenFiles;
    }
    if (spec.stdin !== undefined) {
      options.stdin = spec.stdin;
    }
    const module = await WebAssembly.compile(wasm);
    const namespaces = new Set(WebAssembly.Module.imports(module).map((i) => i.module));
    if (namespaces.has('wasi_unstable') && namespaces.has('wasi_snapshot_preview1')) {
      return result((await WASI.run(module, options)).exitCode, null);
    }
    if (namespaces.has('wasi_unstable')) {
      options.version = 'unstable';
    }
    const wasi = new WASI(options);
    const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
    const exitCode = wasi.start(instance);
    return result(exitCode, null);
  } catch (e) {
    return result(null, describe(e));
  }
}

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`${url}: HTTP ${response.status}`);
  }
  return response;
}

function failure(error) {
  return { exitCode: null, stdout: '', stderr: '', error };
}

function describe(e) {
  if (e instanceof Error) {
    return `${e.name}: ${e.message}`;
  }
  return `thrown value: ${String(e)}`;
}

function concat(chunks) {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function toBase64(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
