// The playground: runs a chosen or uploaded wasm32-wasi program with the polyfill and shows what it printed.

const EXAMPLES = [
  {
    name: 'hello',
    title: 'hello: arguments and environment',
    args: 'first "second arg"',
    env: 'NAME=Ada',
    stdin: '',
  },
  {
    name: 'files',
    title: 'files: the filesystem at /sandbox',
    args: '',
    env: '',
    stdin: '',
  },
  {
    name: 'rot13',
    title: 'rot13: standard input',
    args: '',
    env: '',
    stdin: 'Hello, World!\nWhy did the chicken cross the road?\n',
  },
];

const UPLOADED = '(uploaded)';
const $ = (id) => document.getElementById(id);
const ui = {
  form: $('program'),
  example: $('example'),
  source: $('source'),
  upload: $('upload'),
  args: $('args'),
  env: $('env'),
  stdin: $('stdin'),
  run: $('run'),
  status: $('status'),
  exitCode: $('exit-code'),
  elapsed: $('elapsed'),
  stdout: $('stdout'),
  stderr: $('stderr'),
};

let uploaded = null; // { name, bytes }

/** Splits a command line into words: whitespace separates, "..." and '...' keep spaces, \ escapes one char. */
export function splitArgs(line) {
  const words = [];
  let word = null;
  let quote = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) word += line[++i];
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (c === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i];
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

/** Parses NAME=value lines; blank lines are skipped, a line without '=' sets an empty value. */
export function parseEnv(text) {
  const env = {};
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const eq = line.indexOf('=');
    if (eq < 0) env[line.trim()] = '';
    else env[line.slice(0, eq).trim()] = line.slice(eq + 1);
  }
  return env;
}

function showExample(name) {
  const example = EXAMPLES.find((e) => e.name === name);
  if (!example) {
    ui.source.hidden = true;
    return;
  }
  ui.args.value = example.args;
  ui.env.value = example.env;
  ui.stdin.value = example.stdin;
  ui.source.hidden = false;
  ui.source.href = `examples/${example.name}.c`;
}

async function programBytes() {
  if (ui.example.value === UPLOADED) {
    return { name: uploaded.name, bytes: uploaded.bytes };
  }
  const name = ui.example.value;
  const response = await fetch(`examples/${name}.wasm`);
  if (!response.ok) throw new Error(`examples/${name}.wasm: HTTP ${response.status}`);
  return { name, bytes: new Uint8Array(await response.arrayBuffer()) };
}

function setStatus(text, isError = false) {
  ui.status.textContent = text;
  ui.status.classList.toggle('error', isError);
}

async function run(polyfill) {
  const { WASI, MemFS } = polyfill;
  document.body.dataset.state = 'running';
  ui.run.disabled = true;
  ui.exitCode.textContent = '–';
  ui.elapsed.textContent = '–';
  ui.stdout.textContent = '';
  ui.stderr.textContent = '';
  try {
    const program = await programBytes();
    setStatus(`Running ${program.name}…`);
    const fs = new MemFS();
    fs.mkdir('/sandbox', { recursive: true });
    const stdoutText = new TextDecoder();
    const stderrText = new TextDecoder();
    let stdout = '';
    let stderr = '';
    const wasi = new WASI({
      version: 'preview1',
      args: [program.name, ...splitArgs(ui.args.value)],
      env: parseEnv(ui.env.value),
      fs,
      preopens: { '/sandbox': '/sandbox' },
      stdin: ui.stdin.value,
      stdout: (chunk) => { stdout += stdoutText.decode(chunk, { stream: true }); },
      stderr: (chunk) => { stderr += stderrText.decode(chunk, { stream: true }); },
      returnOnExit: true,
    });
    const { instance } = await WebAssembly.instantiate(program.bytes, wasi.getImportObject());
    const start = performance.now();
    let exitCode;
    try {
      exitCode = wasi.start(instance);
    } finally {
      ui.elapsed.textContent = `${(performance.now() - start).toFixed(1)} ms`;
      ui.stdout.textContent = stdout + stdoutText.decode();
      ui.stderr.textContent = stderr + stderrText.decode();
    }
    ui.exitCode.textContent = String(exitCode);
    setStatus(`${program.name} exited with code ${exitCode}.`);
  } catch (e) {
    ui.exitCode.textContent = 'trap';
    setStatus(`${e.name ?? 'Error'}: ${e.message ?? e}`, true);
  } finally {
    ui.run.disabled = false;
    document.body.dataset.state = 'done';
  }
}

async function main() {
  for (const example of EXAMPLES) {
    ui.example.add(new Option(example.title, example.name));
  }
  showExample(ui.example.value);

  ui.example.addEventListener('change', () => showExample(ui.example.value));
  ui.upload.addEventListener('change', async () => {
    const file = ui.upload.files[0];
    if (!file) return;
    uploaded = { name: file.name.replace(/\.wasm$/, ''), bytes: new Uint8Array(await file.arrayBuffer()) };
    let option = [...ui.example.options].find((o) => o.value === UPLOADED);
    if (!option) {
      option = new Option('', UPLOADED);
      ui.example.add(option);
    }
    option.text = `uploaded: ${file.name}`;
    ui.example.value = UPLOADED;
    ui.source.hidden = true;
    ui.args.value = '';
    ui.env.value = '';
    ui.stdin.value = '';
  });

  let polyfill;
  try {
    polyfill = await import('./wasi-polyfill/wasi-polyfill.mjs');
  } catch (e) {
    setStatus(`Could not load the polyfill (wasi-polyfill/wasi-polyfill.mjs): ${e.message ?? e}`, true);
    document.body.dataset.state = 'done';
    return;
  }
  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    run(polyfill);
  });
  await run(polyfill);
}

main();
