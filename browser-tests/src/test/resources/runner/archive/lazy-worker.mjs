// A module Worker running lazy-reads.mjs: posts { result } or { error }.
import * as M from '/wasi-polyfill/wasi-polyfill.mjs';
import * as L from '/wasi-polyfill/lazy.mjs';
import { lazyReads } from './lazy-reads.mjs';

const treeSum = fetch('/guests/tree_sum.wasm').then((response) => response.arrayBuffer());

self.onmessage = async (event) => {
  try {
    self.postMessage({ result: await lazyReads(M, L, new Uint8Array(await treeSum), event.data) });
  } catch (e) {
    self.postMessage({ error: String(e && e.stack || e) });
  }
};
