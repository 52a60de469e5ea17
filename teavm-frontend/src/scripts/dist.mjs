// node dist.mjs <target dir> <version> <minify: true|false> <java source root>...: assembles the npm package in
// <target>/dist around the ES module TeaVM wrote to <target>/teavm:
// - bundles it with esbuild together with the JS modules it imports from src/main/core (the launcher: WASI.run,
//   install ...) and src/main/shared, into one module whose source map is composed with TeaVM's;
// - unless <minify> is false (a readable build for debugging), minifies that with terser, which shortens the
//   local names and drops the dead branches TeaVM's own minifier leaves; its source map is composed again, so
//   a frame still leads to its Java line, or to its line of src/main/core;
// - embeds the sources in the source map (sourcesContent), each named by its path under src/main (java/...,
//   core/..., shared/...), so a stack frame opens in the file it came from; TeaVM's class library frames keep
//   their names without content;
// - derives the script-tag build wasi-polyfill.js (CommonJS, AMD, or the global WASIPolyfill) from the same module:
//   its code is wrapped in a factory function and its final `export {...}` becomes the factory's result, so both
//   builds run the very same code and share one source map, shifted by the wrapper's header lines;
// - bundles each optional entry point, the folder src/main/<name> (the Worker runtime, archives, ...), from its
//   index.mjs with esbuild into dist/<name>.mjs, with the npm packages it imports inlined and the core module
//   ('./wasi-polyfill.mjs') left an import, and copies its index.d.ts to dist/<name>.d.ts; a script an entry
//   starts by URL (a Worker's) is <name>/<script>.mjs, shipped as dist/<name>-<script>.mjs. src/main/package.json
//   lists every export and file: the build fails when it and the folders disagree;
// - copies core/index.d.ts, README.md and package.json (with the version);
// - prints the gzipped sizes and fails when the script-tag build exceeds its budget.
import { readFileSync, writeFileSync, copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname, resolve, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTools as installedTools } from './build-tools.mjs';

const [target, version, minifying, ...javaRoots] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, '..', 'main');
const core = join(src, 'core');
// The folders of src/main that are not entry points: the Java sources, the core's JS, what the entries share.
const NOT_ENTRIES = new Set(['java', 'core', 'shared']);
const dist = resolve(target, 'dist');
const BUDGET = 40 * 1024;
const MODULE = 'wasi-polyfill.mjs';
const SCRIPT = 'wasi-polyfill.js';

function fail(message) {
  console.error(`[dist] ${message}`);
  process.exit(1);
}

const buildTools = () => installedTools(target);

// TeaVM's module and the src/main/core modules it imports (TeaVM leaves `import ... from "./launcher/index.mjs"`
// in its output, resolved here against src/main/core), as one module and its source map, composed with TeaVM's.
async function bundleCore() {
  const teavmFile = join(teavmOutput, MODULE);
  const teavmMap = JSON.parse(readFileSync(teavmFile + '.map', 'utf8'));
  // TeaVM writes sourceRoot "src" without the separator; a tool would fold it into every source as "srcorg/...".
  delete teavmMap.sourceRoot;
  const inlineMap = `//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(teavmMap)).toString('base64')}`;
  const teavmSources = {
    name: 'teavm-output',
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => (args.importer === teavmFile ? { path: join(core, args.path) } : undefined));
      build.onLoad({ filter: /\.mjs$/ }, (args) => (args.path === teavmFile
        ? { contents: readFileSync(teavmFile, 'utf8').replace(/\/\/# sourceMappingURL=\S+\s*$/, inlineMap), loader: 'js' }
        : undefined));
    },
  };
  const { build } = buildTools()('esbuild');
  const result = await build({
    entryPoints: [teavmFile],
    outfile: join(dist, MODULE),
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    sourcemap: 'external',
    sourcesContent: false,
    write: false,
    plugins: [teavmSources],
    logLevel: 'warning',
  });
  const output = (suffix) => result.outputFiles.find((file) => file.path.endsWith(suffix)).text;
  return { code: output('.mjs'), map: JSON.parse(output('.mjs.map')) };
}

