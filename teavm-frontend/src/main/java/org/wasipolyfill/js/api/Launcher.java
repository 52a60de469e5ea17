package org.wasipolyfill.js.api;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.wasipolyfill.js.interop.JsErrors;

/**
 * The asynchronous conveniences over {@link JsWasi}: {@code WASI.run(source, options)} and
 * {@code install(options)} / {@code uninstall()}. Fetching, compiling and patching
 * {@code WebAssembly} are promise plumbing with nothing to share with the core, so they are
 * written in JS; the JS reaches back into Java only through the three functions of {@link #host()}
 * (make a WASI, make a MemFS, bind an instance's memory).
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
    interface Binder extends JSObject {
        void bind(JSObject wasi, JSObject instance);
    }

    private static JSObject host() {
        if (host == null) {
            host = makeHost(
                    options -> (JSObject) (Object) new JsWasi(options),
                    wasi -> (JSObject) (Object) ((JsWasi) (Object) wasi).fs(),
                    (wasi, instance) -> {
                        if (!((Object) wasi instanceof JsWasi w)) {
                            throw JsErrors.typeError("not a WASI object");
                        }
                        w.bindInstance(instance);
                    });
        }
        return host;
    }

    @JSBody(params = { "newWasi", "fsOf", "bind" },
            script = "return { newWasi: newWasi, fsOf: fsOf, bind: bind };")
    private static native JSObject makeHost(Factory newWasi, FsOf fsOf, Binder bind);

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
            async function fromResponse(response, imports, url) {
              if (!response.ok) {
                throw new Error(who + ': fetching ' + (url || response.url) + ' failed with HTTP status ' + response.status);
              }
              if (typeof WebAssembly.instantiateStreaming === 'function') {
                var spare = response.clone();
                try {
                  return (await WebAssembly.instantiateStreaming(response, imports)).instance;
                } catch (e) {
                  // A wrong Content-Type (not application/wasm) is a TypeError; compile and link
                  // errors are the module's own and go to the caller.
                  if (!(e instanceof TypeError)) throw e;
                  return (await WebAssembly.instantiate(await spare.arrayBuffer(), imports)).instance;
                }
              }
              return (await WebAssembly.instantiate(await response.arrayBuffer(), imports)).instance;
            }
            async function instantiate(src, imports) {
              if (src !== null && typeof src === 'object' && typeof src.then === 'function') src = await src;
              if (typeof src === 'string' || (typeof URL !== 'undefined' && src instanceof URL)) {
                var response;
                try {
                  response = await fetch(src);
                } catch (e) {
                  throw new Error(who + ': could not fetch ' + String(src) + ': ' + (e && e.message || e), { cause: e });
                }
                return fromResponse(response, imports, String(src));
              }
              if (typeof Response !== 'undefined' && src instanceof Response) return fromResponse(src, imports);
              if (src instanceof WebAssembly.Module) return WebAssembly.instantiate(src, imports);
              if (src instanceof ArrayBuffer || ArrayBuffer.isView(src)) {
                return (await WebAssembly.instantiate(src, imports)).instance;
              }
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
              var instance = await instantiate(source, wasi.getImportObject());
              var exitCode = wasi.start(instance);
              return { exitCode: exitCode, stdout: out && concat(out), stderr: err && concat(err), fs: host.fsOf(wasi) };
            })();
            """)
    private static native JSObject run(JSObject host, JSObject source, JSObject options);

    /*
     * The patch state lives on a global symbol so that install() and uninstall() see the same
     * originals even when two copies of the bundle are loaded; the instance -> WASI map for start()
     * lives on another and outlives uninstall().
     */
    @JSBody(params = { "host", "options" }, script = """
            var KEY = Symbol.for('wasi-polyfill.install');
            var P1 = 'wasi_snapshot_preview1', UNSTABLE = 'wasi_unstable';
            if (options !== undefined && options !== null && (typeof options !== 'object' || Array.isArray(options))) {
              throw new TypeError('install: options must be an object, got ' + (options === null ? 'null' : typeof options));
            }
            var opts = Object.assign({}, options || {});
            host.newWasi(opts);  // checks the options now, not at the first instantiation
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
            function has(imports, name) {
              return imports !== null && typeof imports === 'object' && imports[name] !== undefined;
            }
            // Null when the module needs nothing from us; else the import object to use instead.
            function prepare(module, imports) {
              var wanted = WebAssembly.Module.imports(module);
              var p1 = false, unstable = false;
              for (var i = 0; i < wanted.length; i++) {
                if (wanted[i].module === P1) p1 = true;
                else if (wanted[i].module === UNSTABLE) unstable = true;
              }
              if (unstable && !has(imports, UNSTABLE)) {
                throw new WebAssembly.LinkError('wasi-polyfill install: the module imports ' + UNSTABLE
                  + ' (WASI snapshot 0), which this polyfill does not implement yet; only ' + P1 + ' is supported');
              }
              if (!p1 || has(imports, P1)) return null;
              var wasi = host.newWasi(Object.assign({}, state.options));
              var merged = Object.assign({}, imports || {});
              merged[P1] = wasi.wasiImport;
              return { imports: merged, wasi: wasi };
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
                + ' was installed, or does not import wasi_snapshot_preview1; use new WASI(...).start(instance)');
            }
            return wasi.start(instance);
            """)
    private static native double startJs(JSObject instance);
}
