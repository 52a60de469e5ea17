// Run with --enable-source-maps: a bad argument fails inside the polyfill, and the installed package's source maps
// must map the failing frames back to their sources, for the CommonJS build and for the ES module: a bad option of
// new WASI to the Java line that checks it, a bad argument of install to the launcher module's line.
const cases = [
  { call: 'new WASI({ args: [1] })', expected: 'java/org/wasipolyfill/js/api/WasiOptions.java', fail: (api) => new api.WASI({ args: [1] }) },
  { call: 'install(42)', expected: 'core/launcher/install.mjs', fail: (api) => api.install(42) },
];

function frames(api, { call, fail }) {
  try {
    fail(api);
  } catch (e) {
    return e.stack;
  }
  throw new Error(`${call} did not throw`);
}

(async () => {
  const builds = { 'require()': require('wasi-polyfill'), 'import()': await import('wasi-polyfill') };
  for (const [how, api] of Object.entries(builds)) {
    for (const c of cases) {
      const stack = frames(api, c);
      if (!stack.includes(c.expected)) throw new Error(`${how} ${c.call}: no frame in ${c.expected}:\n${stack}`);
    }
  }
  console.log('source maps ok');
})().catch((e) => { console.error(e); process.exitCode = 1; });
