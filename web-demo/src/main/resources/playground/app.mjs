// The playground page: picks a program (an example or the user's own .wasm), keeps the file tree between runs,
// runs the program in a Web Worker (worker.mjs) and shows it in the terminal, feeding it typed lines.
import { EXAMPLES, SAMPLE_FILES } from './examples.mjs';
import { FileTree, badName, baseName, joinPath, parentOf } from './files.mjs';
import { TerminalView } from './terminal.mjs';
import { Channel, INPUT_CAPACITY } from './channel.mjs';
import { parseEnv, splitArgs } from './words.mjs';
import { Persistence } from './persistence.mjs';

/** A run that prints nothing for this long gets a reminder that Stop ends it. */
const QUIET_REMINDER_MS = 5000;

/** How much output one animation frame takes from the ring: a guest printing faster waits for the terminal. */
const FRAME_OUTPUT_BYTES = 512 * 1024;

/** How long a guest asked to abort (JSPI) may take to unwind before its worker is terminated. */
const ABORT_GRACE_MS = 1000;

/**
 * How the program gets typed lines: 'jspi' suspends it while it waits (WebAssembly.Suspending; no isolation
 * needed), 'atomics' blocks its worker in Atomics.wait on shared memory (a cross-origin isolated page), 'none'
 * gives it an empty standard input. ?stdin=atomics picks the shared memory where both would work.
 */
const STDIN_MODE = typeof WebAssembly.Suspending === 'function'
    && new URLSearchParams(location.search).get('stdin') !== 'atomics'
  ? 'jspi'
  : crossOriginIsolated ? 'atomics' : 'none';

const $ = (id) => document.getElementById(id);
const ui = {
  programName: $('program-name'),
  source: $('source'),
  args: $('args'),
  env: $('env'),
  run: $('run'),
  stop: $('stop'),
  openWasm: $('open-wasm'),
  wasmPicker: $('wasm-picker'),
  programs: $('programs'),
  tree: $('tree'),
  filesPanel: document.querySelector('.files-panel'),
  filePicker: $('file-picker'),
  runState: $('run-state'),
  exitCode: $('exit-code'),
  elapsed: $('elapsed'),
  editor: $('editor'),
  editorPath: $('editor-path'),
  editorText: $('editor-text'),
  editorSave: $('editor-save'),
  ask: $('ask'),
  askLabel: $('ask-label'),
  askInput: $('ask-input'),
  askError: $('ask-error'),
  dropOverlay: $('drop-overlay'),
};

const decoder = new TextDecoder();
const tree = new FileTree();
const programs = EXAMPLES.map((example) => ({ ...example, kind: 'example' }));
const exampleBytes = new Map();
const collapsed = new Set();
let selected = programs[0];
let selectedPath = '/';
let current = null; // the run in progress
let spare = null; // a worker that has loaded the polyfill, for the next run
let runs = 0;

const terminal = new TerminalView($('terminal'), {
  onLine: (bytes) => queueInput(bytes),
  onEnd: () => queueInput(null),
  onInterrupt: () => stop('Ctrl-C'),
});

// ---- programs -------------------------------------------------------------------------------------------------

function renderPrograms() {
  ui.programs.replaceChildren();
  let shownUploads = false;
  for (const program of programs) {
    if (program.kind === 'upload' && !shownUploads) {
      shownUploads = true;
      const heading = document.createElement('li');
      heading.className = 'group';
      heading.setAttribute('role', 'presentation');
      heading.textContent = 'Your programs';
      ui.programs.append(heading);
    }
    const item = document.createElement('li');
    item.setAttribute('role', 'option');
    item.id = `program-${program.kind}-${program.name}`;
    item.dataset.program = program.name;
    item.setAttribute('aria-selected', String(program === selected));
    const name = document.createElement('span');
    name.className = 'name';
    name.textContent = program.name;
    const summary = document.createElement('span');
    summary.className = 'summary';
    summary.textContent = program.summary;
    item.append(name, summary);
    item.addEventListener('click', () => select(program));
    item.addEventListener('dblclick', () => {
      select(program);
      run();
    });
    ui.programs.append(item);
  }
  ui.programs.setAttribute('aria-activedescendant', `program-${selected.kind}-${selected.name}`);
}

