package org.wasipolyfill.js.host;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.wasipolyfill.core.fs.ContentLoader;
import org.wasipolyfill.js.interop.Bytes;

/**
 * A lazy file's loader given by the host: {@code loader(offset, length)} returns a Uint8Array of
 * those bytes. Anything else, or a throw, is EIO for the reader: reporting
 * the cause is the loader's job, as a guest's read must fail cleanly, never throw out of the guest.
 */
public final class JsContentLoader implements ContentLoader {
    private final JSObject loader;

    public JsContentLoader(JSObject loader) {
        this.loader = loader;
    }

    @Override
    public byte[] load(long offset, int length) {
        JSObject bytes = call(loader, (double) offset, length);
        return bytes == null ? null : Bytes.fromUint8Array(bytes);
    }

    @JSBody(params = { "f", "offset", "length" }, script = "try { var r = f(offset, length);"
            + " return r instanceof Uint8Array ? r : null; } catch (e) { return null; }")
    private static native JSObject call(JSObject f, double offset, int length);
}
