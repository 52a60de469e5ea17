package org.wasipolyfill.js.host;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.wasipolyfill.core.IoVecs;
import org.wasipolyfill.core.OutputSink;
import org.wasipolyfill.js.interop.Bytes;

/**
 * The default stdout and stderr: UTF-8 text, one {@code console.log} / {@code console.error} call
 * per complete line, since the console cannot print part of a line. The decoder runs in
 * streaming mode so a character split between two writes is not mangled; {@link #flush()} prints
 * what is left when the guest ends without a final newline.
 */
public final class ConsoleSink implements OutputSink {
    private final boolean error;
    private final JSObject decoder = newDecoder();
    private final StringBuilder pending = new StringBuilder();
    private byte[] scratch = new byte[0];

    private ConsoleSink(boolean error) {
        this.error = error;
    }

    public static ConsoleSink log() {
        return new ConsoleSink(false);
    }

    public static ConsoleSink error() {
        return new ConsoleSink(true);
    }

    @Override
    public void write(IoVecs data, int total) {
        // The decoder copies what it reads, so one scratch array serves every write.
        if (scratch.length < total) {
            scratch = new byte[Math.max(total, 2 * scratch.length)];
        }
        data.gather(scratch, 0);
        pending.append(decode(decoder, Bytes.view(scratch, 0, total), true));
        int start = 0;
        for (int newline = pending.indexOf("\n"); newline >= 0; newline = pending.indexOf("\n", start)) {
            print(pending.substring(start, newline));
            start = newline + 1;
        }
        pending.delete(0, start);
    }

    /** Prints an unfinished last line, if any. */
    public void flush() {
        pending.append(decode(decoder, null, false));
        if (pending.length() > 0) {
            print(pending.toString());
            pending.setLength(0);
        }
    }

    private void print(String line) {
        if (error) {
            consoleError(line);
        } else {
            consoleLog(line);
        }
    }

    @JSBody(script = "return new TextDecoder('utf-8');")
    private static native JSObject newDecoder();

    @JSBody(params = { "decoder", "chunk", "stream" },
            script = "return chunk === null ? decoder.decode() : decoder.decode(chunk, { stream: stream });")
    private static native String decode(JSObject decoder, JSObject chunk, boolean stream);

    @JSBody(params = "line", script = "console.log(line);")
    private static native void consoleLog(String line);

    @JSBody(params = "line", script = "console.error(line);")
    private static native void consoleError(String line);
}
