// Types for wasi-polyfill: WASI preview 1 (wasi_snapshot_preview1) and snapshot 0 (wasi_unstable) over an
// in-memory filesystem.

/** The bytes a guest writes to stdout or stderr, one call per write; the array is the caller's to keep. */
export type OutputCallback = (chunk: Uint8Array) => void;

/** Called whenever the guest reads stdin and the previous chunk is used up; null (or undefined) is end of file. */
export type InputCallback = () => Uint8Array | string | null | undefined;

/**
 * An asynchronous stdin (async mode): resolves to the next chunk when the guest reads and the previous chunk is
 * used up; null, undefined or an empty chunk is end of file. A rejection ends the run with that error.
 */
export type AsyncInputCallback = () => PromiseLike<Uint8Array | string | null | undefined>;

export interface WASIOptions {
  /**
   * The namespace getImportObject() and wasiImport give: 'preview1' (the default), wasi_snapshot_preview1;
   * 'unstable', wasi_unstable (WASI snapshot 0). WASI.run and install() pick from the module's imports instead.
   */
  version?: 'preview1' | 'unstable';
  /** argv, argv[0] first. */
  args?: string[];
  /** Environment variables. */
  env?: Record<string, string>;
  /** The filesystem the preopens point into; without one the guest gets a private empty MemFS. */
  fs?: MemFS;
  /** Guest path -> directory path in the MemFS (created when no fs is given), or { path, readOnly }. */
  preopens?: Record<string, string | { path: string; readOnly?: boolean }>;
  /** The guest gets EMFILE for an fd at or above this (stdio and preopens count); default 1024. */
  maxOpenFiles?: number;
  /**
   * Standard input: bytes, a string (UTF-8), or a function pulled for each next chunk. An async function or a
   * ReadableStream (of Uint8Array or string chunks; an empty chunk is skipped) turns on async mode.
   */
  stdin?: Uint8Array | string | InputCallback | AsyncInputCallback | ReadableStream<Uint8Array | string>;
  /**
   * Async mode, through JSPI (WebAssembly.Suspending and WebAssembly.promising): fd_read and poll_oneoff are
   * Suspending imports, so a guest waiting for stdin or sleeping lets the thread run (sleeps use a timer), and
   * start() and initialize() return Promises. On by default when stdin is an async function or a ReadableStream;
   * true also turns it on for any other stdin (a plain function may then return a Promise). Without JSPI the
   * constructor throws an Error pointing at the Worker entry point 'wasi-polyfill/worker'. false with an async
   * stdin is a TypeError.
   */
  async?: boolean;
  /** Default: console.log per line. */
  stdout?: OutputCallback;
  /** Default: console.error per line. */
  stderr?: OutputCallback;
  /** Default true: proc_exit makes start() return the code; false: start() throws a WASIExitError. */
  returnOnExit?: boolean;
  /** Reports every import call once it returns (or traps); true logs each to console.log. Default off. */
  trace?: boolean | ((call: WASITraceCall) => void);
}

/** One import call, as the trace option reports it. */
export interface WASITraceCall {
  /** 'wasi_snapshot_preview1' or 'wasi_unstable'. */
  module: string;
  /** The import's witx name, e.g. 'fd_write'. */
  name: string;
  /**
   * Each parameter by its witx name, as text: fds, sizes and enums in decimal, pointers, flags and rights in hex,
   * a path (a witx string) read from memory as a JSON string literal.
   */
  args: Record<string, string>;
  /** The errno returned, and its name ('SUCCESS', 'ENOENT', ...); absent when the call exited or trapped. */
  errno?: number;
  result?: string;
  /** After SUCCESS: what the call wrote through its result pointers (nwritten, fd, newoffset, ...). */
  results?: Record<string, number | bigint>;
  /** proc_exit's code. */
  exitCode?: number;
  /** The message of the trap (or host callback error) the call ended in. */
  trap?: string;
  /** One line, e.g. 'fd_write(fd=1, iovs=0x1f2a0, iovs_len=1, nwritten=0x1f29c) -> SUCCESS (nwritten=6)'. */
  text: string;
}

/** The 46 wasi_snapshot_preview1 functions, or the 45 wasi_unstable ones (no sock_accept). */
export type WASIImport = Record<string, (...args: any[]) => number | void>;

/** The error proc_exit throws out of the guest: from start() with returnOnExit: false, or from a direct _start(). */
export interface WASIExitError extends Error {
  name: 'WASIExitError';
  /** The exit code, an unsigned 32-bit number. */
  code: number;
}

/** What WASI.run accepts: a URL to fetch, a response (or its promise), the bytes, or a compiled module. */
export type WasmSource =
  | string
  | URL
  | Response
  | PromiseLike<Response>
  | ArrayBuffer
  | ArrayBufferView
  | WebAssembly.Module;

export interface RunResult {
  /** proc_exit's code, or 0 when _start returned. */
  exitCode: number;
  /** Everything written to stdout, or null when options.stdout was a callback. */
  stdout: Uint8Array | null;
  /** Everything written to stderr, or null when options.stderr was a callback. */
  stderr: Uint8Array | null;
  /** options.fs, or the MemFS made for the run. */
  fs: MemFS;
}

