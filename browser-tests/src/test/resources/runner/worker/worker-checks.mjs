// Runs clang-built guests (worker-guests/, from src/test/worker-c) through wasi-polyfill/worker's runInWorker and
// reports what happened, in order, for WorkerFallbackTest to assert on.
import { replaceTree, runInWorker, WorkerAbortError } from '../../wasi-polyfill/worker.mjs';
import { MemFS } from '../../wasi-polyfill/wasi-polyfill.mjs';

const decoder = new TextDecoder();
const guest = (name) => new URL(`../../worker-guests/${name}.wasm`, import.meta.url);
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A log of what the page saw, in order: ['out', text] for stdout, ['in', text] for what stdin gave. */
function recorder() {
  const log = [];
  return {
    log,
    stdout: (chunk) => log.push(['out', decoder.decode(chunk)]),
    stdin: (lines, pauseMs = 0) => async () => {
      await delay(pauseMs);
      const line = lines.shift() ?? null;
      log.push(['in', line]);
      return line;
    },
  };
}

function failure(e) {
  return { error: { name: e?.name, message: e?.message ?? String(e), isAbort: e instanceof WorkerAbortError } };
}

export async function echoLinesOverTime() {
  const page = recorder();
  try {
    const result = await runInWorker(guest('echo'), {
      stdin: page.stdin(['one\n', 'two words\n', 'no newline'], 150),
      stdout: page.stdout,
    });
    return { exitCode: result.exitCode, stdout: result.stdout, log: page.log };
  } catch (e) {
    return failure(e);
  }
}

export async function echoFromReadableStream() {
  const lines = ['alpha\n', 'beta\n'];
  const stream = new ReadableStream({
    async pull(controller) {
      await delay(50);
      const line = lines.shift();
      if (line === undefined) controller.close();
      else controller.enqueue(new TextEncoder().encode(line));
    },
  });
  try {
    const result = await runInWorker(guest('echo'), { stdin: stream });
    return { exitCode: result.exitCode, stdout: decoder.decode(result.stdout), stderr: decoder.decode(result.stderr) };
  } catch (e) {
    return failure(e);
  }
}

export async function promptLoopWithFiles() {
  const page = recorder();
  const fs = new MemFS();
  fs.mkdir('/sandbox');
  fs.writeFile('/sandbox/greeting.txt', 'Hi there\n');
  fs.writeFile('/sandbox/old.txt', 'to be removed');
  try {
    const result = await runInWorker(guest('prompt'), {
      fs,
      preopens: { '/sandbox': '/sandbox' },
      stdin: page.stdin(['abc\n', 'wasi\n', 'quit\n']),
      stdout: page.stdout,
    });
    return {
      exitCode: result.exitCode,
      sameFs: result.fs === fs,
      log: page.log,
      files: fs.readdir('/sandbox'),
      answers: fs.readFile('/sandbox/answers.txt', 'utf8'),
    };
  } catch (e) {
    return failure(e);
  }
}

/**
 * A MemFS of maxBytes 40: the Worker's MemFS gets the same limit, so the guest's 100-byte answer (fprintf into a
 * FILE buffer, written at fclose) meets ENOSPC there and the tree that comes back fits. And a tree that would not
 * fit is refused by replaceTree before anything of the MemFS is removed.
 */
export async function limitsCrossToTheWorker() {
  const page = recorder();
  const fs = new MemFS({ maxBytes: 40 });
  fs.mkdir('/sandbox');
  fs.writeFile('/sandbox/greeting.txt', 'Hi there\n');
  fs.writeFile('/sandbox/old.txt', 'to be removed');
  let run;
  try {
    const result = await runInWorker(guest('prompt'), {
      fs, preopens: { '/sandbox': '/sandbox' }, stdin: page.stdin([`${'y'.repeat(100)}\n`]), stdout: () => {},
    });
    run = { exitCode: result.exitCode };
  } catch (e) {
    run = failure(e);
  }
  const answers = fs.exists('/sandbox/answers.txt') ? fs.readFile('/sandbox/answers.txt').length : null;
  let refused = null;
  const big = { path: '/sandbox/big', type: 'file', data: new Uint8Array(100), mtime: 0 };
  try {
    replaceTree(fs, [{ path: '/sandbox', type: 'directory', mtime: 0 }, big]);
  } catch (e) {
    refused = `${e.name}: ${e.message}`;
  }
  return { run, answers, refused, files: fs.readdir('/sandbox'), usedBytes: fs.usage().usedBytes };
}

