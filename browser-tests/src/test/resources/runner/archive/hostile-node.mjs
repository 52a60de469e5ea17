// node hostile-node.mjs <folder with wasi-polyfill.mjs, archive.mjs, hostile-inputs.mjs, hostile-store.mjs>: hostile inputs from the
// host side, each made here (hostile-inputs.mjs) and handed to the polyfill in a child process of its own, which
// reports the error and how much the process's peak resident memory rose while it was refused. Prints one line per
// case ("<case>: <error> (+<n> MB)") and then "ok", or the failures; exit code 0 or 1.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const folder = process.argv[2];
/** What a refusal may cost on top of the resident memory before it: a few MB, nowhere near the 1.5 GiB claimed. */
const LIMIT_MB = 16;

/** The cases: the call, the input file it takes, and what the error must say. */
const CASES = [
  { name: 'tar.gz of a 1.5 GiB file', call: 'mountTar', input: 'zeros.tar.gz', entry: 'zeros.bin', says: 'maxBytes' },
  { name: 'the same through mountArchive', call: 'mountArchive', input: 'zeros.tar.gz', entry: 'zeros.bin',
    says: 'maxBytes' },
  { name: 'zip64 of a 1.5 GiB file', call: 'mountZip', input: 'zeros.zip', entry: 'zeros.bin', says: 'maxBytes' },
  { name: 'the same through mountArchive', call: 'mountArchive', input: 'zeros.zip', entry: 'zeros.bin',
    says: 'maxBytes' },
  { name: 'tar.gz of a 1.5 GiB file into a MemFS of maxFileSize 1 MiB', call: 'mountTar', input: 'zeros.tar.gz',
    entry: 'zeros.bin', says: 'maxFileSize', options: { maxFileSize: 1 << 20 } },
  { name: 'zip whose headers say 1 MiB for 1.5 GiB of deflate', call: 'mountZip', input: 'lying.zip',
    entry: 'zeros.bin', says: 'inflates to more than the 1048576 bytes' },
  { name: 'tar.gz whose header says 100 bytes for 1.5 GiB of data', call: 'mountTar', input: 'lying.tar.gz',
    entry: 'x'.repeat(100), says: 'bad header checksum' },
  { name: 'tar.gz whose 1 MiB file is cut short by the gzip stream', call: 'mountTar', input: 'short.tar.gz',
    entry: 'zeros.bin', says: 'truncated' },
  { name: 'a store whose snapshot holds a 1.5 GiB file (one 1 MiB chunk, viewed 1536 times)', call: 'load',
    input: null, entry: undefined, says: 'ENOSPC: MemFS.load: the snapshot does not fit' },
];

async function parent() {
  const inputs = await import(pathToFileURL(join(folder, 'hostile-inputs.mjs')).href);
  const files = {
    'zeros.tar.gz': await inputs.tarGz(),
    'zeros.zip': await inputs.zip64(),
    'lying.zip': await inputs.zip64(1 << 20),
    'lying.tar.gz': await inputs.tarGz(100, inputs.HUGE, 0x78),
    'short.tar.gz': await inputs.tarGz(1 << 20, 1000),
  };
  for (const [name, bytes] of Object.entries(files)) {
    writeFileSync(join(folder, name), bytes);
  }
  const failures = [];
  for (const c of CASES) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), folder, JSON.stringify(c)],
      { encoding: 'utf8' });
    let result;
    try {
      result = JSON.parse(child.stdout);
    } catch {
      failures.push(`${c.name}: the child failed: ${child.stdout}${child.stderr}`);
      continue;
    }
    console.log(`${c.name}${c.input ? ` (${files[c.input].length} bytes)` : ''}: ${result.error} (+${result.mb.toFixed(1)} MB, `
      + `${result.ms} ms)`);
    if (result.name !== (c.call === 'load' ? 'Error' : 'ArchiveError')) {
      failures.push(`${c.name}: ${result.name}: ${result.error}`);
    }
    else if (result.entry !== c.entry || !result.error.includes(c.says)) {
      failures.push(`${c.name}: entry ${result.entry}, message ${result.error}; expected ${c.entry} and '${c.says}'`);
    }
    if (result.mb > LIMIT_MB) failures.push(`${c.name}: resident memory rose by ${result.mb.toFixed(1)} MB`);
    if (!result.unchanged) failures.push(`${c.name}: the MemFS changed`);
  }
  console.log(failures.length === 0 ? 'ok' : failures.join('\n'));
  process.exitCode = failures.length === 0 ? 0 : 1;
}

/** A field of /proc/self/status in bytes (VmRSS now, VmHWM its peak). */
function status(field) {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
  return Number(match[1]) * 1024;
}

/** Sets the process's peak resident memory to what it holds now (Linux: clear_refs 5); returns that. */
function resetPeak() {
  globalThis.gc?.();
  writeFileSync('/proc/self/clear_refs', '5');
  return status('VmRSS');
}

function peak() {
  return status('VmHWM');
}

/** One case: the refusal, and the rise of peak resident memory above the resident memory just before it. */
async function child(c) {
  const M = await import(pathToFileURL(join(folder, 'wasi-polyfill.mjs')).href);
  const A = await import(pathToFileURL(join(folder, 'archive.mjs')).href);
  const { hugeStore } = await import(pathToFileURL(join(folder, 'hostile-store.mjs')).href);
  const bytes = c.input === null ? null : new Uint8Array(readFileSync(join(folder, c.input)));
  const store = c.call === 'load' ? hugeStore(M) : null;
  const fs = new M.MemFS(c.options);
  fs.mkdir('/target');
  fs.writeFile('/target/keep.txt', 'kept');
  const before = JSON.stringify([fs.readdir('/target'), fs.usage()]);
  const rss = resetPeak();
  const started = performance.now();
  let outcome = { name: 'none', error: 'mounted', entry: null };
  try {
    if (store !== null) await fs.load(store);
    else A[c.call](fs, '/target/x', bytes);
  } catch (e) {
    outcome = { name: e.name, error: e.message, entry: e.entry };
  }
  const ms = Math.round(performance.now() - started);
  const mb = (peak() - rss) / (1 << 20);
  const unchanged = JSON.stringify([fs.readdir('/target'), fs.usage()]) === before;
  process.stdout.write(JSON.stringify({ ...outcome, mb: Math.max(0, mb), ms, unchanged }));
}

if (process.argv[3] === undefined) {
  await parent();
} else {
  await child(JSON.parse(process.argv[3]));
}
