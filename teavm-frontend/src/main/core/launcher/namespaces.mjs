const WASI_NAMESPACES = ['wasi_snapshot_preview1', 'wasi_unstable'];

/**
 * The WASI namespaces `module` imports that `imports` does not provide, taken from the WASI that
 * `wasiOf()` returns (called only when one is needed, so a module without WASI imports makes no
 * WASI); null when there are none. `host.namespace(wasi, name)` gives one namespace of a WASI.
 */
export function missingNamespaces(host, wasiOf, module, imports) {
  let added = null;
  for (const { module: name } of WebAssembly.Module.imports(module)) {
    if (WASI_NAMESPACES.includes(name) && !(added && name in added) && !provides(imports, name)) {
      added = added || {};
      added[name] = host.namespace(wasiOf(), name);
    }
  }
  return added;
}

function provides(imports, name) {
  return imports !== null && typeof imports === 'object' && imports[name] !== undefined;
}
