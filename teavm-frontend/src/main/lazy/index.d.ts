// Types for wasi-polyfill/lazy: MemFS files whose bytes come from a URL when first read.
import type { MemFS } from './index.js';

export interface LazyFileOptions {
  /** The file's size in bytes: required by lazyFile; lazyFileFromUrl asks the server (HEAD) when it is missing. */
  size?: number;
  /** false: never send a Range header, fetch the whole body on the first read. Default: try ranges. */
  ranges?: boolean;
  /** Told of every failed request (the guest's read gets EIO); default console.error. */
  onError?: (error: Error) => void;
}

export interface LazyFileInfo {
  size: number;
  /** Whether reads ask for ranges (a server answering 200 instead of 206 is then asked for the whole body once). */
  ranges: boolean;
}

/**
 * Makes path in fs a file of options.size bytes whose content is fetched from url when first read, through a
 * synchronous XMLHttpRequest: Range requests for runs of at least 1 MiB where the server answers 206, else the
 * whole body once (stored whole). A failure (network, HTTP status, a wrong length) is EIO for that read, is
 * reported to onError, and the next read tries again. Works on pages (the main thread too, where the body comes
 * as text and is converted in one pass) and in Workers; cross-origin URLs need CORS that allows Range and
 * exposes Content-Range. Throws a TypeError where there is no XMLHttpRequest (Node.js): there, give
 * MemFS.createLazyFile a loader of your own.
 */
export function lazyFile(fs: MemFS, path: string, url: string | URL,
  options: LazyFileOptions & { size: number }): LazyFileInfo;

/** As lazyFile; without options.size, a HEAD request gives the size (Content-Length) and Accept-Ranges. */
export function lazyFileFromUrl(fs: MemFS, path: string, url: string | URL,
  options?: LazyFileOptions): Promise<LazyFileInfo>;
