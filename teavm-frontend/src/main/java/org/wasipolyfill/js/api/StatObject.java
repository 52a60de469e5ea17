package org.wasipolyfill.js.api;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSBodyImport;
import org.teavm.jso.JSObject;
import org.wasipolyfill.core.abi.FileType;
import org.wasipolyfill.core.fs.Stat;
import org.wasipolyfill.js.interop.JsModules;

/** What {@code MemFS.stat} returns: a {@code Stats} of src/main/core/memfs/stats.mjs. */
final class StatObject {
    private StatObject() {}

    static JSObject of(Stat stat) {
        return create(typeName(stat.fileType()), stat.size(), stat.ino(), stat.nlink(),
                stat.atimNanos(), stat.mtimNanos(), stat.ctimNanos(), stat.mode());
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

    @JSBody(params = { "type", "size", "ino", "nlink", "atimNs", "mtimNs", "ctimNs", "mode" },
            script = "return new stats.Stats(type, size, ino, nlink, atimNs, mtimNs, ctimNs, mode);",
            imports = @JSBodyImport(alias = "stats", fromModule = JsModules.STATS))
    private static native JSObject create(String type, long size, long ino, long nlink, long atimNs, long mtimNs,
            long ctimNs, int mode);
}
