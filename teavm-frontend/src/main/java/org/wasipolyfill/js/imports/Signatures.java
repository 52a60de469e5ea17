package org.wasipolyfill.js.imports;

import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * One {@code @JSFunctor} per wasm signature that {@code wasi_snapshot_preview1} uses, so a Java
 * lambda becomes a plain JS function the engine accepts as an import. A name spells the
 * parameters in ABI order: {@code I} is an i32 ({@code int}), {@code L} an i64 ({@code long},
 * which TeaVM represents as a BigInt, as the JS-API hands it over); the result is the errno
 * (i32) except where noted.
 */
public final class Signatures {
    private Signatures() {}

    /** {@code () -> i32} */
    @JSFunctor
    public interface None extends JSObject {
        int call();
    }

    /** {@code (i32) -> ()}: proc_exit, which never returns normally. */
    @JSFunctor
    public interface IVoid extends JSObject {
        void call(int a);
    }

    /** {@code (i32) -> i32} */
    @JSFunctor
    public interface I extends JSObject {
        int call(int a);
    }

    /** {@code (i32, i32) -> i32} */
    @JSFunctor
    public interface II extends JSObject {
        int call(int a, int b);
    }

    /** {@code (i32, i32, i32) -> i32} */
    @JSFunctor
    public interface III extends JSObject {
        int call(int a, int b, int c);
    }

    /** {@code (i32, i32, i32, i32) -> i32} */
    @JSFunctor
    public interface IIII extends JSObject {
        int call(int a, int b, int c, int d);
    }

    /** {@code (i32, i32, i32, i32, i32) -> i32} */
    @JSFunctor
    public interface IIIII extends JSObject {
        int call(int a, int b, int c, int d, int e);
    }

    /** {@code (i32, i32, i32, i32, i32, i32) -> i32} */
    @JSFunctor
    public interface IIIIII extends JSObject {
        int call(int a, int b, int c, int d, int e, int f);
    }

    /** {@code (i32, i32, i32, i32, i32, i32, i32) -> i32} */
    @JSFunctor
    public interface IIIIIII extends JSObject {
        int call(int a, int b, int c, int d, int e, int f, int g);
    }

    /** {@code (i32, i64) -> i32} */
    @JSFunctor
    public interface IL extends JSObject {
        int call(int a, long b);
    }

    /** {@code (i32, i64, i32) -> i32} */
    @JSFunctor
    public interface ILI extends JSObject {
        int call(int a, long b, int c);
    }

    /** {@code (i32, i64, i64) -> i32} */
    @JSFunctor
    public interface ILL extends JSObject {
        int call(int a, long b, long c);
    }

    /** {@code (i32, i64, i64, i32) -> i32} */
    @JSFunctor
    public interface ILLI extends JSObject {
        int call(int a, long b, long c, int d);
    }

    /** {@code (i32, i64, i32, i32) -> i32} */
    @JSFunctor
    public interface ILII extends JSObject {
        int call(int a, long b, int c, int d);
    }

    /** {@code (i32, i32, i32, i64, i32) -> i32} */
    @JSFunctor
    public interface IIILI extends JSObject {
        int call(int a, int b, int c, long d, int e);
    }

    /** {@code (i32, i32, i32, i32, i64, i64, i32) -> i32} */
    @JSFunctor
    public interface IIIILLI extends JSObject {
        int call(int a, int b, int c, int d, long e, long f, int g);
    }

    /** {@code (i32, i32, i32, i32, i32, i64, i64, i32, i32) -> i32} */
    @JSFunctor
    public interface IIIIILLII extends JSObject {
        int call(int a, int b, int c, int d, int e, long f, long g, int h, int i);
    }
}
