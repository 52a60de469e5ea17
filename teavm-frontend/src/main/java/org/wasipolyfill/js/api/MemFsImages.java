package org.wasipolyfill.js.api;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.FileType;
import org.wasipolyfill.core.fs.ChangeSet;
import org.wasipolyfill.core.fs.DirectoryNode;
import org.wasipolyfill.core.fs.FileNode;
import org.wasipolyfill.core.fs.FsException;
import org.wasipolyfill.core.fs.Inode;
import org.wasipolyfill.core.fs.InodeImage;
import org.wasipolyfill.core.fs.MemFs;
import org.wasipolyfill.core.fs.SymlinkNode;
import org.wasipolyfill.js.interop.Bytes;
import org.wasipolyfill.js.interop.JsErrors;
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
        } catch (FsException e) {
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
     * each directory record, the indices of the records its entries name. A snapshot is a tree of
     * well-formed records: each inode once, the root a directory, every entry naming a record other
     * than the root by a valid name unique in its directory, each directory named once, every
     * record reachable from the root.
     */
    @JSBody(params = { "s", "rootIno" }, script = "if (!s || !Array.isArray(s.inodes) || typeof s.stamp !== 'string')"
            + " return 'it is not { stamp, inodes }';"
            + " var list = s.inodes, index = new Map(), u8 = function (v) { return v instanceof Uint8Array; },"
            + " all = function (a, f) { return Array.isArray(a) && a.every(f); },"
            + " ino = function (v) { return Number.isInteger(v) && v >= 1 && v <= 4294967295; },"
            + " t = function (v) { return typeof v === 'bigint' && BigInt.asIntN(64, v) === v; };"
            + " for (var i = 0; i < list.length; i++) { var r = list[i];"
            + " if (!r || !ino(r.ino) || !t(r.atim) || !t(r.mtim) || !t(r.ctim) || !Number.isInteger(r.mode)"
            + " || r.mode < 0 || r.mode > 4095 || !(r.type === 'file' ? all(r.data, u8)"
            + " : r.type === 'symlink' ? u8(r.target) : r.type === 'directory' && all(r.names, u8) && all(r.inos, ino)"
            + " && r.names.length === r.inos.length)) return 'inode record ' + i + ' is malformed';"
            + " if (index.has(r.ino)) return 'inode ' + r.ino + ' appears twice'; index.set(r.ino, i); }"
            + " var root = index.get(rootIno >>> 0), children = [], reached = new Uint8Array(list.length), count = 1,"
            + " pending = [root];"
            + " if (root === undefined || list[root].type !== 'directory') return 'the root directory is missing';"
            + " reached[root] = 1;"
            + " while (pending.length) { var at = pending.pop(), d = list[at], seen = new Set(), kids = [];"
            + " for (var e = 0; e < d.names.length; e++) { var n = d.names[e], key = n.join(), c = index.get(d.inos[e]);"
            + " if (c === undefined || c === root) return 'directory ' + d.ino + ' names inode ' + d.inos[e]"
            + " + ', which it does not hold';"
            + " if (!n.length || key === '46' || key === '46,46' || n.includes(47) || n.includes(0) || seen.has(key))"
            + " return 'directory ' + d.ino + ' has an invalid or repeated name';"
            + " if (list[c].type === 'directory') { if (reached[c]) return 'directory ' + list[c].ino"
            + " + ' has more than one parent'; pending.push(c); }"
            + " if (!reached[c]) { reached[c] = 1; count++; } seen.add(key); kids.push(c); }"
            + " children[at] = kids; }"
            + " if (count !== list.length) return (list.length - count) + ' inode(s) cannot be reached from the root';"
            + " return { root: root, children: children };")
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
