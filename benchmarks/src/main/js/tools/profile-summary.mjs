// Summarises a V8 CPU profile (.cpuprofile from node --cpu-prof or CDP's Profiler.stop):
//   node profile-summary.mjs PROFILE [--map wasi-polyfill.mjs.map] [--sources dir1,dir2] [--top N]
// Frames of the minified polyfill bundle are mapped back through its source map to Java file:line, and, when
// the Java source is found under one of --sources, to the enclosing method. Prints the top functions by self time
// and by total (inclusive) time.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const profilePath = args[0];
const opt = (name) => {
  const i = args.indexOf(`--${name}`);
  return i > 0 ? args[i + 1] : undefined;
};
const top = Number(opt('top') ?? 30);
const profile = JSON.parse(readFileSync(profilePath, 'utf8'));
const mapper = opt('map') && existsSync(opt('map')) ? sourceMapper(JSON.parse(readFileSync(opt('map'), 'utf8'))) : null;
const sourceDirs = (opt('sources') ?? '').split(',').filter(Boolean);
const javaFiles = new Map();
const bundleLines = opt('map') && existsSync(opt('map').replace(/\.map$/, ''))
  ? readFileSync(opt('map').replace(/\.map$/, ''), 'utf8').split('\n') : null;

/** The first characters of the bundle's code at a frame: enough to recognise a runtime helper or a @JSBody. */
function jsSnippet(frame) {
  const line = bundleLines?.[frame.lineNumber];
  if (!line) {
    return '?';
  }
  const code = line.slice(frame.columnNumber, frame.columnNumber + 60).replace(/\s+/g, ' ');
  return code.length === 60 ? `${code}...` : code;
}

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) {
  for (const c of n.children ?? []) {
    parent.set(c, n.id);
  }
}
const keyCache = new Map();
function key(id) {
  let k = keyCache.get(id);
  if (k === undefined) {
    k = describe(nodes.get(id).callFrame);
    keyCache.set(id, k);
  }
  return k;
}

const deltas = profile.timeDeltas ?? [];
const self = new Map();
const total = new Map();
let all = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000; // ms until the next sample
  all += dt;
  let id = profile.samples[i];
  self.set(key(id), (self.get(key(id)) ?? 0) + dt);
  const seen = new Set();
  while (id !== undefined) {
    const k = key(id);
    if (!seen.has(k)) {
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + dt);
    }
    id = parent.get(id);
  }
}

console.log(`${profilePath}: ${all.toFixed(0)} ms sampled`);
for (const [title, table] of [['self time', self], ['total time', total]]) {
  console.log(`\ntop ${top} by ${title}:`);
  for (const [k, ms] of [...table].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${ms.toFixed(1).padStart(9)} ms ${(ms * 100 / all).toFixed(1).padStart(5)}%  ${k}`);
  }
}

function describe(frame) {
  const file = frame.url.split('/').pop();
  const name = frame.functionName || '(anonymous)';
  if (mapper && file === 'wasi-polyfill.mjs') {
    const original = mapper(frame.lineNumber, frame.columnNumber);
    if (original) {
      const method = javaMethod(original.source, original.line);
      const where = `${original.source.split('/').pop()}:${original.line + 1}`;
      const text = javaLine(original.source, original.line);
      // A @JSBody native has no Java line of its own: it maps to the line before it, so show its code too.
      return `${method ? `${method} (${where})` : where} [js ${name}: ${jsSnippet(frame)}]${text ? `  | ${text}` : ''}`;
    }
    return `${name} (${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}) [js: ${jsSnippet(frame)}]`;
  }
  return file ? `${name} (${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1})` : name;
}

function javaLine(source, line) {
  const lines = javaSource(source);
  const text = lines && lines[line] ? lines[line].trim() : '';
  return text.length > 90 ? `${text.slice(0, 87)}...` : text;
}

function javaSource(source) {
  let lines = javaFiles.get(source);
  if (lines === undefined) {
    lines = null;
    for (const dir of sourceDirs) {
      const p = join(dir, source);
      if (existsSync(p)) {
        lines = readFileSync(p, 'utf8').split('\n');
        break;
      }
    }
    javaFiles.set(source, lines);
  }
  return lines;
}

function javaMethod(source, line) {
  const lines = javaSource(source);
  if (lines === null) {
    return null;
  }
  const cls = source.split('/').pop().replace(/\.java$/, '');
  const decl = /^\s*(?:(?:public|private|protected|static|final|synchronized|default|abstract)\s+)*(?:<[^>]+>\s+)?[\w.<>[\], ]+?\s+(\w+)\s*\(/;
  const ctor = /^\s*(?:(?:public|private|protected)\s+)?(\w+)\s*\(/;
  for (let i = Math.min(line, lines.length - 1); i >= 0; i--) {
    const text = lines[i];
    if (/^\s*(if|for|while|switch|return|catch|else|try|new|throw)\b/.test(text)) {
      continue;
    }
    const m = decl.exec(text) ?? (ctor.exec(text)?.[1] === cls ? ctor.exec(text) : null);
    if (m && /\)\s*(throws [\w., ]+)?\s*\{?\s*$|,\s*$/.test(text) && !/[=;]/.test(text.split('(')[0])) {
      return `${cls}.${m[1]}`;
    }
  }
  return null;
}

// A source map (v3) lookup: generated (line, column), both 0-based, to { source, line } of the original.
function sourceMapper(map) {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const values = new Map([...chars].map((c, i) => [c, i]));
  const lines = [];
  let source = 0;
  let origLine = 0;
  let origCol = 0;
  for (const lineText of map.mappings.split(';')) {
    const segments = [];
    let col = 0;
    for (const seg of lineText.split(',')) {
      if (!seg) {
        continue;
      }
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const c of seg) {
        const digit = values.get(c);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += fields[0];
      if (fields.length >= 4) {
        source += fields[1];
        origLine += fields[2];
        origCol += fields[3];
        segments.push([col, source, origLine]);
      }
    }
    lines.push(segments);
  }
  return (line, column) => {
    const segments = lines[line];
    if (!segments || segments.length === 0) {
      return null;
    }
    let lo = 0;
    let hi = segments.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segments[mid][0] <= column) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found < 0) {
      found = 0;
    }
    return { source: map.sources[segments[found][1]], line: segments[found][2] };
  };
}