function select(program) {
  selected = program;
  ui.programName.textContent = program.name;
  ui.args.value = program.args;
  ui.env.value = program.env;
  ui.source.hidden = program.kind !== 'example';
  if (program.kind === 'example') {
    ui.source.href = `examples/${program.source}`;
    history.replaceState(null, '', `#${program.name}`);
    let added = false;
    for (const path of program.files) {
      if (!tree.has(path)) {
        tree.writeFile(path, SAMPLE_FILES[path], { notify: false });
        added = true;
      }
    }
    if (added) tree.changed();
    if (program.threads && !crossOriginIsolated) explainIsolation(program);
  }
  renderPrograms();
}

/** Says, in the threads runtime's words, why a threaded example cannot run on this page. */
async function explainIsolation(program) {
  try {
    const { runThreads } = await import('./wasi-polyfill/threads.mjs');
    await runThreads(await programBytes(program));
  } catch (e) {
    terminal.freshLine();
    terminal.note(`${program.name} runs its threads in Workers sharing memory: ${e.message}.`, 'warn');
  }
}

function moveSelection(step) {
  const index = programs.indexOf(selected);
  select(programs[Math.max(0, Math.min(programs.length - 1, index + step))]);
  document.getElementById(ui.programs.getAttribute('aria-activedescendant'))?.scrollIntoView({ block: 'nearest' });
}

async function addUpload(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const name = file.name.replace(/\.wasm$/i, '') || 'program';
  let program = programs.find((p) => p.kind === 'upload' && p.name === name);
  if (!program) {
    program = { kind: 'upload', name, summary: `${file.name}, ${formatSize(bytes.length)}`, args: '', env: '' };
    programs.push(program);
  }
  program.bytes = bytes;
  program.summary = `${file.name}, ${formatSize(bytes.length)}`;
  select(program);
  run();
}

async function programBytes(program) {
  if (program.kind === 'upload') return program.bytes;
  let bytes = exampleBytes.get(program.name);
  if (!bytes) {
    const url = `examples/${program.name}.wasm`;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`could not load ${url}: HTTP ${response.status} ${response.statusText}`);
    bytes = new Uint8Array(await response.arrayBuffer());
    exampleBytes.set(program.name, bytes);
  }
  return bytes;
}

// ---- running --------------------------------------------------------------------------------------------------

function spawnWorker() {
  const worker = new Worker('worker.mjs', { type: 'module' });
  const entry = { worker, failure: null };
  entry.ready = new Promise((resolve) => {
    worker.onmessage = ({ data }) => {
      if (data.type === 'ready') resolve(true);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      entry.failure = event.message || 'the worker script (worker.mjs, wasi-polyfill/wasi-polyfill.mjs) failed to load';
      resolve(false);
    };
  });
  return entry;
}

