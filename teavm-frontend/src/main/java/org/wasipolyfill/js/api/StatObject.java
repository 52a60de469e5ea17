package org.wasipolyfill.js.api;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.wasipolyfill.core.abi.FileType;
import org.wasipolyfill.core.fs.Stat;

/**
 * What {@code MemFS.stat} returns: a plain object shaped after Node's {@code fs.Stats} (sizes and
 * times as numbers, {@code mode} with its file type bits as Node gives it, {@code isFile()} ...), plus
 * {@code type} and the exact nanosecond times as BigInts.
 */
final class StatObject {
    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private StatObject() {}

    static JSObject of(Stat stat) {
        return create(typeName(stat.fileType()), stat.size(), stat.ino(), stat.nlink(),
                stat.atimNanos(), stat.mtimNanos(), stat.ctimNanos(),
                stat.atimNanos() / NANOS_PER_MILLI, stat.mtimNanos() / NANOS_PER_MILLI,
                stat.ctimNanos() / NANOS_PER_MILLI, stat.mode());
    }

    private static String typeName(int fileType) {
        switch (fileType) {
            case FileType.REGULAR_FILE:
                return "file";
            case FileType.DIRECTORY:
                return "directory";
            case FileType.SYMBOLIC_LINK:
                return "symlink";
            default:
                return "unknown";
        }
    }

    @JSBody(params = { "type", "size", "ino", "nlink", "atimNs", "mtimNs", "ctimNs", "atimeMs", "mtimeMs", "ctimeMs", "mode" },
            script = "return { type: type, mode: mode | ({ file: 32768, directory: 16384, symlink: 40960 }[type] || 0),"
                    + " size: Number(size), ino: Number(ino), nlink: Number(nlink),"
                    + " atimeMs: atimeMs, mtimeMs: mtimeMs, ctimeMs: ctimeMs,"
                    + " atimeNs: atimNs, mtimeNs: mtimNs, ctimeNs: ctimNs,"
                    + " isFile: function () { return type === 'file'; },"
                    + " isDirectory: function () { return type === 'directory'; },"
                    + " isSymbolicLink: function () { return type === 'symlink'; } };")
    private static native JSObject create(String type, long size, long ino, long nlink, long atimNs, long mtimNs,
            long ctimNs, double atimeMs, double mtimeMs, double ctimeMs, int mode);
}
