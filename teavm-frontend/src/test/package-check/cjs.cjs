// Uses the installed package through require(); argv[2] = hello.wasm.
const { readFileSync } = require('node:fs');
const polyfill = require('wasi-polyfill');

(async () => {
  const r = await polyfill.WASI.run(readFileSync(process.argv[2]), { args: ['hello', 'cjs'] });
  const out = new TextDecoder().decode(r.stdout);
  if (r.exitCode !== 3 || out !== 'hello\ncjs\n(GREETING not set)\n' || !(r.fs instanceof polyfill.MemFS)) {
    throw new Error('CommonJS run gave ' + JSON.stringify({ exitCode: r.exitCode, out }));
  }
  if (typeof globalThis.WASIPolyfill !== 'undefined') throw new Error('require() must not define a global');
  console.log('cjs ok');
})().catch((e) => { console.error(e); process.exitCode = 1; });