async function run() {
  if (current || document.body.dataset.state === 'loading') return;
  const program = selected;
  const argsText = ui.args.value;
  const envText = ui.env.value;
  const run = {
    program,
    channel: crossOriginIsolated ? new Channel() : null,
    input: [],
    asked: false,
    stdout: [],
    stderr: [],
    startedAt: performance.now(),
    lastOutputAt: performance.now(),
    reminded: false,
  };
  current = run;
  runs++;
  setState('running', 'starting…');
  ui.exitCode.textContent = '…';
  ui.elapsed.textContent = '…';
  terminal.freshLine();
  const envPrefix = envText.trim() ? `${envText.trim()} ` : '';
  terminal.write(`\x1b[38;5;246m$ ${envPrefix}\x1b[1;38;5;75m${program.name}\x1b[0;38;5;246m${argsText.trim() ? ` ${argsText.trim()}` : ''}\x1b[0m\r\n`);

  let bytes;
  let worker;
  try {
    bytes = await programBytes(program);
    const entry = spare ?? spawnWorker();
    spare = null;
    if (!(await entry.ready)) throw new Error(`could not start the program's worker: ${entry.failure}`);
    worker = entry.worker;
  } catch (e) {
    finish(run, { problem: e.message ?? String(e) });
    return;
  }
  if (current !== run) {
    worker.terminate();
    return;
  }
  run.worker = worker;
  worker.onmessage = ({ data }) => {
    if (current !== run) return;
    if (data.type === 'output') {
      show(run, data.fd, data.chunk);
    } else if (data.type === 'threads') {
      run.threaded = true;
    } else if (data.type === 'input') {
      run.asked = true;
      drain(run);
      document.body.dataset.waiting = 'true';
      ui.runState.textContent = 'waiting for input: type a line and press Enter (Ctrl-D ends the input)';
      pumpInput(run);
    } else if (data.type === 'exit' && data.aborted) {
      stopped(run, run.stopping);
    } else if (data.type === 'exit') {
      drain(run);
      finish(run, data);
    }
  };
  if (run.channel) {
    const frame = () => {
      if (current !== run) return;
      if (!terminal.busy) drain(run, FRAME_OUTPUT_BYTES);
      run.frame = requestAnimationFrame(frame);
    };
    run.frame = requestAnimationFrame(frame);
  }
  worker.onerror = (event) => {
    event.preventDefault();
    if (current === run) finish(run, { problem: `the worker failed: ${event.message}` });
  };
  run.ticker = setInterval(() => tick(run), 100);
  worker.postMessage({
    type: 'run',
    name: program.name,
    bytes,
    args: splitArgs(argsText),
    env: parseEnv(envText),
    files: tree.entries(),
    shared: run.channel?.buffer ?? null,
    stdinMode: STDIN_MODE,
  });
  ui.runState.textContent = 'running';
  terminal.setReading(true);
  terminal.focus();
}

/** Moves the guest's output from the shared ring to the terminal (all of it, or about maxBytes). */
function drain(run, maxBytes = Infinity) {
  if (!run.channel) return;
  for (const [fd, bytes] of run.channel.readOutput(maxBytes)) show(run, fd, bytes);
  terminal.flushNow();
}

function show(run, fd, bytes) {
  (fd === 1 ? run.stdout : run.stderr).push(bytes);
  run.lastOutputAt = performance.now();
  terminal.output(fd, bytes);
}

function tick(run) {
  const now = performance.now();
  ui.elapsed.textContent = formatTime(now - run.startedAt);
  if (!run.reminded && document.body.dataset.waiting !== 'true' && now - run.startedAt > QUIET_REMINDER_MS
      && now - run.lastOutputAt > 2000) {
    run.reminded = true;
    terminal.freshLine();
    terminal.note(`(still running after ${formatTime(now - run.startedAt)}: press Esc or ■ Stop to end it)`, 'warn');
  }
}

function queueInput(bytes) {
  const run = current;
  if (!run) return;
  if (STDIN_MODE === 'none') {
    terminal.note('(this browser has no JSPI and the page is not cross-origin isolated, so typed input cannot '
      + 'reach the program)', 'warn');
    return;
  }
  if (bytes === null) {
    run.input.push(null);
  } else {
    for (let i = 0; i < bytes.length; i += INPUT_CAPACITY) run.input.push(bytes.subarray(i, i + INPUT_CAPACITY));
  }
  pumpInput(run);
}

function pumpInput(run) {
  if (!run.input.length) return;
  if (STDIN_MODE === 'jspi') {
    if (!run.asked) return;
    run.asked = false;
    run.worker.postMessage({ type: 'stdin', chunk: run.input.shift() });
  } else if (run.channel.offerInput(run.input[0])) {
    run.input.shift();
  } else {
    return;
  }
  delete document.body.dataset.waiting;
  ui.runState.textContent = 'running';
}

/**
 * Ends the run: a threaded program's signal is aborted, which ends all its threads, as is a guest suspended waiting
 * for input (JSPI); any other has its worker terminated.
 */
function stop(reason) {
  const run = current;
  if (!run || run.stopping) return;
  if ((run.threaded || (STDIN_MODE === 'jspi' && run.asked)) && run.worker) {
    run.stopping = reason;
    run.worker.postMessage({ type: 'abort', reason });
    run.abortTimer = setTimeout(() => stopped(run, reason), ABORT_GRACE_MS);
    return;
  }
  stopped(run, reason);
}

