// The Node side of the runner: reads case names, one per line, on stdin; runs each in a fresh worker thread
// (a fresh polyfill module instance, killed if it exceeds the timeout) and writes one result line per case:
//   @@result {"name": ..., "exitCode": ..., "stdout": base64, "stderr": base64, "error": ...}
// Usage: node node-runner.mjs POLYFILL_MJS BASE_URL TIMEOUT_MS
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const [polyfillPath, baseUrl, timeoutArg] = process.argv.slice(2);
const polyfillUrl = pathToFileURL(polyfillPath).href;
const timeoutMs = Number(timeoutArg);

function runInWorker(name) {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./node-worker.mjs', import.meta.url), {
      workerData: { polyfillUrl, baseUrl, name },
    });
    let settled = false;
    const settle = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    const failure = (error) => ({ exitCode: null, stdout: '', stderr: '', error });
    const timer = setTimeout(() => settle(failure(`timed out after ${timeoutMs} ms`)), timeoutMs);
    worker.on('message', settle);
    worker.on('error', (e) => settle(failure(`${e && e.name}: ${e && e.message}`)));
    worker.on('exit', (code) => settle(failure(`worker exited with code ${code} before reporting a result`)));
  });
}

for await (const line of createInterface({ input: process.stdin })) {
  const name = line.trim();
  if (!name) continue;
  const result = await runInWorker(name);
  process.stdout.write(`@@result ${JSON.stringify({ name, ...result })}\n`);
}
