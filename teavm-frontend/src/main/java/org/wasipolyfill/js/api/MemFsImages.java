package org.wasipolyfill.js.api;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSBodyImport;
import org.teavm.jso.JSObject;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.FileType;
import org.wasipolyfill.core.fs.ChangeSet;
import org.wasipolyfill.core.fs.DirectoryNode;
import org.wasipolyfill.core.fs.FileNode;
import org.wasipolyfill.core.abi.ErrnoException;
import org.wasipolyfill.core.fs.Inode;
import org.wasipolyfill.core.fs.InodeImage;
import org.wasipolyfill.core.fs.MemFs;
import org.wasipolyfill.core.fs.SymlinkNode;
import org.wasipolyfill.js.interop.Bytes;
import org.wasipolyfill.js.interop.JsErrors;
import org.wasipolyfill.js.interop.JsModules;
import org.wasipolyfill.js.interop.JsValues;

/**
 * The JS shapes {@code MemFS.save} hands a store and {@code MemFS.load} takes back (persist.d.ts
 * describes them). An inode record is {@code { ino, type, atim, mtim, ctim, mode }} (times as BigInt
 * nanoseconds) plus its content: a file's {@code data} (one Uint8Array when saved, an array of
 * chunks when loaded), a symlink's {@code target}, a directory's {@code names} and {@code inos}. A
 * saved record without content means only the metadata changed.
 */
final class MemFsImages {
    private MemFsImages() {}

    /** {@code { generation, full, root, inodes, live }}: all copied, so the tree may change meanwhile. */
    static JSObject changes(ChangeSet changes) {
        JSObject inodes = JsValues.newArray();
        for (int i = 0, n = changes.changed().size(); i < n; i++) {
            Inode node = changes.changed().get(i);
            JSObject record = record(node.inoU32(), typeName(node.fileType()), node.atim(), node.mtim(), node.ctim(),
                    node.mode());
            if (node instanceof SymlinkNode link) {
                JsValues.set(record, "target", Bytes.copyToUint8Array(link.target(), 0, link.target().length));
            } else if (changes.includesContent(node)) {
                if (node instanceof FileNode file) {
                    JsValues.set(record, "data", Bytes.viewAsUint8Array(file.data().toByteArray()));
                } else {
                    addEntries(record, (DirectoryNode) node);
                }
            }
            JsValues.push(inodes, record);
        }
        return changeSet(changes.generation(), changes.full(), changes.rootIno(), inodes, changes.live());
    }

    private static void addEntries(JSObject record, DirectoryNode directory) {
        JSObject names = JsValues.newArray();
        int[] inos = new int[directory.entryCount()];
        int i = 0;
        for (int slot = 0, end = directory.slotCount(); slot < end; slot++) {
            DirectoryNode.Entry entry = directory.entryAt(slot);
            if (entry != null) {
                byte[] name = entry.name().bytes();
                JsValues.push(names, Bytes.copyToUint8Array(name, 0, name.length));
                inos[i++] = entry.node().inoU32();
            }
        }
        JsValues.set(record, "names", names);
        JsValues.set(record, "inos", unsignedArray(inos));
    }

    /**
     * Restores {@code snapshot} into {@code fs} and returns its generation; a snapshot that is not a
     * tree of well-formed records is an Error naming what is wrong, and changes nothing.
     */
    static int restore(MemFs fs, JSObject snapshot, long maxBytes, long maxFileSize) {
        JSObject checked = check(snapshot, fs.root().inoU32());
        if (JsValues.isString(checked)) {
            throw JsErrors.error("MemFS.load: the store's snapshot is corrupt: " + JsValues.asString(checked)
                    + "; nothing was loaded");
        }
        JSObject inodes = JsValues.get(snapshot, "inodes");
        checkSizes(inodes, maxBytes, maxFileSize);
        InodeImage[] images = new InodeImage[JsValues.length(inodes)];
        for (int i = 0; i < images.length; i++) {
            JSObject r = JsValues.at(inodes, i);
            String type = JsValues.asString(JsValues.get(r, "type"));
            images[i] = new InodeImage(intOf(r, "ino"), fileType(type), longOf(r, "atim"), longOf(r, "mtim"),
                    longOf(r, "ctim"), intOf(r, "mode"), type.equals("file") ? byteArrays(JsValues.get(r, "data")) : null,
                    type.equals("symlink") ? Bytes.fromUint8Array(JsValues.get(r, "target")) : null,
                    type.equals("directory") ? byteArrays(JsValues.get(r, "names")) : null,
                    type.equals("directory") ? ints(JsValues.at(JsValues.get(checked, "children"), i)) : null);
        }
        try {
            return fs.restore(images, intOf(checked, "root"));
        } catch (ErrnoException e) {
            throw tooLarge(e.errno());
        }
    }

