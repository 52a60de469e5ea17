// A guest thread under @emnapi/wasi-threads (emnapi.mjs): its own node:wasi over the same descriptors and
// sandbox, an instance of the module over the shared memory, driven by emnapi's ThreadMessageHandler.
import { WASI } from 'node:wasi';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const { modulePath, args, settings } = workerData;
const { ThreadMessageHandler, WASIThreads } = await import(pathToFileURL(modulePath).href);
const postMessage = (message) => parentPort.postMessage(message);

const handler = new ThreadMessageHandler({
  postMessage,
  onLoad({ wasmModule, wasmMemory }) {
    const wasi = new WASI({ version: 'preview1', args, env: {}, returnOnExit: true, ...settings });
    const wasiThreads = new WASIThreads({ wasi, version: 'preview1', childThread: true, postMessage });
    const instance = new WebAssembly.Instance(wasmModule, {
      env: { memory: wasmMemory }, wasi_snapshot_preview1: wasi.wasiImport, ...wasiThreads.getImportObject(),
    });
    wasiThreads.initialize(instance, wasmModule, wasmMemory);
    return { module: wasmModule, instance };
  },
});
parentPort.on('message', (data) => handler.handle({ data }));
