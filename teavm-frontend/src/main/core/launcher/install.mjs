import { missingNamespaces } from './namespaces.mjs';
import { copyOptions } from './options.mjs';

// Global symbols, so that install() and uninstall() see the same originals even when two copies of
// the bundle are loaded. The instance -> WASI map for start() outlives uninstall().
const STATE = Symbol.for('wasi-polyfill.install');
const INSTANCES = Symbol.for('wasi-polyfill.instances');

/**
 * Patches WebAssembly.instantiate and instantiateStreaming: a module importing a WASI namespace it
 * is not given gets it from a fresh WASI(options), its memory bound. One WASI is made at once only
 * to check the options now rather than at the first instantiation. Called again, it replaces the
 * options.
 */
export function install(host, options) {
  const settings = copyOptions('install', options);
  host.newWasi({ ...settings });
  const installed = globalThis[STATE];
  if (installed) {
    installed.options = settings;
    return;
  }
  const state = {
    options: settings,
    instantiate: WebAssembly.instantiate,
    instantiateStreaming: WebAssembly.instantiateStreaming,
    hadStreaming: Object.prototype.hasOwnProperty.call(WebAssembly, 'instantiateStreaming'),
  };
  if (!globalThis[INSTANCES]) {
    Object.defineProperty(globalThis, INSTANCES, { value: new WeakMap() });
  }
  Object.defineProperty(globalThis, STATE, { value: state, configurable: true, writable: true });
  const fromModule = instantiateWithWasi(host, state);
  WebAssembly.instantiate = function instantiate(source, imports) {
    if (source instanceof WebAssembly.Module) {
      return fromModule(source, imports);
    }
    return WebAssembly.compile(source).then(async (module) => ({ module, instance: await fromModule(module, imports) }));
  };
  if (typeof state.instantiateStreaming === 'function') {
    WebAssembly.instantiateStreaming = function instantiateStreaming(source, imports) {
      return WebAssembly.compileStreaming(source)
        .then(async (module) => ({ module, instance: await fromModule(module, imports) }));
    };
  }
}

/** instantiate(module, imports) with the WASI namespaces the module lacks added, and its WASI remembered. */
function instantiateWithWasi(host, state) {
  return async (module, imports) => {
    let wasi = null;
    const wasiOf = () => wasi || (wasi = host.newWasi({ ...state.options }));
    const added = missingNamespaces(host, wasiOf, module, imports);
    if (!added) {
      return state.instantiate.call(WebAssembly, module, imports);
    }
    const instance = await state.instantiate.call(WebAssembly, module, { ...imports, ...added });
    host.bind(wasi, instance);
    globalThis[INSTANCES].set(instance, wasi);
    return instance;
  };
}

/** Restores the original WebAssembly functions; false when nothing was installed. */
export function uninstall() {
  const state = globalThis[STATE];
  if (!state) {
    return false;
  }
  WebAssembly.instantiate = state.instantiate;
  if (state.hadStreaming) {
    WebAssembly.instantiateStreaming = state.instantiateStreaming;
  } else {
    delete WebAssembly.instantiateStreaming;
  }
  delete globalThis[STATE];
  return true;
}

/** Runs _start of an instance made while installed, with the WASI made for it. */
export function start(instance) {
  const instances = globalThis[INSTANCES];
  const wasi = instances && instances.get(instance);
  if (!wasi) {
    throw new TypeError('start: this instance was not made by WebAssembly.instantiate while the polyfill'
      + ' was installed, or imports no WASI namespace; use new WASI(...).start(instance)');
  }
  return wasi.start(instance);
}
