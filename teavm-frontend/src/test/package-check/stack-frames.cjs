// Run with --enable-source-maps: a bad option fails inside the polyfill, and the installed package's source maps
// must map the failing frames back to the Java sources, for the CommonJS build and for the ES module.
const expected = 'java/org/wasipolyfill/js/api/WasiOptions.java';

function frames(api) {
  try {
    new api.WASI({ args: [1] });
  } catch (e) {
    return e.stack;
  }
  throw new Error('new WASI({ args: [1] }) did not throw');
}

(async () => {
  const builds = { 'require()': require('wasi-polyfill'), 'import()': await import('wasi-polyfill') };
  for (const [how, api] of Object.entries(builds)) {
    const stack = frames(api);
    if (!stack.includes(expected)) throw new Error(`${how}: no frame in ${expected}:\n${stack}`);
  }
  console.log('source maps ok');
})().catch((e) => { console.error(e); process.exitCode = 1; });