async function minify(code, map) {
  const { minify: terse } = buildTools()('terser');
  const result = await terse(code, {
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    sourceMap: { content: map, url: MODULE + '.map' },
  });
  return { code: result.code, map: JSON.parse(result.map) };
}

// A source of the composed map, relative to dist/: TeaVM's (Java) sources become java/<path>, with the content of
// the project's own files; the JS modules of src/main become their path there (core/..., shared/...) with theirs.
function shippedSource(source) {
  const file = resolve(dist, source);
  if (file.startsWith(src + sep)) {
    return { name: relative(src, file).split(sep).join('/'), content: readFileSync(file, 'utf8') };
  }
  const javaPath = relative(teavmOutput, file).split(sep).join('/');
  const javaFile = javaRoots.map((root) => join(root, javaPath)).find((candidate) => existsSync(candidate));
  return { name: 'java/' + javaPath, content: javaFile ? readFileSync(javaFile, 'utf8') : null };
}

// The optional entry points: every folder of src/main but java/, core/ and shared/, exported by package.json as
// "./<name>": { types: "./<name>.d.ts", import: "./<name>.mjs" }; fails unless the two agree. Their names, sorted.
function entryPoints(pkg) {
  const folders = readdirSync(src, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !NOT_ENTRIES.has(entry.name)).map((entry) => entry.name).sort();
  const exported = Object.keys(pkg.exports).filter((key) => key !== '.' && typeof pkg.exports[key] === 'object')
    .map((key) => key.slice(2)).sort();
  for (const name of folders.filter((folder) => !exported.includes(folder))) {
    fail(`src/main/${name}/ is not exported by src/main/package.json (add "./${name}" to its exports)`);
  }
  for (const name of exported) {
    const wanted = { types: `./${name}.d.ts`, import: `./${name}.mjs` };
    if (JSON.stringify(pkg.exports[`./${name}`]) !== JSON.stringify(wanted)) {
      fail(`src/main/package.json exports "./${name}" as ${JSON.stringify(pkg.exports[`./${name}`])}, not ${JSON.stringify(wanted)}`);
    }
    for (const file of ['index.mjs', 'index.d.ts']) {
      if (!existsSync(join(src, name, file))) {
        fail(`src/main/package.json exports "./${name}" but src/main/${name}/${file} does not exist`);
      }
    }
  }
  return exported;
}

// The scripts an entry point starts by URL (a Worker's): the files <name>-<script>.mjs that package.json lists for
// an entry <name>, bundled from src/main/<name>/<script>.mjs. As { source, out }.
function entryScripts(pkg, entries) {
  const scripts = pkg.files.map((file) => /^([a-z]+)-([a-z-]+)\.mjs$/.exec(file))
    .filter((match) => match && entries.includes(match[1]))
    .map(([out, entry, script]) => ({ source: join(src, entry, `${script}.mjs`), out }));
  for (const { source, out } of scripts.filter((script) => !existsSync(script.source))) {
    fail(`src/main/package.json lists ${out} but ${relative(src, source)} does not exist`);
  }
  return scripts;
}

// Bundles the entry points and their scripts into dist (the files in an entry's folder are its own to import and are
// bundled into it) and copies their types; returns the bundles' names and the files written.
async function bundleEntries(pkg) {
  const entries = entryPoints(pkg);
  const bundles = [
    ...entries.map((name) => ({ source: join(src, name, 'index.mjs'), out: `${name}.mjs` })),
    ...entryScripts(pkg, entries),
  ];
  const { build } = buildTools()('esbuild');
  for (const { source, out } of bundles) {
    await build({
      entryPoints: [source],
      outfile: join(dist, out),
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      external: ['./wasi-polyfill.mjs', 'node:*'],
      nodePaths: [resolve(target, 'build-tools', 'node_modules')],
      minify: minifying === 'true',
      sourcemap: true,
      sourcesContent: true,
      logLevel: 'warning',
    });
  }
  for (const name of entries) {
    copyFileSync(join(src, name, 'index.d.ts'), join(dist, `${name}.d.ts`));
  }
  const names = bundles.map((bundle) => bundle.out);
  return { names, written: [...names.flatMap((name) => [name, `${name}.map`]), ...entries.map((name) => `${name}.d.ts`)] };
}

