// Async mode (JSPI) in a browser: the guests of browser-tests/src/test/async-c, fed by an asynchronous stdin.
const text = (bytes) => new TextDecoder().decode(bytes);
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function check(failures, what, actual, expected) {
  if (actual !== expected) failures.push(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

function within(failures, what, value, low, high) {
  if (!(value >= low && value <= high)) failures.push(`${what}: ${value} not within [${low}, ${high}]`);
}

/** Runs a guest in async mode; resolves to { exitCode, stdout, wasi, instance } or { error, ... }. */
async function runGuest(M, bytes, options, onStarted) {
  const out = [];
  const wasi = new M.WASI({ stdout: (c) => out.push(text(c)), ...options });
  const { instance } = await WebAssembly.instantiate(bytes, wasi.getImportObject());
  const run = wasi.start(instance);
  if (onStarted) onStarted(wasi);
  try {
    const exitCode = await run;
    return { exitCode, stdout: out.join(''), wasi, instance, out };
  } catch (error) {
    return { error, stdout: out.join(''), wasi, instance, out };
  }
}

export async function runAsyncChecks(M, guests) {
  const failures = [];
  const report = {};

  // The import object: only fd_read and poll_oneoff are Suspending; start() returns a promise.
  {
    const wasi = new M.WASI({ stdin: async () => null });
    const ns = wasi.getImportObject().wasi_snapshot_preview1;
    check(failures, 'async property', wasi.async, true);
    check(failures, 'fd_read is Suspending', ns.fd_read instanceof WebAssembly.Suspending, true);
    check(failures, 'poll_oneoff is Suspending', ns.poll_oneoff instanceof WebAssembly.Suspending, true);
    check(failures, 'fd_write stays a function', typeof ns.fd_write, 'function');
    check(failures, 'clock_time_get stays a function', typeof ns.clock_time_get, 'function');
    const old = new M.WASI({ version: 'unstable', async: true }).getImportObject().wasi_unstable;
    check(failures, 'unstable fd_read is Suspending', old.fd_read instanceof WebAssembly.Suspending, true);
    check(failures, 'unstable poll_oneoff is Suspending', old.poll_oneoff instanceof WebAssembly.Suspending, true);
    check(failures, 'unstable fd_write stays a function', typeof old.fd_write, 'function');
    check(failures, 'sync async property', new M.WASI({}).async, false);
  }

  // echo: lines fed over time; each is echoed before the next is asked for.
  {
    const log = [];
    const lines = ['one\n', 'two\n', 'three\n'];
    const r = await runGuest(M, guests.echo, {
      stdin: async () => { await delay(30); const line = lines.shift() ?? null; log.push('in ' + line); return line; },
      stdout: (c) => log.push('out ' + text(c)),
    });
    check(failures, 'echo exit code', r.exitCode, 0);
    check(failures, 'echo order', log.join('|'),
      'in one\n|out echo: one\n|in two\n|out echo: two\n|in three\n|out echo: three\n|in null|out 3 lines\n');
  }

  // One chunk of 3.4 MB from a ReadableStream: taken into the core a MiB at a time as the guest reads it, with the
  // lines that straddle those slices intact.
  {
    const lines = Array.from({ length: 45000 }, (_, i) => `${String(i).padStart(6, '0')} ${'x'.repeat(70)}\n`);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(lines.join('')));
        controller.close();
      },
    });
    const r = await runGuest(M, guests.echo, { stdin: stream });
    check(failures, 'huge chunk exit code', r.exitCode, 0);
    check(failures, 'huge chunk echoed whole', r.stdout === `${lines.map((l) => `echo: ${l}`).join('')}45000 lines\n`,
      true);
  }

  // fread into two iovecs: a chunk that fills the first one ends the read there, the rest comes with the next.
  {
    const chunks = ['abcdefg', 'h', '123', '456789'];
    const r = await runGuest(M, guests.freads, { stdin: async () => { await delay(10); return chunks.shift() ?? null; } });
    check(failures, 'freads exit code', r.exitCode, 0);
    check(failures, 'freads pieces', r.stdout, '[abcd][efgh][1234][5678][9]end\n');
  }

  // A prompt loop: each answer is given only once the prompt has been printed.
  {
    const answers = ['Ann', 'Bob'];
    let shown = '';
    const r = await runGuest(M, guests.prompt, {
      stdout: (c) => { shown += text(c); },
      stdin: async () => {
        await delay(20);
        if (!shown.endsWith('name? ')) return 'the prompt was not shown first\n';
        return answers.length ? answers.shift() + '\n' : null;
      },
    });
    check(failures, 'prompt exit code', r.exitCode, 7);
    check(failures, 'prompt transcript', shown, 'name? hello, Ann\nname? hello, Bob\nname? bye\n');
  }

  // sleep 1 s: wall time, the guest's own clock, and the page's timers firing all along (no spin).
  {
    let ticks = 0;
    const interval = setInterval(() => { ticks++; }, 50);
    const t0 = performance.now();
    const r = await runGuest(M, guests.sleeper, { async: true, args: ['sleeper', '1000'] });
    const wall = performance.now() - t0;
    clearInterval(interval);
    check(failures, 'sleep exit code', r.exitCode, 0);
    const slept = Number(/slept (\d+) ms/.exec(r.stdout)?.[1]);
    within(failures, 'sleep: the guest measured', slept, 1000, 1400);
    within(failures, 'sleep: wall time', wall, 1000, 1600);
    within(failures, 'sleep: setInterval(50) ticks during it (a spin would allow none)', ticks, 5, 40);
    report.sleep = { slept, wall: Math.round(wall), ticks };
  }

  // poll on stdin with a timeout: data first, then the timeout first.
  {
    const t0 = performance.now();
    const r = await runGuest(M, guests.poll, {
      args: ['poll_stdin', '3000'],
      stdin: async () => { await delay(100); return 'hi\n'; },
    });
    const wall = performance.now() - t0;
    check(failures, 'poll (data first) exit code', r.exitCode, 0);
    const m = /^ready \(POLLIN\) after (\d+) ms: hi\n$/.exec(r.stdout);
    if (!m) failures.push('poll (data first): ' + JSON.stringify(r.stdout));
    else within(failures, 'poll (data first): the guest waited', Number(m[1]), 80, 1000);
    within(failures, 'poll (data first): wall time', wall, 80, 1500);
    report.pollData = { stdout: r.stdout, wall: Math.round(wall) };
  }
  {
    const t0 = performance.now();
    const r = await runGuest(M, guests.poll, {
      args: ['poll_stdin', '300'],
      stdin: () => delay(5000).then(() => 'late\n'),
      async: true,
    });
    const wall = performance.now() - t0;
    check(failures, 'poll (timeout first) exit code', r.exitCode, 0);
    const m = /^timeout after (\d+) ms\n$/.exec(r.stdout);
    if (!m) failures.push('poll (timeout first): ' + JSON.stringify(r.stdout));
    else within(failures, 'poll (timeout first): the guest waited', Number(m[1]), 300, 800);
    within(failures, 'poll (timeout first): wall time', wall, 300, 1500);
    report.pollTimeout = { stdout: r.stdout, wall: Math.round(wall) };
  }

  // A ReadableStream of strings and bytes; an empty chunk is skipped, the stream's end is end of file.
  {
    const stream = new ReadableStream({
      async start(controller) {
        controller.enqueue('a\n');
        await delay(30);
        controller.enqueue(new Uint8Array(0));
        controller.enqueue(new TextEncoder().encode('b\nc'));
        await delay(30);
        controller.enqueue('\n');
        controller.close();
      },
    });
    const r = await runGuest(M, guests.echo, { stdin: stream });
    check(failures, 'stream exit code', r.exitCode, 0);
    check(failures, 'stream echo', r.stdout, 'echo: a\necho: b\necho: c\n3 lines\n');
  }

  // Abort while waiting for stdin, and while sleeping: the promise rejects at once, the WASI is spent.
  {
    const t0 = performance.now();
    const r = await runGuest(M, guests.echo, { stdin: () => new Promise(() => {}), async: true },
      (wasi) => setTimeout(() => wasi.abort('ctrl-c'), 100));
    const wall = performance.now() - t0;
    check(failures, 'abort (stdin): error name', r.error?.name, 'WASIAbortError');
    check(failures, 'abort (stdin): error message', r.error?.message, 'WASI: the guest was aborted: ctrl-c');
    check(failures, 'abort (stdin): cause', r.error?.cause, 'ctrl-c');
    check(failures, 'abort (stdin): an Error', r.error instanceof Error, true);
    within(failures, 'abort (stdin): wall time', wall, 90, 1000);
    try {
      r.wasi.start(r.instance);
      failures.push('start() after abort did not throw');
    } catch (e) {
      check(failures, 'start() after abort', e.name, 'WASIAbortError');
    }
    try {
      await WebAssembly.promising(r.instance.exports._start)();
      failures.push('the aborted instance ran again');
    } catch (e) {
      check(failures, 'the aborted instance run again', e.name, 'WASIAbortError');
    }
  }
  {
    const t0 = performance.now();
    const r = await runGuest(M, guests.sleeper, { async: true, args: ['sleeper', '5000'] },
      (wasi) => setTimeout(() => wasi.abort(), 100));
    const wall = performance.now() - t0;
    check(failures, 'abort (sleep): error name', r.error?.name, 'WASIAbortError');
    check(failures, 'abort (sleep): error message', r.error?.message, 'WASI: the guest was aborted');
    within(failures, 'abort (sleep): wall time', wall, 90, 1000);
    const wasi = new M.WASI({ async: true });
    wasi.abort('early');
    try {
      wasi.start((await WebAssembly.instantiate(guests.sleeper, wasi.getImportObject())).instance);
      failures.push('start() after an abort before it did not throw');
    } catch (e) {
      check(failures, 'start() after an abort before it', e.message, 'WASI: the guest was aborted: early');
    }
  }

  // What the stdin source does wrong ends the run with that error.
  {
    const boom = new Error('no more input');
    const r = await runGuest(M, guests.echo, { stdin: async () => { throw boom; } });
    check(failures, 'stdin rejects: the same error', r.error, boom);
    const bad = await runGuest(M, guests.echo, { stdin: async () => 42 });
    check(failures, 'stdin gives a number: error name', bad.error?.name, 'TypeError');
    check(failures, 'stdin gives a number: message', bad.error?.message,
      'WASI: stdin gave the number 42, not a Uint8Array, a string or null');
  }

  // Without async mode a stdin callback cannot hand over a promise.
  {
    const wasi = new M.WASI({ stdin: () => Promise.resolve('x\n') });
    try {
      wasi.start((await WebAssembly.instantiate(guests.echo, wasi.getImportObject())).instance);
      failures.push('a promise from a synchronous stdin callback did not throw');
    } catch (e) {
      check(failures, 'a promise from a synchronous stdin callback', e.name + ': ' + e.message,
        'TypeError: WASI: the stdin callback returned a promise: pass async: true');
    }
  }

  // Options that contradict each other.
  try {
    new M.WASI({ stdin: async () => null, async: false });
    failures.push('async: false with an async stdin did not throw');
  } catch (e) {
    check(failures, 'async: false with an async stdin', e.name, 'TypeError');
  }

  // The conformance guests that poll clocks, in async mode: the same transcript as in plain mode, the sleeps
  // awaited as timers (poll_clocks through wasi_snapshot_preview1, unstable_poll through wasi_unstable alone).
  for (const name of ['poll_clocks', 'unstable_poll']) {
    const expected = await (await fetch(`/guests/${name}.stdout`)).text();
    const r = await M.WASI.run(`/guests/${name}.wasm`, { args: [name], async: true, preopens: { '/sandbox': '/sandbox' } });
    check(failures, `${name} in async mode: exit code`, r.exitCode, 0);
    check(failures, `${name} in async mode: stdout`, text(r.stdout), expected);
  }

  // A wild pointer in a wrapped import and in a plain one: the start() promise rejects with the trap naming it.
  for (const name of ['fd_read', 'poll_oneoff', 'fd_write']) {
    const r = await M.WASI.run('/guests/bad_args.wasm', {
      args: ['bad_args', 'trap', name], async: true, preopens: { '/sandbox': '/sandbox' },
    }).catch((e) => ({ error: e }));
    check(failures, `trap in ${name}: a RuntimeError`, r.error instanceof WebAssembly.RuntimeError, true);
    if (!String(r.error?.message).startsWith(`wasi_snapshot_preview1.${name}: out of bounds`)) {
      failures.push(`trap in ${name}: ${r.error?.message ?? JSON.stringify(r)}`);
    }
  }

  // A reactor in async mode: initialize() resolves once _initialize has run; its exports are then the page's.
  {
    const out = [];
    const wasi = new M.WASI({ async: true, env: { START: '40' }, stdout: (c) => out.push(text(c)) });
    const reactor = await (await fetch('/guests/reactors/counter.wasm')).arrayBuffer();
    const { instance } = await WebAssembly.instantiate(reactor, wasi.getImportObject());
    const ready = wasi.initialize(instance);
    check(failures, 'async initialize() gives a promise', ready instanceof Promise, true);
    check(failures, 'async initialize() resolves to', await ready, undefined);
    check(failures, 'an export called after async initialize()', instance.exports.bump(2), 42);
    check(failures, 'what the reactor printed', out.join(''), 'reactor ready at 40\ncount 42\n');
  }

  // WASI.run with an async stdin.
  {
    const lines = ['x\n', 'y\n'];
    const r = await M.WASI.run(guests.echo, { stdin: async () => { await delay(10); return lines.shift() ?? null; } });
    check(failures, 'WASI.run exit code', r.exitCode, 0);
    check(failures, 'WASI.run stdout', text(r.stdout), 'echo: x\necho: y\n2 lines\n');
  }
  return { failures, report };
}
