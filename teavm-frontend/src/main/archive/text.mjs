// UTF-8 for names and link targets: archives store bytes, MemFS takes strings, and a name that is not UTF-8 is
// refused rather than mangled.
const encoder = new TextEncoder();
const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

export function utf8(text) {
  return encoder.encode(text);
}

/** The text of bytes, or null when they are not UTF-8. */
export function fromUtf8(bytes) {
  try {
    return strict.decode(bytes);
  } catch {
    return null;
  }
}

/** The text of bytes for an error message, whatever they are. */
export function printable(bytes) {
  return lenient.decode(bytes);
}

/** The bytes up to the first NUL. */
export function cString(bytes) {
  const end = bytes.indexOf(0);
  return end < 0 ? bytes : bytes.subarray(0, end);
}
