package org.wasipolyfill.js.api;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.wasipolyfill.js.interop.JsErrors;

/**
 * The asynchronous conveniences over {@link JsWasi}: {@code WASI.run(source, options)} and
 * {@code install(options)} / {@code uninstall()}. Fetching, compiling and patching
 * {@code WebAssembly} are promise plumbing with nothing to share with the core, so they are
 * written in JS; the JS reaches back into Java only through the four functions of {@link #host()}
 * (make a WASI, get its MemFS, get one of its namespaces, bind an instance's memory). Both pick the
 * namespaces from the module's imports: {@code wasi_snapshot_preview1}, {@code wasi_unstable}, or
 * both, from one WASI.
 */
public final class Launcher {
    private static JSObject host;

    private Launcher() {}

    @JSFunctor
    interface Factory extends JSObject {
        JSObject create(JSObject options);
    }

    @JSFunctor
    interface FsOf extends JSObject {
        JSObject fsOf(JSObject wasi);
    }

    @JSFunctor
    interface Namespace extends JSObject {
        JSObject namespace(JSObject wasi, String module);
    }

    @JSFunctor
    interface Binder extends JSObject {
        void bind(JSObject wasi, JSObject instance);
    }

    private static JSObject host() {
        if (host == null) {
            host = makeHost(
                    options -> (JSObject) (Object) new JsWasi(options),
                    wasi -> (JSObject) (Object) ((JsWasi) (Object) wasi).fs(),
                    (wasi, module) -> ((JsWasi) (Object) wasi).namespace(module),
                    (wasi, instance) -> {
                        if (!((Object) wasi instanceof JsWasi w)) {
                            throw JsErrors.typeError("not a WASI object");
                        }
                        w.bindInstance(instance);
                    });
        }
        return host;
    }

    /**
     * The host object the scripts below use. {@code missing(wasi, module, base)}: the WASI
     * namespaces {@code module} imports that {@code base} lacks, taken from the WASI that
     * {@code wasi()} returns (called only when one is needed); null when there are none.
     */
    @JSBody(params = { "newWasi", "fsOf", "ns", "bind" }, script = """
            return { newWasi: newWasi, fsOf: fsOf, bind: bind,
              missing: function (wasi, module, base) {
                var wanted = WebAssembly.Module.imports(module), add = null;
                for (var i = 0; i < wanted.length; i++) {
                  var m = wanted[i].module;
                  if ((m === 'wasi_snapshot_preview1' || m === 'wasi_unstable') && !(add && add[m])
                      && (base === null || typeof base !== 'object' || base[m] === undefined)) {
                    (add = add || {})[m] = ns(wasi(), m);
                  }
                }
                return add;
              } };
            """)
    private static native JSObject makeHost(Factory newWasi, FsOf fsOf, Namespace ns, Binder bind);

    /** {@code WASI.run(source, options)}: a promise of {@code { exitCode, stdout, stderr, fs }}. */
    static JSObject run(JSObject source, JSObject options) {
        return run(host(), source, options);
    }

    public static JSObject install(JSObject options) {
        return install(host(), options);
    }

    public static boolean uninstall() {
        return uninstallJs();
    }

    public static double start(JSObject instance) {
        return startJs(instance);
    }

    /*
     * The module is compiled first, so that its imports pick the namespaces. A Response with the
     * wrong Content-Type (not application/wasm) fails compileStreaming with a TypeError and is
     * compiled from its bytes instead; compile errors are the module's own and go to the caller.
     * The comments stay out of the scripts: they would ship in the bundle.
     */
    @JSBody(params = { "host", "source", "options" }, script = """
            var who = 'WASI.run';
            function describe(v) {
              if (v === null) return 'null';
              if (Array.isArray(v)) return 'an array';
              if (typeof v === 'object') return 'a ' + ((v.constructor && v.constructor.name) || 'object');
              return typeof v === 'string' ? 'the string ' + JSON.stringify(v) : typeof v + ' ' + String(v);
            }
            function concat(chunks) {
              var n = 0, i, off = 0;
              for (i = 0; i < chunks.length; i++) n += chunks[i].length;
              var out = new Uint8Array(n);
              for (i = 0; i < chunks.length; i++) { out.set(chunks[i], off); off += chunks[i].length; }
              return out;
            }
            async function fromResponse(response, url) {
              if (!response.ok) {
                throw new Error(who + ': fetching ' + (url || response.url) + ' failed with HTTP status ' + response.status);
              }
              if (typeof WebAssembly.compileStreaming === 'function') {
                var spare = response.clone();
                try {
                  return await WebAssembly.compileStreaming(response);
                } catch (e) {
                  if (!(e instanceof TypeError)) throw e;
                  return WebAssembly.compile(await spare.arrayBuffer());
                }
              }
              return WebAssembly.compile(await response.arrayBuffer());
            }
            async function compile(src) {
              if (src !== null && typeof src === 'object' && typeof src.then === 'function') src = await src;
              if (typeof src === 'string' || (typeof URL !== 'undefined' && src instanceof URL)) {
                var response;
                try {
                  response = await fetch(src);
                } catch (e) {
                  throw new Error(who + ': could not fetch ' + String(src) + ': ' + (e && e.message || e), { cause: e });
                }
                return fromResponse(response, String(src));
              }
              if (typeof Response !== 'undefined' && src instanceof Response) return fromResponse(src);
              if (src instanceof WebAssembly.Module) return src;
              if (src instanceof ArrayBuffer || ArrayBuffer.isView(src)) return WebAssembly.compile(src);
              throw new TypeError(who + ': expected a URL (string or URL), a Response, an ArrayBuffer, a Uint8Array'
                + ' or a WebAssembly.Module, got ' + describe(src));
            }
            return (async function () {
              if (options !== undefined && options !== null && (typeof options !== 'object' || Array.isArray(options))) {
                throw new TypeError(who + ': options must be an object, got ' + describe(options));
              }
              var o = Object.assign({}, options || {});
              var out = null, err = null;
              if (o.stdout === undefined) { out = []; o.stdout = function (c) { out.push(c); }; }
              if (o.stderr === undefined) { err = []; o.stderr = function (c) { err.push(c); }; }
              var wasi = host.newWasi(o);
              var module = await compile(source);
              var instance = await WebAssembly.instantiate(module, host.missing(function () { return wasi; }, module, null) || {});
              var exitCode = await wasi.start(instance);
              return { exitCode: exitCode, stdout: out && concat(out), stderr: err && concat(err), fs: host.fsOf(wasi) };
            })();
            """)
    private static native JSObject run(JSObject host, JSObject source, JSObject options);

