// The `trace` option's namespace (ImportTracer): a copy of a plain namespace whose every import reports its call,
// once returned or trapped, to a sink.

/**
 * Kinds of a parameter in a signature (GenerateImports): n u32 in decimal, x u32 in hex, N i64 in decimal, X i64
 * in hex, s a string's pointer (its length follows), a an array's pointer, r/R a pointer the call writes a u32/u64
 * through, p a pointer to a struct the call writes.
 */
const DECIMAL = 'n';
const DECIMAL_64 = 'N';
const STRING = 's';
const RESULT_32 = 'r';
const RESULT_64 = 'R';

function hex(value) {
  return '0x' + (typeof value === 'bigint' ? BigInt.asUintN(64, value) : value >>> 0).toString(16);
}

/**
 * The traced copy of `namespace`: `signatures` is "name/kparam/kparam...;..." (k a kind above), `errnoNames` the
 * errno names by value, comma-separated; `sink(call)` gets { module, name, args, errno, result, results, exitCode,
 * trap, text } for each call; `buffer()` is the guest memory's ArrayBuffer (null before it is bound), read again
 * at each call since memory.grow replaces it. Only the functions named in `signatures` are copied.
 */
export function traced(namespace, signatures, errnoNames, sink, module, buffer) {
  const names = errnoNames.split(',');
  const view = () => {
    const bytes = buffer();
    return bytes ? new DataView(bytes) : null;
  };
  const text = (pointer, length) => {
    const memory = view();
    const start = pointer >>> 0;
    const size = length >>> 0;
    if (!memory || start + size > memory.byteLength) {
      return hex(start);
    }
    // A copy: TextDecoder refuses a view of a SharedArrayBuffer (a threaded guest's memory).
    return JSON.stringify(new TextDecoder().decode(new Uint8Array(memory.buffer, start, size).slice()));
  };
  const out = {};
  for (const signature of signatures.split(';')) {
    const params = signature.split('/');
    const name = params.shift();
    const plain = namespace[name];
    if (typeof plain === 'function') {
      out[name] = tracedImport(plain, { module, name, params, names, sink, text, view });
    }
  }
  return out;
}

function tracedImport(plain, { module, name, params, names, sink, text, view }) {
  return function (...values) {
    const args = {};
    const shown = [];
    const call = { module, name, args };
    params.forEach((param, i) => {
      if (i > 0 && params[i - 1][0] === STRING) {
        return; // a string's length, shown with its pointer
      }
      const kind = param[0];
      const value = values[i];
      const shownValue = kind === DECIMAL ? String(value >>> 0) : kind === DECIMAL_64 ? String(value)
        : kind === STRING ? text(value, values[i + 1]) : hex(value);
      args[param.slice(1)] = shownValue;
      shown.push(`${param.slice(1)}=${shownValue}`);
    });
    const head = `${name}(${shown.join(', ')}) -> `;
    let errno;
    try {
      errno = plain.apply(this, values);
    } catch (e) {
      if (e && e.name === 'WASIExitError') {
        call.exitCode = e.code;
        call.text = `${head}exit(${e.code})`;
      } else {
        call.trap = String((e && e.message) || e);
        call.text = `${head}trap: ${call.trap}`;
      }
      sink(call);
      throw e;
    }
    call.errno = errno;
    call.result = names[errno] || String(errno);
    const got = [];
    const memory = errno === 0 ? view() : null;
    if (memory) {
      call.results = {};
      params.forEach((param, i) => {
        const kind = param[0];
        const at = Number(values[i]) >>> 0; // an i64 parameter is a BigInt, which >>> refuses
        if ((kind === RESULT_32 || kind === RESULT_64) && at + (kind === RESULT_32 ? 4 : 8) <= memory.byteLength) {
          const result = kind === RESULT_32 ? memory.getUint32(at, true) : memory.getBigUint64(at, true);
          call.results[param.slice(1)] = result;
          got.push(`${param.slice(1)}=${result}`);
        }
      });
    }
    call.text = head + call.result + (got.length ? ` (${got.join(', ')})` : '');
    sink(call);
    return errno;
  };
}
