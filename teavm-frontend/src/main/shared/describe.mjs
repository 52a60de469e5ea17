// How an error message names a JS value it did not expect: "null", "an array", "a Uint8Array",
// "the string \"abc\"", "the number 42". The Java side (JsValues.describe) calls this too, so one
// value reads the same in every message of the API.

const SHOWN_CHARS = 40;

export function describe(value) {
  if (value === null || value === undefined) {
    return String(value);
  }
  switch (typeof value) {
    case 'string':
      return `the string ${quote(value)}`;
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    case 'object':
      return describeObject(value);
    default:
      return `the ${typeof value} ${String(value)}`;
  }
}

function quote(text) {
  return text.length > SHOWN_CHARS ? `${JSON.stringify(text.slice(0, SHOWN_CHARS))}...` : JSON.stringify(text);
}

// A proxy's getPrototypeOf trap may throw; the message must still be written.
function describeObject(value) {
  if (Array.isArray(value)) {
    return 'an array';
  }
  let name;
  try {
    const prototype = Object.getPrototypeOf(value);
    name = prototype && typeof prototype.constructor === 'function' ? prototype.constructor.name : '';
  } catch {
    name = '';
  }
  if (!name || name === 'Object') {
    return 'an object';
  }
  return `${/^[AEIO]/.test(name) ? 'an' : 'a'} ${name}`;
}