const teavmOutput = resolve(target, 'teavm');
mkdirSync(dist, { recursive: true });
const bundled = await bundleCore();
const minified = minifying === 'true' ? await minify(bundled.code, bundled.map) : bundled;
const moduleCode = minified.code.endsWith('\n') ? minified.code : minified.code + '\n';
const map = minified.map;
writeFileSync(join(dist, MODULE), moduleCode);

const sources = map.sources.map(shippedSource);
map.sources = sources.map((source) => source.name);
map.sourcesContent = sources.map((source) => source.content);
delete map.sourceRoot;
if (!sources.some((source) => source.name.startsWith('java/') && source.content !== null)) {
  fail(`none of the source map's Java sources was found under ${javaRoots.join(', ')}`);
}
writeFileSync(join(dist, MODULE + '.map'), JSON.stringify(map));

const trailer = /\bexport\s*\{([^}]*)\};?\s*\n\/\/# sourceMappingURL=\S+\s*$/.exec(moduleCode);
if (!trailer) {
  fail(`${MODULE} does not end with an export list and a sourceMappingURL comment`);
}
const exported = trailer[1].split(',').map((item) => {
  const [local, name] = item.trim().split(/\s+as\s+/);
  return `${name ?? local}: ${local}`;
});
const body = moduleCode.slice(0, trailer.index) + `return { ${exported.join(', ')} };`;

const header = `/* wasi-polyfill ${version}: WASI preview 1 for the browser. Script tag: global WASIPolyfill
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
`;
const script = `${header}${body}
}));
//# sourceMappingURL=${SCRIPT}.map
`;
writeFileSync(join(dist, SCRIPT), script);
const headerLines = header.split('\n').length - 1;
const scriptMap = { ...map, file: SCRIPT, mappings: ';'.repeat(headerLines) + map.mappings };
writeFileSync(join(dist, SCRIPT + '.map'), JSON.stringify(scriptMap));

copyFileSync(join(core, 'index.d.ts'), join(dist, 'index.d.ts'));
copyFileSync(join(src, 'README.md'), join(dist, 'README.md'));
copyFileSync(join(here, '..', '..', '..', 'LICENSE'), join(dist, 'LICENSE'));
const pkg = JSON.parse(readFileSync(join(src, 'package.json'), 'utf8'));
pkg.version = version.replace(/-SNAPSHOT$/, '');
const entryFiles = await bundleEntries(pkg);
const missing = pkg.files.filter((file) => !existsSync(join(dist, file)));
if (missing.length > 0) {
  fail(`src/main/package.json lists files the build did not make: ${missing.join(', ')}`);
}
const unlisted = entryFiles.written.filter((file) => !pkg.files.includes(file));
if (unlisted.length > 0) {
  fail(`src/main/package.json does not list the files of its entry points: ${unlisted.join(', ')}`);
}
writeFileSync(join(dist, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');

for (const file of [SCRIPT, MODULE, ...entryFiles.names]) {
  const bytes = readFileSync(join(dist, file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  console.log(`[dist] ${file}: ${bytes.length} bytes, ${gz} bytes gzipped (level 9)`);
  // A strict build (-Dteavm.strict=true) carries TeaVM's checks for debugging: it is not what ships.
  if (file === SCRIPT && gz > BUDGET && process.env.TEAVM_STRICT !== 'true') {
    fail(`${file} is ${gz} bytes gzipped, over the budget of ${BUDGET} bytes`);
  }
}
