// node dist.mjs <target dir> <version>: assembles the npm package in <target>/dist next to the ES module TeaVM
// wrote there: wraps TeaVM's CommonJS output into the script-tag build wasi-polyfill.js (CommonJS, AMD, or the
// global WASIPolyfill), copies index.d.ts, README.md and package.json (with the version), and fails when the
// script-tag build exceeds its gzipped size budget.
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const [target, version] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, '..', 'main');
const dist = join(target, 'dist');
const BUDGET = 40 * 1024;

const body = readFileSync(join(target, 'teavm-cjs', 'wasi-polyfill.cjs.js'), 'utf8');
const script = `/* wasi-polyfill ${version}: WASI preview 1 for the browser. Script tag: global WASIPolyfill
   (<script src="wasi-polyfill.js" data-install> also calls WASIPolyfill.install()); CommonJS: require('wasi-polyfill'). */
(function (root, factory) {
  if (typeof module === 'object' && module !== null && typeof module.exports === 'object') {
    module.exports = factory();
  } else if (typeof define === 'function' && define.amd) {
    define([], factory);
  } else {
    var api = root.WASIPolyfill = factory();
    var tag = typeof document !== 'undefined' ? document.currentScript : null;
    if (tag && tag.hasAttribute('data-install')) {
      var options = tag.getAttribute('data-install');
      api.install(options ? JSON.parse(options) : undefined);
    }
  }
}(typeof globalThis !== 'undefined' ? globalThis : this, function () {
var exports = {};
${body}
return exports;
}));
`;
writeFileSync(join(dist, 'wasi-polyfill.js'), script);
copyFileSync(join(src, 'typescript', 'index.d.ts'), join(dist, 'index.d.ts'));
copyFileSync(join(src, 'npm', 'README.md'), join(dist, 'README.md'));
const pkg = JSON.parse(readFileSync(join(src, 'npm', 'package.json'), 'utf8'));
pkg.version = version.replace(/-SNAPSHOT$/, '');
writeFileSync(join(dist, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');

for (const file of ['wasi-polyfill.js', 'wasi-polyfill.mjs']) {
  const bytes = readFileSync(join(dist, file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  console.log(`[dist] ${file}: ${bytes.length} bytes, ${gz} bytes gzipped (level 9)`);
  if (file === 'wasi-polyfill.js' && gz > BUDGET) {
    console.error(`[dist] ${file} is ${gz} bytes gzipped, over the budget of ${BUDGET} bytes`);
    process.exit(1);
  }
}