    /*
     * The patch state lives on a global symbol so that install() and uninstall() see the same
     * originals even when two copies of the bundle are loaded; the instance -> WASI map for start()
     * lives on another and outlives uninstall(). prepare(module, imports) is null when the module
     * needs nothing from us, else the import object to use instead and the WASI behind it. install
     * makes one WASI at once only to check the options then, not at the first instantiation.
     */
    @JSBody(params = { "host", "options" }, script = """
            var KEY = Symbol.for('wasi-polyfill.install');
            if (options !== undefined && options !== null && (typeof options !== 'object' || Array.isArray(options))) {
              throw new TypeError('install: options must be an object, got ' + (options === null ? 'null' : typeof options));
            }
            var opts = Object.assign({}, options || {});
            host.newWasi(opts);
            var state = globalThis[KEY];
            if (state) { state.options = opts; return; }
            state = {
              options: opts,
              instantiate: WebAssembly.instantiate,
              instantiateStreaming: WebAssembly.instantiateStreaming,
              hadStreaming: Object.prototype.hasOwnProperty.call(WebAssembly, 'instantiateStreaming')
            };
            var INSTANCES = Symbol.for('wasi-polyfill.instances');
            if (!globalThis[INSTANCES]) {
              Object.defineProperty(globalThis, INSTANCES, { value: new WeakMap() });
            }
            Object.defineProperty(globalThis, KEY, { value: state, configurable: true, writable: true });
            function prepare(module, imports) {
              var wasi = null;
              var add = host.missing(function () {
                return wasi || (wasi = host.newWasi(Object.assign({}, state.options)));
              }, module, imports);
              return add && { imports: Object.assign({}, imports || {}, add), wasi: wasi };
            }
            function finish(prepared, instance) {
              if (prepared) {
                host.bind(prepared.wasi, instance);
                globalThis[INSTANCES].set(instance, prepared.wasi);
              }
              return instance;
            }
            async function fromModule(module, imports) {
              var prepared = prepare(module, imports);
              var instance = await state.instantiate.call(WebAssembly, module, prepared ? prepared.imports : imports);
              return finish(prepared, instance);
            }
            WebAssembly.instantiate = function instantiate(source, imports) {
              if (source instanceof WebAssembly.Module) return fromModule(source, imports);
              return (async function () {
                var module = await WebAssembly.compile(source);
                return { module: module, instance: await fromModule(module, imports) };
              })();
            };
            if (typeof state.instantiateStreaming === 'function') {
              WebAssembly.instantiateStreaming = function instantiateStreaming(source, imports) {
                return (async function () {
                  var module = await WebAssembly.compileStreaming(source);
                  return { module: module, instance: await fromModule(module, imports) };
                })();
              };
            }
            """)
    private static native JSObject install(JSObject host, JSObject options);

    @JSBody(script = """
            var KEY = Symbol.for('wasi-polyfill.install');
            var state = globalThis[KEY];
            if (!state) return false;
            WebAssembly.instantiate = state.instantiate;
            if (state.hadStreaming) WebAssembly.instantiateStreaming = state.instantiateStreaming;
            else delete WebAssembly.instantiateStreaming;
            delete globalThis[KEY];
            return true;
            """)
    private static native boolean uninstallJs();

    @JSBody(params = "instance", script = """
            var instances = globalThis[Symbol.for('wasi-polyfill.instances')];
            var wasi = instances && instances.get(instance);
            if (!wasi) {
              throw new TypeError('start: this instance was not made by WebAssembly.instantiate while the polyfill'
                + ' was installed, or imports no WASI namespace; use new WASI(...).start(instance)');
            }
            return wasi.start(instance);
            """)
    private static native double startJs(JSObject instance);
}
