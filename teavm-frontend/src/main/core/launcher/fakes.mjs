// Test doubles for the launcher modules: the host object the Java side hands them, and small real wasm modules.

/**
 * A host whose WASI objects record what happens to them. `start(wasi, instance)` decides what
 * wasi.start returns (default 0); host.made lists every WASI made, in order.
 */
export function fakeHost({ start = () => 0 } = {}) {
  const made = [];
  return {
    made,
    newWasi(options) {
      const wasi = {
        options,
        bound: [],
        started: [],
        start(instance) {
          wasi.started.push(instance);
          return start(wasi, instance);
        },
      };
      made.push(wasi);
      return wasi;
    },
    fsOf(wasi) {
      return { fsOf: wasi };
    },
    namespace(wasi, name) {
      return { proc_exit() {}, fd_write() {}, namespaceOf: wasi, name };
    },
    bind(wasi, instance) {
      wasi.bound.push(instance);
    },
  };
}

/** The bytes of a wasm module importing each [namespace, name] as a function () -> (). */
export function moduleImporting(...imports) {
  const name = (text) => [...leb(text.length), ...new TextEncoder().encode(text)];
  const types = [1, 0x60, 0, 0];
  const entries = [...leb(imports.length), ...imports.flatMap(([namespace, field]) => [...name(namespace), ...name(field), 0, 0])];
  return new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...section(1, types), ...section(2, entries)]);
}

function section(id, content) {
  return [id, ...leb(content.length), ...content];
}

function leb(value) {
  const bytes = [];
  let rest = value;
  do {
    const low = rest & 0x7f;
    rest >>>= 7;
    bytes.push(rest ? low | 0x80 : low);
  } while (rest);
  return bytes;
}

export const PREVIEW1 = ['wasi_snapshot_preview1', 'fd_write'];
export const UNSTABLE = ['wasi_unstable', 'fd_write'];