function stopped(run, reason) {
  if (current !== run) return;
  clearTimeout(run.abortTimer);
  run.worker?.terminate();
  const elapsed = performance.now() - run.startedAt;
  drain(run);
  terminal.freshLine();
  terminal.note(`■ Stopped (${reason}) after ${formatTime(elapsed)}; the program was still running. `
    + 'The files are as they were before this run: a stopped run\'s changes are discarded.', 'warn');
  end(run, { outcome: 'stopped', exitCode: null, elapsed, message: `stopped by ${reason}` });
  ui.exitCode.textContent = 'stopped';
  setState('done', 'stopped');
}

function finish(run, data) {
  if (current !== run) return;
  run.worker?.terminate();
  terminal.freshLine();
  let outcome;
  let message = null;
  if (data.files) tree.replaceAll(data.files);
  if (data.problem) {
    outcome = 'problem';
    message = data.problem;
    terminal.note(`✗ ${data.problem}`, 'error');
    ui.exitCode.textContent = '–';
    setState('done', 'could not run');
  } else if (data.trap) {
    outcome = 'trap';
    message = `${data.trap.name}: ${data.trap.message}`;
    terminal.note(`✗ ${run.program.name} crashed (a trap): ${message}`, 'error');
    for (const frame of data.trap.frames) terminal.note(`    ${frame}`, 'info');
    terminal.note('  The files keep what it wrote before the trap.', 'info');
    ui.exitCode.textContent = 'trap';
    setState('done', 'trapped');
  } else {
    outcome = 'exit';
    const ok = data.exitCode === 0;
    terminal.note(`${ok ? '✓' : '✗'} ${run.program.name} exited with code ${data.exitCode} in ${formatTime(data.elapsed)}`,
      ok ? 'ok' : 'warn');
    ui.exitCode.textContent = String(data.exitCode);
    setState('done', 'finished');
  }
  end(run, { outcome, exitCode: data.exitCode ?? null, elapsed: data.elapsed ?? null, message });
}

function end(run, result) {
  clearInterval(run.ticker);
  cancelAnimationFrame(run.frame);
  terminal.setReading(false);
  current = null;
  delete document.body.dataset.waiting;
  const elapsed = result.elapsed ?? performance.now() - run.startedAt;
  ui.elapsed.textContent = formatTime(elapsed);
  window.playground.lastRun = {
    program: run.program.name,
    ...result,
    stdout: decode(run.stdout),
    stderr: decode(run.stderr),
  };
  document.body.dataset.runs = String(runs);
  spare ??= spawnWorker();
}

function setState(state, text) {
  document.body.dataset.state = state;
  ui.runState.textContent = text;
  const running = state === 'running';
  ui.run.disabled = running || state === 'loading';
  ui.stop.disabled = !running;
  ui.filesPanel.classList.toggle('locked', running);
  for (const button of ui.filesPanel.querySelectorAll('.file-actions button')) button.disabled = running;
}

// ---- the file tree --------------------------------------------------------------------------------------------

function renderTree() {
  if (!tree.has(selectedPath)) selectedPath = '/';
  const rows = [];
  const list = (dir, depth, parent) => {
    for (const { name, path, node } of tree.children(dir)) {
      const item = document.createElement('li');
      item.setAttribute('role', 'treeitem');
      item.id = `file:${path}`;
      item.dataset.path = path;
      item.setAttribute('aria-selected', String(path === selectedPath));
      const row = document.createElement('div');
      row.className = `row ${node.type}`;
      row.style.paddingLeft = `${0.5 + depth * 1.1}rem`;
      const icon = document.createElement('span');
      icon.className = 'icon';
      const label = document.createElement('span');
      label.className = 'name';
      label.textContent = name;
      const meta = document.createElement('span');
      meta.className = 'meta';
      if (node.type === 'directory') {
        const open = !collapsed.has(path);
        item.setAttribute('aria-expanded', String(open));
        icon.textContent = open ? '▾' : '▸';
      } else if (node.type === 'symlink') {
        icon.textContent = '↪';
        meta.textContent = `→ ${node.target}`;
      } else {
        icon.textContent = '·';
        meta.textContent = formatSize(node.data.length);
      }
      if (node.mtime) row.title = `${path}\nmodified ${new Date(node.mtime).toLocaleString()}`;
      row.append(icon, label, meta);
      item.append(row);
      row.addEventListener('click', () => selectPath(path));
      icon.addEventListener('click', (event) => {
        if (node.type === 'directory') {
          event.stopPropagation();
          selectPath(path);
          toggle(path);
        }
      });
      row.addEventListener('dblclick', () => (node.type === 'directory' ? toggle(path) : edit(path)));
      parent.append(item);
      rows.push(path);
      if (node.type === 'directory' && !collapsed.has(path)) {
        const group = document.createElement('ul');
        group.setAttribute('role', 'group');
        item.append(group);
        list(path, depth + 1, group);
      }
    }
  };
  ui.tree.replaceChildren();
  list('/', 0, ui.tree);
  if (rows.length === 0) {
    const empty = document.createElement('li');
    empty.className = 'empty';
    empty.textContent = 'No files. Create or upload some, or Reset.';
    ui.tree.append(empty);
  }
  ui.tree.setAttribute('aria-activedescendant', selectedPath === '/' ? '' : `file:${selectedPath}`);
  return rows;
}

