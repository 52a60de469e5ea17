// Runs one wasi-threads case (conformance guests/threads/<name>: .wasm, .json) through WASI.run, which hands a
// threaded module to wasi-polyfill/threads, in Node.js or on a cross-origin isolated page; ThreadsTest compares
// what this reports with the case's expectations. Shared by node-threads.mjs and page.html.

const decoder = new TextDecoder();
const TIMEOUT_MS = 25_000;

/** The case's stdin option: none, an async function that never answers, or lines given one at a time. */
function stdinOf(spec) {
  if (!spec.stdin) return undefined;
  if (spec.stdin.never) return async () => new Promise(() => {});
  const lines = [...spec.stdin.lines];
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 10));
    return lines.length > 0 ? lines.shift() : null;
  };
}

/**
 * { exitCode, stdout, stderr, error: { name, message } | null, ms } of running `wasm` (bytes or a URL) as `spec` says
 * with `run` (WASI.run, or wasi-polyfill/worker's runInWorker).
 */
export async function runCase(run, MemFS, spec, wasm) {
  const fs = new MemFS();
  for (const path of Object.values(spec.preopens || {})) fs.mkdir(path, { recursive: true });
  const chunks = { stdout: [], stderr: [] };
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error(`timed out after ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  const started = performance.now();
  const result = { exitCode: null, stdout: '', stderr: '', error: null, ms: 0 };
  try {
    const ended = await run(wasm, {
      args: spec.args, env: spec.env || {}, preopens: spec.preopens, fs, stdin: stdinOf(spec),
      stdout: (chunk) => chunks.stdout.push(decoder.decode(chunk)),
      stderr: (chunk) => chunks.stderr.push(decoder.decode(chunk)),
      maxThreads: spec.maxThreads, signal: timeout.signal,
    });
    result.exitCode = ended.exitCode;
  } catch (e) {
    result.error = { name: e && e.name, message: String((e && e.message) || e) };
  } finally {
    clearTimeout(timer);
  }
  result.ms = Math.round(performance.now() - started);
  result.stdout = chunks.stdout.join('');
  result.stderr = chunks.stderr.join('');
  return result;
}
