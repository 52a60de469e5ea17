package org.wasipolyfill.js.imports;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.js.memory.JsGuestMemory;

/**
 * The {@code trace} option: a namespace whose every import reports its call to a callback, then
 * calls the plain namespace's function. The plain namespace is left as it is, so a WASI without
 * {@code trace} pays nothing.
 *
 * <p>A call is reported once it has returned (or trapped) as
 * {@code { module, name, args, errno, result, results, exitCode, trap, text }}: {@code args} maps
 * each witx parameter name to its value as {@code text} shows it (fds and sizes in decimal,
 * pointers and flags in hex, a {@code string} parameter read from memory), {@code result} is the
 * errno's name, {@code results} the values written through the result pointers of a successful
 * call, {@code text} one line such as
 * {@code fd_write(fd=1, iovs=0x1f2a0, iovs_len=1, nwritten=0x1f29c) -> SUCCESS (nwritten=6)}.
 * The parameters come from the table the bindings are generated from
 * ({@link Preview1Imports#SIGNATURES}).
 */
public final class ImportTracer {
    private ImportTracer() {}

    /**
     * {@code namespace} itself when {@code sink} is null, else a traced copy reporting to
     * {@code sink}, a function taking the call; {@code memory} is where strings and results are read.
     */
    public static JSObject traced(JSObject sink, String module, JSObject namespace, JsGuestMemory memory) {
        if (sink == null) {
            return namespace;
        }
        StringBuilder errnos = new StringBuilder();
        for (int errno = Errno.SUCCESS; errno <= Errno.NOTCAPABLE; errno++) {
            errnos.append(errno == Errno.SUCCESS ? "" : ",").append(Errno.name(errno));
        }
        return wrap(namespace, Preview1Imports.SIGNATURES, errnos.toString(), sink, module, memory);
    }

    /** The sink of {@code trace: true}: one console line a call. */
    @JSBody(script = "return function(call) { console.log('[wasi] ' + call.text); };")
    public static native JSObject consoleSink();

    static JSObject buffer(JsGuestMemory memory) {
        return memory.exported() == null ? null : memory.exported().getBuffer();
    }

    // Kinds (GenerateImports): n u32 in decimal, x u32 in hex, N i64 in decimal, X i64 in hex, s a string's
    // pointer (its length follows), a an array's pointer, r/R a pointer the call writes a u32/u64 through,
    // p a pointer to a struct the call writes. Every name declared here starts with '_' so that none can
    // shadow the names TeaVM's minifier gives the parameters (a, b, c ...).
    @JSBody(params = { "ns", "sigs", "errnoNames", "sink", "module", "memory" }, script = ""
            + "var _names = errnoNames.split(','), _out = {};"
            + "function _view() { var _b = javaMethods.get('org.wasipolyfill.js.imports.ImportTracer.buffer"
            + "(Lorg/wasipolyfill/js/memory/JsGuestMemory;)Lorg/teavm/jso/JSObject;').invoke(memory);"
            + " return _b ? new DataView(_b) : null; }"
            + "function _hex(_v) { return '0x' + (typeof _v === 'bigint' ? BigInt.asUintN(64, _v) : _v >>> 0).toString(16); }"
            + "function _text(_p, _n) { var _v = _view(); _p >>>= 0; _n >>>= 0;"
            + " if (!_v || _p + _n > _v.byteLength) return _hex(_p);"
            + " return JSON.stringify(new TextDecoder().decode(new Uint8Array(_v.buffer, _p, _n).slice())); }"
            + "sigs.split(';').forEach(function(_sig) {"
            + " var _params = _sig.split('/'), _name = _params.shift(), _f = ns[_name];"
            + " if (typeof _f !== 'function') return;"
            + " _out[_name] = function() {"
            + "  var _a = arguments, _args = {}, _shown = [], _call = { module: module, name: _name, args: _args };"
            + "  _params.forEach(function(_p, _i) { var _k = _p[0], _v = _a[_i];"
            + "   if (_i > 0 && _params[_i - 1][0] === 's') return;"
            + "   var _s = _k === 'n' ? String(_v >>> 0) : _k === 'N' ? String(_v) : _k === 's' ? _text(_v, _a[_i + 1]) : _hex(_v);"
            + "   _args[_p.slice(1)] = _s; _shown.push(_p.slice(1) + '=' + _s); });"
            + "  var _head = _name + '(' + _shown.join(', ') + ') -> ', _r;"
            + "  try { _r = _f.apply(this, _a); } catch (_e) {"
            + "   if (_e && _e.name === 'WASIExitError') { _call.exitCode = _e.code; _call.text = _head + 'exit(' + _e.code + ')'; }"
            + "   else { _call.trap = String(_e && _e.message || _e); _call.text = _head + 'trap: ' + _call.trap; }"
            + "   sink(_call); throw _e; }"
            + "  _call.errno = _r; _call.result = _names[_r] || String(_r);"
            + "  var _got = [], _v = _r === 0 ? _view() : null;"
            + "  if (_v) { _call.results = {}; _params.forEach(function(_p, _i) { var _k = _p[0], _at = Number(_a[_i]) >>> 0;"
            + "   if ((_k === 'r' || _k === 'R') && _at + (_k === 'r' ? 4 : 8) <= _v.byteLength) {"
            + "    var _x = _k === 'r' ? _v.getUint32(_at, true) : _v.getBigUint64(_at, true);"
            + "    _call.results[_p.slice(1)] = _x; _got.push(_p.slice(1) + '=' + _x); } }); }"
            + "  _call.text = _head + _call.result + (_got.length ? ' (' + _got.join(', ') + ')' : '');"
            + "  sink(_call); return _r; }; });"
            + "return _out;")
    private static native JSObject wrap(JSObject ns, String sigs, String errnoNames, JSObject sink, String module,
            Object memory);
}