function selectPath(path) {
  selectedPath = path;
  renderTree();
  document.getElementById(`file:${path}`)?.scrollIntoView({ block: 'nearest' });
}

function toggle(path) {
  if (collapsed.has(path)) collapsed.delete(path);
  else collapsed.add(path);
  renderTree();
}

/** The folder that new and uploaded files go into: the selected folder, or the selected file's. */
function targetFolder() {
  const node = tree.get(selectedPath);
  return node && node.type === 'directory' ? selectedPath : parentOf(selectedPath);
}

function fileActionsLocked() {
  if (!current) return false;
  terminal.note('(the files are read-only while a program runs: it has its own copy)', 'warn');
  return true;
}

async function newEntry(kind) {
  if (fileActionsLocked()) return;
  const folder = targetFolder();
  const name = await ask(`New ${kind} in ${folder}`, '', (value) => badName(value)
    ?? (tree.has(joinPath(folder, value)) ? `${joinPath(folder, value)} already exists` : null));
  if (name === null) return;
  const path = joinPath(folder, name);
  if (kind === 'folder') {
    tree.mkdir(path);
    selectPath(path);
  } else {
    tree.writeFile(path, '');
    selectPath(path);
    edit(path);
  }
}

function edit(path) {
  if (fileActionsLocked()) return;
  const node = tree.get(path);
  if (!node || node.type !== 'file') return;
  let text = null;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(node.data);
    if (text.includes('\0')) text = null;
  } catch {
    text = null;
  }
  ui.editorPath.textContent = path;
  ui.editor.dataset.path = path;
  ui.editorText.readOnly = text === null;
  ui.editorSave.disabled = text === null;
  ui.editorText.value = text ?? `(${path} is a binary file of ${formatSize(node.data.length)}: download it to look inside)`;
  ui.editor.returnValue = '';
  ui.editor.showModal();
  ui.editorText.focus();
}

function saveEditor() {
  const path = ui.editor.dataset.path;
  if (!ui.editorSave.disabled && path) tree.writeFile(path, ui.editorText.value);
}

async function renameSelected() {
  if (fileActionsLocked() || selectedPath === '/') return;
  const from = selectedPath;
  const to = await ask(`Rename or move ${from} to`, from, (value) => {
    if (!value.startsWith('/')) return 'give the full path, starting with /';
    const name = baseName(value);
    const problem = badName(name);
    if (problem) return problem;
    if (value === from) return null;
    if (tree.has(value)) return `${value} already exists`;
    const parent = tree.get(parentOf(value));
    if (!parent || parent.type !== 'directory') return `${parentOf(value)} is not a folder`;
    if (value.startsWith(`${from}/`)) return 'a folder cannot move into itself';
    return null;
  });
  if (to === null || to === from) return;
  tree.rename(from, to);
  selectPath(to);
}

async function deleteSelected() {
  if (fileActionsLocked() || selectedPath === '/') return;
  const path = selectedPath;
  const node = tree.get(path);
  const what = node.type === 'directory' ? `the folder ${path} and everything in it` : path;
  if (await ask(`Delete ${what}?`, null) === null) return;
  const rows = renderTree();
  const next = rows[rows.indexOf(path) + 1] ?? parentOf(path);
  tree.remove(path);
  selectPath(tree.has(next) && !next.startsWith(`${path}/`) ? next : parentOf(path));
}

