// This polyfill in async mode (JSPI): as ours.mjs, with async: true, so fd_read and poll_oneoff are
// WebAssembly.Suspending imports and start() calls _start through WebAssembly.promising. Browsers only (Node.js 20
// has no JSPI); run it on request (--hosts ours,ours-async) to see what the wrapped imports cost per call.

import { create as createOurs } from './ours.mjs';

export { use } from './ours.mjs';

export const name = 'ours-async';
export const label = 'wasi-polyfill, async mode (JSPI)';

export function create(settings) {
  return createOurs(settings, { async: true });
}
