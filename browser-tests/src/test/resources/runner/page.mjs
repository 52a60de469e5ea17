// The browser side of the runner: loads the polyfill, then exposes window.runCase(name) for the test driver.
// window.runnerReady becomes true, or window.runnerError says why the polyfill could not be loaded.
import { runCase } from './run-guest.mjs';

try {
  const polyfill = await import('../wasi-polyfill/wasi-polyfill.mjs');
  const baseUrl = new URL('../', import.meta.url).href;
  window.runCase = (name) => runCase(polyfill, baseUrl, name);
  window.runnerReady = true;
} catch (e) {
  window.runnerError = `could not load wasi-polyfill/wasi-polyfill.mjs: ${e && e.name}: ${e && e.message}`;
}