function downloadSelected() {
  const node = tree.get(selectedPath);
  if (!node || node.type !== 'file') return;
  const url = URL.createObjectURL(new Blob([node.data], { type: 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = baseName(selectedPath);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function uploadFiles(files) {
  if (fileActionsLocked()) return;
  const folder = targetFolder();
  for (const file of files) {
    tree.writeFile(joinPath(folder, file.name), new Uint8Array(await file.arrayBuffer()), { notify: false });
  }
  tree.changed();
  if (files.length) selectPath(joinPath(folder, files[files.length - 1].name));
}

/** Back to a first visit's files: the samples only (the saved tree follows). */
function resetSamples() {
  if (fileActionsLocked()) return;
  tree.replaceAll([]);
  for (const [path, text] of Object.entries(SAMPLE_FILES)) tree.writeFile(path, text, { notify: false });
  tree.changed();
}

function treeKey(event) {
  const rows = renderTree();
  const index = rows.indexOf(selectedPath);
  const node = tree.get(selectedPath);
  const keys = {
    ArrowDown: () => rows.length && selectPath(rows[Math.min(rows.length - 1, index + 1)]),
    ArrowUp: () => rows.length && selectPath(rows[Math.max(0, index - 1)]),
    ArrowRight: () => node?.type === 'directory' && collapsed.has(selectedPath) && toggle(selectedPath),
    ArrowLeft: () => (node?.type === 'directory' && !collapsed.has(selectedPath) ? toggle(selectedPath)
      : parentOf(selectedPath) !== '/' && selectPath(parentOf(selectedPath))),
    Enter: () => (node?.type === 'directory' ? toggle(selectedPath) : edit(selectedPath)),
    F2: () => renameSelected(),
    Delete: () => deleteSelected(),
  };
  if (keys[event.key]) {
    event.preventDefault();
    keys[event.key]();
  }
}

// ---- dialogs --------------------------------------------------------------------------------------------------

/** Asks for a line of text (or, with value null, just OK/Cancel); resolves to it, or null when cancelled. */
function ask(label, value, validate = () => null) {
  ui.askLabel.textContent = label;
  ui.askInput.hidden = value === null;
  ui.askInput.value = value ?? '';
  ui.askError.textContent = '';
  ui.ask.returnValue = '';
  ui.ask.showModal();
  if (value !== null) {
    ui.askInput.focus();
    const dot = ui.askInput.value.lastIndexOf('.');
    const slash = ui.askInput.value.lastIndexOf('/');
    ui.askInput.setSelectionRange(slash + 1, dot > slash + 1 ? dot : ui.askInput.value.length);
  } else {
    $('ask-ok').focus();
  }
  ui.ask.validate = validate;
  return new Promise((resolve) => {
    ui.ask.addEventListener('close', () => {
      resolve(ui.ask.returnValue === 'ok' ? (value === null ? '' : ui.askInput.value) : null);
    }, { once: true });
  });
}

ui.ask.querySelector('form').addEventListener('submit', (event) => {
  if (event.submitter?.value === 'cancel' || ui.askInput.hidden) return;
  const problem = ui.ask.validate(ui.askInput.value);
  if (problem) {
    event.preventDefault();
    ui.askError.textContent = problem;
  }
});
ui.askInput.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    event.preventDefault();
    $('ask-ok').click();
  }
});

ui.editor.addEventListener('close', () => {
  if (ui.editor.returnValue === 'save') saveEditor();
  ui.tree.focus();
});
ui.editorText.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
    event.preventDefault();
    ui.editorSave.click();
  } else if (event.key === 'Tab' && !event.shiftKey && !ui.editorText.readOnly) {
    event.preventDefault();
    ui.editorText.setRangeText('\t', ui.editorText.selectionStart, ui.editorText.selectionEnd, 'end');
  }
});

// ---- drag and drop ------------------------------------------------------------------------------------------

function carriesFiles(event) {
  return [...(event.dataTransfer?.types ?? [])].includes('Files');
}