/** Options that put a WASI in async mode: async: true, or an async function or a ReadableStream as stdin. */
export type AsyncWASIOptions = WASIOptions &
  ({ async: true } | { async?: undefined; stdin: AsyncInputCallback | ReadableStream<Uint8Array | string> });

/**
 * The error an aborted guest's start() (or initialize()) promise rejects with, and what every later call
 * throws; cause is the reason given to abort().
 */
export interface WASIAbortError extends Error {
  name: 'WASIAbortError';
  cause: unknown;
}

/**
 * A WASI host for one run of one command module, shaped like node:wasi. Its wasi_snapshot_preview1 and
 * wasi_unstable namespaces share one state (descriptors, offsets), so a module may import both.
 */
export interface WASI {
  /** false: start() and initialize() run the guest to its end before they return. */
  readonly async: false;
  /** { wasi_snapshot_preview1: wasiImport }, or { wasi_unstable: wasiImport } with version 'unstable'. */
  getImportObject(): { wasi_snapshot_preview1: WASIImport } | { wasi_unstable: WASIImport };
  /** The version's functions alone, to merge into a larger import object. */
  readonly wasiImport: WASIImport;
  /**
   * Binds the instance's exported memory and calls its _start; returns the exit code.
   * Throws a TypeError for an instance without memory or _start, and when called twice.
   */
  start(instance: WebAssembly.Instance): number;
  /**
   * Sets up a reactor (a module built with -mexec-model=reactor): binds the instance's exported memory and
   * calls its _initialize; its other exports may then be called. Throws a TypeError for an instance without
   * memory or _initialize, or one that exports _start, and an Error when this WASI has already run a guest.
   */
  initialize(instance: WebAssembly.Instance): void;
}

/**
 * A WASI in async mode (see WASIOptions.async). Its import object's fd_read and poll_oneoff are
 * WebAssembly.Suspending functions; the guest's entry point is called through WebAssembly.promising.
 */
export interface AsyncWASI extends Omit<WASI, 'async' | 'start' | 'initialize'> {
  readonly async: true;
  /**
   * As WASI.start, but the guest may wait for stdin and sleep: resolves to the exit code; a trap, or what the
   * stdin callback or stream threw, rejects it.
   */
  start(instance: WebAssembly.Instance): Promise<number>;
  /**
   * As WASI.initialize, through WebAssembly.promising. The reactor's other exports are the page's to call: one
   * that may read stdin or sleep must be called through WebAssembly.promising too.
   */
  initialize(instance: WebAssembly.Instance): Promise<void>;
  /**
   * Stops the guest (Ctrl-C): a guest waiting for stdin or sleeping is unwound at once and the start() promise
   * rejects with a WASIAbortError whose cause is reason; a guest that has not started yet is never run. This
   * WASI and its instance cannot be used again: start(), initialize() and the instance's waiting imports throw
   * that error. Does nothing once the guest has ended.
   */
  abort(reason?: unknown): void;
}

export interface WASIConstructor {
  new (options: AsyncWASIOptions): AsyncWASI;
  new (options?: WASIOptions): WASI;
  readonly prototype: WASI | AsyncWASI;
  /**
   * Fetches or compiles source, runs it with a fresh WASI and collects its output; the import object has the
   * WASI namespaces the module imports (wasi_snapshot_preview1, wasi_unstable, or both). Works in async mode
   * too, the guest then waiting for its stdin.
   */
  run(source: WasmSource, options?: WASIOptions): Promise<RunResult>;
}

export declare const WASI: WASIConstructor;

