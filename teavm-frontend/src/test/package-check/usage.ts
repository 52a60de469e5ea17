// Type-checked (never run) by check-dist.sh against the packed index.d.ts: every part of the API once.
import { WASI, MemFS, install, uninstall, start } from 'wasi-polyfill';
import type { WASIOptions, RunResult, WASIExitError, WASIAbortError, AsyncWASI, Stats } from 'wasi-polyfill';
import { ArchiveError, exportTar, exportZip, mountArchive, mountTar, mountZip } from 'wasi-polyfill/archive';
import type { MountResult } from 'wasi-polyfill/archive';
import { lazyFile, lazyFileFromUrl } from 'wasi-polyfill/lazy';
import type { LazyFileInfo } from 'wasi-polyfill/lazy';

export async function usage(bytes: Uint8Array): Promise<number> {
  const fs = new MemFS({ maxBytes: 1 << 20, maxFileSize: 1 << 16 });
  fs.mkdir('/sandbox', { recursive: true });
  fs.writeFile('/sandbox/in.txt', 'hello');
  fs.appendFile('/sandbox/in.txt', new Uint8Array([10]));
  const text: string = fs.readFile('/sandbox/in.txt', 'utf8');
  const raw: Uint8Array = fs.readFile('/sandbox/in.txt');
  const names: string[] = fs.readdir('/sandbox');
  const st: Stats = fs.stat('/sandbox/in.txt');
  const isFile: boolean = st.isFile() && fs.exists('/sandbox');
  fs.symlink('in.txt', '/sandbox/link');
  const target: string = fs.readlink('/sandbox/link');
  fs.rename('/sandbox/link', '/sandbox/link2');
  fs.unlink('/sandbox/link2');

  const options: WASIOptions = {
    version: 'preview1', args: ['prog'], env: { A: 'b' }, fs, preopens: { '/sandbox': '/sandbox', '/ro': { path: '/sandbox', readOnly: true } },
    maxOpenFiles: 64, stdin: () => null, stdout: (c: Uint8Array) => void c, stderr: (c) => void c.length, returnOnExit: false,
  };
  const wasi = new WASI(options);
  const { instance } = await WebAssembly.instantiate(bytes, wasi.getImportObject());
  const merged = { env: {}, wasi_snapshot_preview1: wasi.wasiImport };
  void merged;
  let code: number;
  try {
    code = wasi.start(instance);
  } catch (e) {
    code = (e as WASIExitError).code;
  }

  const old = new WASI({ version: 'unstable', args: ['old'] });
  const oldImports = { wasi_unstable: old.wasiImport };
  void oldImports;
  void old.getImportObject();

  const reactor = new WASI({ env: { START: '1' } });
  const setUp = await WebAssembly.instantiate(bytes, reactor.getImportObject());
  const nothing: void = reactor.initialize(setUp.instance);
  void nothing;

  const r: RunResult = await WASI.run('prog.wasm', { args: ['prog'] });
  const out: Uint8Array | null = r.stdout;
  await WASI.run(new URL('https://example.invalid/prog.wasm'));
  await WASI.run(fetch('prog.wasm'));
  await WASI.run(bytes.buffer);
  await WASI.run(await WebAssembly.compile(bytes), { stdin: 'x' });

  const interactive: AsyncWASI = new WASI({ stdin: async () => 'a line\n' });
  const asked = await WebAssembly.instantiate(bytes, interactive.getImportObject());
  const answered: Promise<number> = interactive.start(asked.instance);
  interactive.abort('stopped');
  try {
    await answered;
  } catch (e) {
    void (e as WASIAbortError).cause;
  }
  const streamed = new WASI({ stdin: new ReadableStream<Uint8Array>() });
  const sleeper = new WASI({ async: true, stdin: () => Promise.resolve(null) });
  const ready: Promise<void> = sleeper.initialize(asked.instance);
  void ready;
  const asyncFlags: boolean = streamed.async && sleeper.async && !wasi.async;
  void asyncFlags;

  install({ args: ['prog'] });
  const made = await WebAssembly.instantiateStreaming(fetch('prog.wasm'));
  const exit: number = start(made.instance);
  const removed: boolean = uninstall();
  return code + exit + (out ? out.length : 0) + (removed && isFile ? 1 : 0) + text.length + raw.length
      + names.length + target.length + r.exitCode;
}

// The metadata API, and the optional entry points wasi-polyfill/archive and wasi-polyfill/lazy.
export async function images(fs: MemFS, archive: Uint8Array): Promise<number> {
  fs.link('/sandbox/in.txt', '/sandbox/again.txt');
  fs.utimes('/sandbox/in.txt', 1700000000123456789n, new Date());
  fs.lutimes('/sandbox/in.txt', 0n, 0n);
  fs.chmod('/sandbox/in.txt', 0o640);
  const st: Stats = fs.lstat('/sandbox/in.txt');
  const mode: number = st.mode & 0o7777;
  fs.createLazyFile('/sandbox/lazy.bin', 10, (offset: number, length: number) => new Uint8Array(length + offset * 0));
  const mounted: MountResult = mountArchive(fs, '/sandbox/project', archive);
  mountTar(fs, '/sandbox/t', new ArrayBuffer(1024));
  mountZip(fs, '/sandbox/z', archive);
  const tar: Uint8Array = exportTar(fs, '/sandbox/project');
  const zip: Uint8Array = exportZip(fs, '/sandbox/project', { level: 9 });
  try {
    mountTar(fs, '/sandbox/bad', new Uint8Array(3));
  } catch (e) {
    if (e instanceof ArchiveError) {
      const entry: string | null = e.entry;
      void entry;
    }
  }
  const info: LazyFileInfo = lazyFile(fs, '/sandbox/big.bin', 'https://example.invalid/big.bin', {
    size: 1 << 20, onError: (error: Error) => console.error(error.message),
  });
  const fetched: LazyFileInfo = await lazyFileFromUrl(fs, '/sandbox/other.bin', new URL('https://example.invalid/o'));
  return mode + mounted.entries + mounted.bytes + tar.length + zip.length + info.size + (fetched.ranges ? 1 : 0);
}