document.addEventListener('dragover', (event) => {
  if (!carriesFiles(event)) return;
  event.preventDefault();
  const intoTree = ui.filesPanel.contains(event.target);
  ui.filesPanel.classList.toggle('drop-target', intoTree);
  ui.dropOverlay.hidden = intoTree;
});
document.addEventListener('dragleave', (event) => {
  if (event.relatedTarget === null) {
    ui.dropOverlay.hidden = true;
    ui.filesPanel.classList.remove('drop-target');
  }
});
document.addEventListener('drop', (event) => {
  if (!carriesFiles(event)) return;
  event.preventDefault();
  ui.dropOverlay.hidden = true;
  ui.filesPanel.classList.remove('drop-target');
  const files = [...event.dataTransfer.files];
  if (ui.filesPanel.contains(event.target)) {
    uploadFiles(files);
  } else if (files.length) {
    if (current) {
      terminal.note('(a program is running: stop it before starting another)', 'warn');
      return;
    }
    addUpload(files[0]);
  }
});

// ---- wiring ---------------------------------------------------------------------------------------------------

function decode(chunks) {
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const all = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return decoder.decode(all);
}

function formatTime(ms) {
  return ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function main() {
  const keepingFailed = (error) => terminal.note(`Your files are not kept across reloads: ${error.message}`, 'warn');
  const persistence = await Persistence.open(keepingFailed);
  window.playground = { lastRun: null, terminalText: () => terminal.text(), tree, saved: () => persistence?.flush() };
  const saved = await persistence?.restore().catch((error) => keepingFailed(error));
  if (saved) tree.replaceAll(saved);
  else for (const [path, text] of Object.entries(SAMPLE_FILES)) tree.writeFile(path, text, { notify: false });
  tree.onChange(renderTree);
  if (persistence) tree.onChange(() => persistence.schedule(() => tree.entries()));
  renderTree();

  const wanted = programs.find((p) => `#${p.name}` === location.hash);
  select(wanted ?? programs[0]);

  for (const [input, key] of [[ui.args, 'args'], [ui.env, 'env']]) {
    input.addEventListener('input', () => { selected[key] = input.value; });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        run();
      }
    });
  }
  ui.run.addEventListener('click', () => run());
  ui.stop.addEventListener('click', () => stop('■ Stop'));
  ui.openWasm.addEventListener('click', () => ui.wasmPicker.click());
  ui.wasmPicker.addEventListener('change', () => {
    const file = ui.wasmPicker.files[0];
    ui.wasmPicker.value = '';
    if (file && !current) addUpload(file);
  });
  ui.programs.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      moveSelection(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      run();
    }
  });
  ui.tree.addEventListener('keydown', treeKey);
  ui.filePicker.addEventListener('change', () => {
    uploadFiles([...ui.filePicker.files]);
    ui.filePicker.value = '';
  });
  const actions = {
    'new-file': () => newEntry('file'),
    'new-folder': () => newEntry('folder'),
    upload: () => !fileActionsLocked() && ui.filePicker.click(),
    edit: () => edit(selectedPath),
    download: downloadSelected,
    rename: renameSelected,
    delete: deleteSelected,
    reset: resetSamples,
  };
  for (const button of document.querySelectorAll('.file-actions button')) {
    button.addEventListener('click', () => actions[button.dataset.action]());
  }
  // Capture, so that the terminal (which takes every key while focused) never sees these.
  window.addEventListener('keydown', (event) => {
    if (ui.editor.open || ui.ask.open) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.stopPropagation();
      run();
    } else if (event.key === 'Escape' && current) {
      event.preventDefault();
      event.stopPropagation();
      stop('Esc');
    }
  }, true);

  terminal.note('WASI playground: wasm32-wasi programs run in a Web Worker in this page; nothing leaves the browser.', 'info');
  window.playground.stdinMode = STDIN_MODE;
  if (STDIN_MODE === 'none') {
    terminal.note('This browser has no JSPI (WebAssembly.Suspending) and the page is not cross-origin isolated (it '
      + 'was served without COOP/COEP headers), so programs get an empty standard input. Use a browser with JSPI, '
      + 'or serve the page with scripts/playground.', 'warn');
  }
  spare = spawnWorker();
  setState('idle', 'ready');
  run();
}

main();