/**
 * A hard link, a mode and an exact mtime made on the page, and a hard link and an mtime the guest makes, as the
 * MemFS holds them after the run: each file's inode, link count, permission bits and mtime (ns, as a string).
 */
export async function linksTimesAndModesRoundTrip() {
  const fs = new MemFS();
  fs.mkdir('/sandbox');
  fs.writeFile('/sandbox/a.txt', 'one');
  fs.link('/sandbox/a.txt', '/sandbox/pre.txt');
  fs.chmod('/sandbox/a.txt', 0o640);
  fs.writeFile('/sandbox/old.txt', 'kept');
  fs.chmod('/sandbox/old.txt', 0o400);
  fs.utimes('/sandbox/old.txt', 5n, 1000000000123456789n);
  try {
    const result = await runInWorker(guest('links'), { fs, preopens: { '/sandbox': '/sandbox' } });
    const files = {};
    for (const name of fs.readdir('/sandbox')) {
      const stat = fs.lstat(`/sandbox/${name}`);
      files[name] = {
        ino: stat.ino, nlink: stat.nlink, mode: stat.mode & 0o7777, mtimeNs: String(stat.mtimeNs),
        text: fs.readFile(`/sandbox/${name}`, 'utf8'),
      };
    }
    return {
      exitCode: result.exitCode, stdout: decoder.decode(result.stdout), stderr: decoder.decode(result.stderr), files,
    };
  } catch (e) {
    return failure(e);
  }
}

export async function sleepAgainstWallTime(ms) {
  let ticks = 0;
  const ticker = setInterval(() => ticks++, 10);
  const start = performance.now();
  try {
    const result = await runInWorker(guest('sleeper'), { args: ['sleeper', String(ms)] });
    return { exitCode: result.exitCode, stdout: decoder.decode(result.stdout), wall: performance.now() - start, ticks };
  } catch (e) {
    return failure(e);
  } finally {
    clearInterval(ticker);
  }
}

/** poll_stdin with a timeout of timeoutMs (poll_stdin_unstable: 200 ms, fixed), fed a line after inputAfterMs. */
export async function pollWithTimeout(timeoutMs, inputAfterMs, name = 'poll_stdin') {
  const started = performance.now();
  let givenAt = null;
  try {
    const result = await runInWorker(guest(name), {
      args: [name, String(timeoutMs)],
      version: name.endsWith('_unstable') ? 'unstable' : 'preview1',
      stdin: async () => {
        await delay(inputAfterMs);
        givenAt = performance.now() - started;
        return 'late line\n';
      },
    });
    return { exitCode: result.exitCode, stdout: decoder.decode(result.stdout), givenAt, wall: performance.now() - started };
  } catch (e) {
    return failure(e);
  }
}

export async function abortWhileWaiting() {
  const controller = new AbortController();
  const fs = new MemFS();
  fs.mkdir('/sandbox');
  fs.writeFile('/sandbox/old.txt', 'kept');
  let asked = 0;
  const output = [];
  const run = runInWorker(guest('prompt'), {
    fs,
    preopens: { '/sandbox': '/sandbox' },
    stdin: () => {
      asked++;
      return new Promise(() => {}); // the user never types
    },
    stdout: (chunk) => {
      output.push(decoder.decode(chunk));
      if (output.join('') === '> ') setTimeout(() => controller.abort('Ctrl-C'), 100);
    },
    signal: controller.signal,
  });
  const started = performance.now();
  try {
    await run;
    return { resolved: true };
  } catch (e) {
    return {
      ...failure(e),
      cause: e.cause,
      afterMs: performance.now() - started,
      asked,
      output: output.join(''),
      files: fs.readdir('/sandbox'),
    };
  }
}

export async function notIsolated() {
  try {
    await runInWorker(guest('echo'), { stdin: async () => null });
    return { resolved: true, crossOriginIsolated };
  } catch (e) {
    return { ...failure(e), crossOriginIsolated };
  }
}

export async function badStdin() {
  try {
    await runInWorker(guest('echo'), { stdin: async () => 42 });
    return { resolved: true };
  } catch (e) {
    return failure(e);
  }
}

export async function trapKeepsTheFiles() {
  const fs = new MemFS();
  fs.mkdir('/sandbox');
  try {
    await runInWorker(guest('trapper'), { fs, preopens: { '/sandbox': '/sandbox' } });
    return { resolved: true };
  } catch (e) {
    return {
      ...failure(e),
      isRuntimeError: e instanceof WebAssembly.RuntimeError,
      file: fs.exists('/sandbox/before-trap.txt') ? fs.readFile('/sandbox/before-trap.txt', 'utf8') : null,
    };
  }
}
