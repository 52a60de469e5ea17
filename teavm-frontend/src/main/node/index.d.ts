// Types for wasi-polyfill/node: a blocking standard input for the core WASI in Node.js.

/** A synchronous stdin callback reading the process's stdin; close() stops its reader thread. */
export interface NodeStdin {
  (): Uint8Array | null;
  close(): Promise<number>;
}

/**
 * Reads the process's stdin (fd 0) in a worker thread: pass the result as the core WASI's stdin option, and the
 * guest's fd_read blocks until the next line (or chunk of a pipe) arrives; end of file (Ctrl-D, a closed pipe)
 * reads as 0 bytes.
 */
export function nodeStdin(): NodeStdin;
