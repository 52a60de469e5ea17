// One case in a Node worker thread: see node-runner.mjs.
import { parentPort, workerData } from 'node:worker_threads';
import { runCase } from './run-guest.mjs';

const { polyfillUrl, baseUrl, name } = workerData;
let result;
try {
  const polyfill = await import(polyfillUrl);
  result = await runCase(polyfill, baseUrl, name);
} catch (e) {
  result = { exitCode: null, stdout: '', stderr: '', error: `could not load the polyfill: ${e && e.name}: ${e && e.message}` };
}
parentPort.postMessage(result);