export interface Stats {
  type: 'file' | 'directory' | 'symlink' | 'unknown';
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  /**
   * The file type bits and the permission bits, as Node gives them (0o100644 for a new file, 0o40755 for a
   * directory, 0o120777 for a symlink). The host keeps them for archives and persistence; a guest never sees them,
   * as WASI has no modes.
   */
  mode: number;
  size: number;
  /** The inode number: equal for two names of one hard-linked file, unique in this MemFS. */
  ino: number;
  /** How many names the inode has. */
  nlink: number;
  atimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
  /** The exact times in nanoseconds. */
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

/**
 * An in-memory filesystem; paths are absolute and '/'-separated. Failures throw an Error whose code is the
 * errno's name, e.g. 'ENOENT'.
 */
export interface MemFSOptions {
  /** The sizes of all files together, holes included (ENOSPC past it); default 1 GiB. */
  maxBytes?: number;
  /** The size of one file (EFBIG past it); default and at most 1 TiB. */
  maxFileSize?: number;
}

export class MemFS {
  constructor(options?: MemFSOptions);
  mkdir(path: string, options?: { recursive?: boolean }): void;
  writeFile(path: string, data: Uint8Array | string): void;
  appendFile(path: string, data: Uint8Array | string): void;
  /**
   * Creates (or truncates) a file of size bytes whose content is asked of loader the first time a read or a
   * write reaches it, in runs of at least 1 MiB (fewer at the end of the file); the whole size counts against
   * maxBytes at once. loader returns the length bytes at offset; anything else, or a throw, is EIO for that read
   * (a guest's errno, or an Error with code 'EIO' here), and a later read asks again. It is called synchronously,
   * from inside the guest's fd_read; wasi-polyfill/lazy builds one over HTTP.
   */
  createLazyFile(path: string, size: number, loader: (offset: number, length: number) => Uint8Array | null): void;
  /**
   * The bytes the files hold together now and the limits: what an archive, a store or a stream may still add is
   * checked against this before memory is spent on it.
   */
  usage(): { usedBytes: number; maxBytes: number; maxFileSize: number };
  readFile(path: string): Uint8Array;
  readFile(path: string, encoding: 'utf8' | 'utf-8' | { encoding: 'utf8' | 'utf-8' }): string;
  readdir(path: string): string[];
  stat(path: string): Stats;
  lstat(path: string): Stats;
  symlink(target: string, path: string): void;
  readlink(path: string): string;
  /** A hard link: path becomes another name of what existing names (a symlink is linked itself); EPERM for a dir. */
  link(existing: string, path: string): void;
  /**
   * Sets the access and modification times, following a last symlink; each time is a BigInt of nanoseconds since
   * the epoch (exact, negative before 1970) or a Date. A number is refused: Node reads it as seconds, stat() gives
   * milliseconds. Stamps ctime.
   */
  utimes(path: string, atime: bigint | Date, mtime: bigint | Date): void;
  /** As utimes, on a symlink itself. */
  lutimes(path: string, atime: bigint | Date, mtime: bigint | Date): void;
  /** Sets the permission bits (an integer from 0 to 0o7777), following symlinks; stamps ctime. */
  chmod(path: string, mode: number): void;
  unlink(path: string): void;
  rmdir(path: string): void;
  rename(from: string, to: string): void;
  exists(path: string): boolean;
  /**
   * Hands `store` what changed since this MemFS's last successful save to it (everything the first
   * time) and resolves to what the store's write() resolved to. Stores: `wasi-polyfill/persist`.
   */
  save(store: MemFSStore): Promise<{ stamp: string }>;
  /**
   * Replaces this MemFS's whole tree with the store's snapshot (resolves true), or leaves it alone
   * when the store is empty (false). A snapshot that cannot be restored rejects and changes nothing.
   */
  load(store: MemFSStore): Promise<boolean>;
}

/** An inode as `MemFS.save` hands it to a store and `MemFS.load` takes it back; times in nanoseconds. */
export interface MemFSInodeRecord {
  ino: number;
  type: 'file' | 'directory' | 'symlink';
  atim: bigint;
  mtim: bigint;
  ctim: bigint;
  /** The permission bits (0 to 0o7777). */
  mode: number;
  /** A file's bytes: one array when saved (absent when only metadata changed), chunks in order when loaded. */
  data?: Uint8Array | Uint8Array[];
  target?: Uint8Array;
  /** A directory's entries in readdir order (absent from a save when only its metadata changed). */
  names?: Uint8Array[];
  inos?: number[];
}

/**
 * What a save writes. `full`: replace the store's whole content with `inodes`. Otherwise update it (write
 * `inodes`, remove the inodes not in `live`), but only if the store still is in the state stamped `base`;
 * if not, reject with an error whose `stale` is true, and the MemFS saves again in full.
 */
export interface MemFSChanges {
  /** Internal to the MemFS: which of its states this is. */
  generation: number;
  base: string | null;
  full: boolean;
  root: number;
  inodes: MemFSInodeRecord[];
  /** The number of every inode in the tree, changed or not. */
  live: number[];
}

/** Where `MemFS.save` and `MemFS.load` keep a tree; stores with the same `id` hold the same data. */
export interface MemFSStore {
  readonly id: string;
  /** Resolves to the stamp of the store's new state, which the next save's `base` will be. */
  write(changes: MemFSChanges): Promise<{ stamp: string }>;
  /**
   * The snapshot, or null when the store holds none. MemFS.load passes the MemFS's limits, so that a store can refuse
   * a snapshot that would not fit before it reads its content (MemFS.load checks them again in any case).
   */
  read(limits?: { maxBytes: number; maxFileSize: number }): Promise<{ stamp: string; inodes: MemFSInodeRecord[] } | null>;
}

/**
 * Patches WebAssembly.instantiate and WebAssembly.instantiateStreaming: a module that imports
 * wasi_snapshot_preview1 or wasi_unstable and is instantiated without that namespace gets it from a fresh
 * WASI(options) with its memory bound (one WASI for both namespaces), so instance.exports._start() can be called
 * directly (proc_exit then throws a WASIExitError). Calling install again replaces the options.
 */
export function install(options?: WASIOptions): void;

/** Restores the original WebAssembly functions; false when nothing was installed. */
export function uninstall(): boolean;

/** Runs _start of an instance made while installed, like WASI.start: returns the exit code. */
export function start(instance: WebAssembly.Instance): number;