    /** Refuses a snapshot past the limits before a byte of it is copied (MemFs.restore checks them again). */
    private static void checkSizes(JSObject inodes, long maxBytes, long maxFileSize) {
        long total = 0;
        for (int i = 0, n = JsValues.length(inodes); i < n; i++) {
            JSObject r = JsValues.at(inodes, i);
            if (JsValues.asString(JsValues.get(r, "type")).equals("file")) {
                JSObject chunks = JsValues.get(r, "data");
                long size = 0;
                for (int c = 0, count = JsValues.length(chunks); c < count; c++) {
                    size += JsValues.length(JsValues.at(chunks, c));
                }
                total += size;
                if (size > maxFileSize || total > maxBytes) {
                    throw tooLarge(size > maxFileSize ? Errno.FBIG : Errno.NOSPC);
                }
            }
        }
    }

    private static RuntimeException tooLarge(int errno) {
        return JsErrors.errorWithCode(Errno.name(errno) + ": MemFS.load: the snapshot does not fit this MemFS's"
                + " maxBytes or maxFileSize; nothing was loaded", Errno.name(errno));
    }

    private static byte[][] byteArrays(JSObject array) {
        byte[][] arrays = new byte[JsValues.length(array)][];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = Bytes.fromUint8Array(JsValues.at(array, i));
        }
        return arrays;
    }

    private static int[] ints(JSObject array) {
        int[] values = new int[JsValues.length(array)];
        for (int i = 0; i < values.length; i++) {
            values[i] = intAt(array, i);
        }
        return values;
    }

    private static String typeName(int fileType) {
        return fileType == FileType.REGULAR_FILE ? "file" : fileType == FileType.DIRECTORY ? "directory" : "symlink";
    }

    private static int fileType(String name) {
        return name.equals("file") ? FileType.REGULAR_FILE
                : name.equals("directory") ? FileType.DIRECTORY : FileType.SYMBOLIC_LINK;
    }

    /**
     * What is wrong with a snapshot, as a string, or { root, children }: the root's index and, for
     * each directory record, the indices of the records its entries name (src/main/core/memfs/snapshot.mjs).
     */
    @JSBody(params = { "s", "rootIno" }, script = "return snapshots.checkSnapshot(s, rootIno);",
            imports = @JSBodyImport(alias = "snapshots", fromModule = JsModules.SNAPSHOT))
    private static native JSObject check(JSObject snapshot, int rootIno);

    @JSBody(params = { "ino", "type", "atim", "mtim", "ctim", "mode" },
            script = "return { ino: ino >>> 0, type: type, atim: atim, mtim: mtim, ctim: ctim, mode: mode };")
    private static native JSObject record(int ino, String type, long atim, long mtim, long ctim, int mode);

    @JSBody(params = { "generation", "full", "root", "inodes", "live" },
            script = "return { generation: generation, full: full, root: root >>> 0, inodes: inodes,"
                    + " live: Array.from(live, function (i) { return i >>> 0; }) };")
    private static native JSObject changeSet(int generation, boolean full, int root, JSObject inodes, int[] live);

    @JSBody(params = "values", script = "return Array.from(values, function (i) { return i >>> 0; });")
    private static native JSObject unsignedArray(int[] values);

    @JSBody(params = { "o", "key" }, script = "return o[key] | 0;")
    private static native int intOf(JSObject o, String key);

    @JSBody(params = { "a", "i" }, script = "return a[i] | 0;")
    private static native int intAt(JSObject a, int i);

    @JSBody(params = { "o", "key" }, script = "return o[key];")
    private static native long longOf(JSObject o, String key);
}
