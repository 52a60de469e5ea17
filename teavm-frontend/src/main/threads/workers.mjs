// Guest Workers on either platform: a Web Worker in a browser, a worker_threads Worker in Node.js, behind one
// shape: { post(message), terminate(), onMessage, onError }.

const inNode = typeof process === 'object' && process !== null && Boolean(process.versions && process.versions.node);

/** The Worker constructor to use: resolved once, as Node's needs an import. */
export async function workerFactory(scriptUrl) {
  if (inNode) {
    const { Worker } = await import('node:worker_threads');
    return () => nodeWorker(new Worker(scriptUrl));
  }
  if (typeof Worker !== 'function') throw new Error('wasi-polyfill/threads: this environment has no Worker');
  return () => webWorker(new Worker(scriptUrl, { type: 'module' }));
}

/** The shape around `worker`, whose onMessage and onError the platform's events call. */
function shaped(worker) {
  return {
    post: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
    onMessage: null,
    onError: null,
  };
}

function nodeWorker(worker) {
  const shape = shaped(worker);
  worker.on('message', (data) => shape.onMessage(data));
  worker.on('error', (error) => shape.onError(error));
  return shape;
}

function webWorker(worker) {
  const shape = shaped(worker);
  worker.onmessage = (event) => shape.onMessage(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    shape.onError(new Error(`the guest Worker failed to load or run: ${event.message || 'no message'}`));
  };
  return shape;
}

/** What stops threads running here, in words; or null. */
export function isolationProblem(who) {
  if (inNode) return null;
  if (typeof SharedArrayBuffer !== 'function' || globalThis.crossOriginIsolated === false) {
    return `${who}: a threaded program needs a SharedArrayBuffer, which this page may not use: it is not cross-origin`
      + ' isolated. Serve it with the headers Cross-Origin-Opener-Policy: same-origin and'
      + ' Cross-Origin-Embedder-Policy: require-corp (or credentialless)';
  }
  if (typeof Atomics.waitAsync !== 'function') {
    return `${who}: this engine lacks Atomics.waitAsync, which the threads runtime serves its threads with`
      + ' (Chromium 87+, Firefox 145+, Node.js 16+)';
  }
  return null;
}
