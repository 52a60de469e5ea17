// Types for wasi-polyfill: WASI preview 1 (wasi_snapshot_preview1) and snapshot 0 (wasi_unstable) over an
// in-memory filesystem.

/** The bytes a guest writes to stdout or stderr, one call per write; the array is the caller's to keep. */
export type OutputCallback = (chunk: Uint8Array) => void;

/** Called whenever the guest reads stdin and the previous chunk is used up; null (or undefined) is end of file. */
export type InputCallback = () => Uint8Array | string | null | undefined;

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
  /** Standard input: bytes, a string (UTF-8), or a function pulled for each next chunk. */
  stdin?: Uint8Array | string | InputCallback;
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

/**
 * A WASI host for one run of one command module, shaped like node:wasi. Its wasi_snapshot_preview1 and
 * wasi_unstable namespaces share one state (descriptors, offsets), so a module may import both.
 */
export class WASI {
  constructor(options?: WASIOptions);
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
  /**
   * Fetches or compiles source, runs it with a fresh WASI and collects its output; the import object has the
   * WASI namespaces the module imports (wasi_snapshot_preview1, wasi_unstable, or both).
   */
  static run(source: WasmSource, options?: WASIOptions): Promise<RunResult>;
}

export interface Stats {
  type: 'file' | 'directory' | 'symlink' | 'unknown';
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  size: number;
  ino: number;
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
  readFile(path: string): Uint8Array;
  readFile(path: string, encoding: 'utf8' | 'utf-8' | { encoding: 'utf8' | 'utf-8' }): string;
  readdir(path: string): string[];
  stat(path: string): Stats;
  lstat(path: string): Stats;
  symlink(target: string, path: string): void;
  readlink(path: string): string;
  unlink(path: string): void;
  rmdir(path: string): void;
  rename(from: string, to: string): void;
  exists(path: string): boolean;
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
