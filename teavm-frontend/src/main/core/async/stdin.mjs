// The stdin of async mode (AsyncInput): fetches the next chunk when the guest reads with nothing buffered.

/**
 * Reads the next chunk, from `reader` (a ReadableStream's reader; its end gives null) or else by calling
 * `callback()` (awaited when it returns a promise), and hands it to `accept(chunk)`, again for as long as accept
 * returns false (an empty stream chunk, which is skipped). The callback is called inside then(), so that what it
 * throws rejects the promise as a rejection would.
 */
export function nextChunk(callback, reader, accept) {
  const next = () => (reader
    ? reader.read().then((result) => (result.done ? null : result.value))
    : Promise.resolve().then(() => callback()));
  const loop = () => next().then((chunk) => {
    if (!accept(chunk)) {
      return loop();
    }
    return undefined;
  });
  return loop();
}
