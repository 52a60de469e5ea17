// JS strings the guest will read, encoded to UTF-8 with no Java String in between (JsStrings).

const encoder = new TextEncoder();

/**
 * The UTF-8 bytes of a C string, as an Int8Array (what a Java byte[] is), or null for a value that is not a string
 * or holds a NUL. An ASCII string is copied into a new Int8Array, which V8 makes on its heap when small; only a
 * string with other characters goes to the TextEncoder, whose every call is a native call and a separately
 * allocated buffer.
 */
export function cStringBytes(value) {
  if (typeof value !== 'string' || value.indexOf('\0') >= 0) {
    return null;
  }
  const size = value.length;
  const bytes = new Int8Array(size);
  for (let index = 0; index < size; index++) {
    const unit = value.charCodeAt(index);
    if (unit > 127) {
      const utf8 = encoder.encode(value);
      return new Int8Array(utf8.buffer, utf8.byteOffset, utf8.length);
    }
    bytes[index] = unit;
  }
  return bytes;
}
