package org.wasipolyfill.js.api;

import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSBodyImport;
import org.teavm.jso.JSClass;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.wasipolyfill.core.abi.Errno;
import org.wasipolyfill.core.abi.ErrnoException;
import org.wasipolyfill.core.fs.FileData;
import org.wasipolyfill.core.fs.MemFs;
import org.wasipolyfill.js.host.JsClock;
import org.wasipolyfill.js.host.JsContentLoader;
import org.wasipolyfill.js.interop.Bytes;
import org.wasipolyfill.js.interop.JsErrors;
import org.wasipolyfill.js.interop.JsModules;
import org.wasipolyfill.js.interop.JsStrings;
import org.wasipolyfill.js.interop.JsValues;

/**
 * The exported {@code MemFS} class: the host's view of an in-memory filesystem that a
 * {@code WASI} instance mounts through its preopens. Paths are absolute, '/'-separated strings;
 * a failure throws an {@code Error} whose {@code code} is the errno's name ("ENOENT"), as Node's
 * {@code fs} does.
 */
@JSClass(name = "MemFS")
public final class JsMemFs {
    private final MemFs fs;
    private final long maxBytes;
    private final long maxFileSize;
    private JSObject baselines;

    /**
     * {@code new MemFS({ maxBytes, maxFileSize })}: the sizes of all files together (ENOSPC past it,
     * default 1 GiB) and of any one file (EFBIG past it, default and at most 1 TiB).
     */
    @JSExport
    public JsMemFs(JSObject options) {
        JSObject o = JsValues.isNullish(options) ? JsValues.newObject() : options;
        if (!JsValues.isPlainObject(o)) {
            throw JsErrors.typeError("MemFS: options must be { maxBytes, maxFileSize }");
        }
        maxBytes = (long) WasiOptions.limit(o, "maxBytes", MemFs.DEFAULT_MAX_BYTES,
                "MemFS: option 'maxBytes' must be a whole number of at least 1");
        maxFileSize = Math.min(FileData.MAX_SIZE, (long) WasiOptions.limit(o, "maxFileSize", FileData.MAX_SIZE,
                "MemFS: option 'maxFileSize' must be a whole number of at least 1"));
        fs = new MemFs(JsClock.INSTANCE, maxBytes, maxFileSize);
    }

    /**
     * {@code usage()}: {@code { usedBytes, maxBytes, maxFileSize }}, so that what brings bytes from
     * outside (an archive, a store) can refuse what would not fit before it spends memory on it.
     */
    @JSExport
    public JSObject usage() {
        return usageObject(fs.usedBytes(), maxBytes, maxFileSize);
    }

    @JSBody(params = { "usedBytes", "maxBytes", "maxFileSize" },
            script = "return { usedBytes: usedBytes, maxBytes: maxBytes, maxFileSize: maxFileSize };")
    private static native JSObject usageObject(double usedBytes, double maxBytes, double maxFileSize);

    /** A MemFS with the default limits. */
    JsMemFs() {
        this(null);
    }

    MemFs memFs() {
        return fs;
    }

    /** {@code mkdir(path, { recursive })}: with {@code recursive}, creates the missing parents and accepts an existing directory. */
    @JSExport
    public void mkdir(JSObject path, JSObject options) {
        byte[] p = pathBytes("mkdir", path);
        boolean recursive = recursiveOption("mkdir", options);
        try {
            fs.mkdir(p, recursive);
        } catch (ErrnoException e) {
            throw fsError("mkdir", JsValues.asString(path), e);
        }
    }

    /** {@code writeFile(path, data)}: creates or truncates; data is a string (written as UTF-8) or a Uint8Array. */
    @JSExport
    public void writeFile(JSObject path, JSObject data) {
        String p = path("writeFile", path);
        byte[] bytes = data("writeFile", data);
        try {
            fs.writeFile(p, bytes);
        } catch (ErrnoException e) {
            throw fsError("writeFile", p, e);
        }
    }

    /**
     * {@code createLazyFile(path, size, loader)}: creates or truncates a file of {@code size} bytes
     * whose parts are asked of {@code loader(offset, length)} when first read.
     */
    @JSExport
    public void createLazyFile(JSObject path, JSObject size, JSObject loader) {
        String p = path("createLazyFile", path);
        double bytes = JsValues.limit(size, -1);
        if (bytes < 0 && !JsValues.isZero(size) || !JsValues.isFunction(loader)) {
            throw JsErrors.typeError("MemFS.createLazyFile: bad size or loader");
        }
        try {
            fs.createLazyFile(p, Math.max(0, (long) bytes), new JsContentLoader(loader));
        } catch (ErrnoException e) {
            throw fsError("createLazyFile", p, e);
        }
    }

    @JSExport
    public void appendFile(JSObject path, JSObject data) {
        String p = path("appendFile", path);
        byte[] bytes = data("appendFile", data);
        try {
            fs.appendFile(p, bytes);
        } catch (ErrnoException e) {
            throw fsError("appendFile", p, e);
        }
    }

    /** {@code readFile(path)} gives a Uint8Array; {@code readFile(path, 'utf8')} a string. */
    @JSExport
    public JSObject readFile(JSObject path, JSObject encoding) {
        String p = path("readFile", path);
        boolean asText = utf8Option("readFile", encoding);
        byte[] bytes;
        try {
            bytes = fs.readFile(p);
        } catch (ErrnoException e) {
            throw fsError("readFile", p, e);
        }
        // readFile hands back a fresh copy, so the Uint8Array may view it directly.
        return asText ? JsValues.toJs(Bytes.decodeUtf8(bytes)) : Bytes.viewAsUint8Array(bytes);
    }

    /** The names in a directory, in creation order, without "." and "..". */
    @JSExport
    public JSObject readdir(JSObject path) {
        String p = path("readdir", path);
        List<String> names;
        try {
            names = fs.readdir(p);
        } catch (ErrnoException e) {
            throw fsError("readdir", p, e);
        }
        JSObject array = JsValues.newArray();
        for (String name : names) {
            JsValues.push(array, JsValues.toJs(name));
        }
        return array;
    }

    @JSExport
    public JSObject stat(JSObject path) {
        String p = path("stat", path);
        try {
            return StatObject.of(fs.stat(p));
        } catch (ErrnoException e) {
            throw fsError("stat", p, e);
        }
    }

    @JSExport
    public JSObject lstat(JSObject path) {
        String p = path("lstat", path);
        try {
            return StatObject.of(fs.lstat(p));
        } catch (ErrnoException e) {
            throw fsError("lstat", p, e);
        }
    }

    /** {@code symlink(target, path)}: creates {@code path} pointing at {@code target}, as {@code ln -s}. */
    @JSExport
    public void symlink(JSObject target, JSObject path) {
        String t = string("symlink", "target", target);
        String p = path("symlink", path);
        try {
            fs.symlink(t, p);
        } catch (ErrnoException e) {
            throw fsError("symlink", p, e);
        }
    }

    @JSExport
    public String readlink(JSObject path) {
        String p = path("readlink", path);
        try {
            return fs.readlink(p);
        } catch (ErrnoException e) {
            throw fsError("readlink", p, e);
        }
    }

    /** {@code link(existing, path)}: a hard link, as {@code ln}; a symlink is linked itself, not its target. */
    @JSExport
    public void link(JSObject existing, JSObject path) {
        String e = path("link", existing);
        String p = path("link", path);
        try {
            fs.link(e, p);
        } catch (ErrnoException x) {
            throw fsError("link", e + "' -> '" + p, x);
        }
    }

    /** {@code utimes(path, atime, mtime)}: each time a BigInt of nanoseconds since the epoch or a Date; follows symlinks. */
    @JSExport
    public void utimes(JSObject path, JSObject atime, JSObject mtime) {
        setTimes("utimes", path, atime, mtime, true);
    }

    /** As {@link #utimes}, on a symlink itself. */
    @JSExport
    public void lutimes(JSObject path, JSObject atime, JSObject mtime) {
        setTimes("lutimes", path, atime, mtime, false);
    }

    /** {@code chmod(path, mode)}: the permission bits, an integer from 0 to 0o7777; follows symlinks. */
    @JSExport
    public void chmod(JSObject path, JSObject mode) {
        String p = path("chmod", path);
        int bits = JsValues.permissionBits(mode);
        if (bits < 0) {
            throw JsErrors.typeError("MemFS.chmod: mode must be an integer from 0 to 0o7777");
        }
        try {
            fs.chmod(p, bits);
        } catch (ErrnoException e) {
            throw fsError("chmod", p, e);
        }
    }

    private void setTimes(String method, JSObject path, JSObject atime, JSObject mtime, boolean follow) {
        String p = path(method, path);
        long a = timeNanos(method, "atime", atime);
        long m = timeNanos(method, "mtime", mtime);
        try {
            fs.setTimes(p, follow, a, m);
        } catch (ErrnoException e) {
            throw fsError(method, p, e);
        }
    }

    private static long timeNanos(String method, String what, JSObject value) {
        int kind = JsValues.timeKind(value);
        if (kind <= 0) {
            throw JsErrors.typeError("MemFS." + method + ": " + what + (kind == 0
                    ? " must be a BigInt (nanoseconds) or a Date, got " + JsValues.describe(value)
                    : " is out of range"));
        }
        return JsValues.timeNanos(value);
    }

    @JSExport
    public void unlink(JSObject path) {
        String p = path("unlink", path);
        try {
            fs.unlink(p);
        } catch (ErrnoException e) {
            throw fsError("unlink", p, e);
        }
    }

    @JSExport
    public void rmdir(JSObject path) {
        String p = path("rmdir", path);
        try {
            fs.rmdir(p);
        } catch (ErrnoException e) {
            throw fsError("rmdir", p, e);
        }
    }

    @JSExport
    public void rename(JSObject from, JSObject to) {
        String f = path("rename", from);
        String t = path("rename", to);
        try {
            fs.rename(f, t);
        } catch (ErrnoException e) {
            throw fsError("rename", f + "' -> '" + t, e);
        }
    }

    /** Whether the path names something, following symlinks; never throws for a well-formed call. */
    @JSExport
    public boolean exists(JSObject path) {
        return fs.exists(path("exists", path));
    }

    /**
     * {@code save(store)}: hands the store what changed since this MemFS's last save to it (all of
     * it the first time, or again in full when the store refuses the changes as stale) and resolves
     * to what the store's write() resolved to; its {@code stamp} names the state the next save builds on.
     */
    @JSExport
    public JSObject save(JSObject store) {
        return save(store, storeId("save", store, "write"), baselines(),
                since -> MemFsImages.changes(fs.changesSince(since)));
    }

    /**
     * {@code load(store)}: replaces this MemFS's tree with the store's snapshot and resolves true, or
     * resolves false when the store holds none. A snapshot that cannot be restored rejects with an
     * Error and changes nothing; {@code store.read(limits)} gets {@link #usage()}, and a snapshot
     * past maxBytes or maxFileSize is refused before its bytes are copied.
     */
    @JSExport
    public JSObject load(JSObject store) {
        return load(store, storeId("load", store, "read"), baselines(), usage(),
                snapshot -> MemFsImages.restore(fs, snapshot, maxBytes, maxFileSize));
    }

    /** Per store id, { generation, stamp }: the state of this MemFS that the store holds. */
    private JSObject baselines() {
        if (baselines == null) {
            baselines = newMap();
        }
        return baselines;
    }

    private static String storeId(String method, JSObject store, String operation) {
        if (!JsValues.isPlainObject(store) || !JsValues.isString(JsValues.get(store, "id"))
                || !JsValues.isFunction(JsValues.get(store, operation))) {
            throw JsErrors.typeError("MemFS." + method + ": store must be an object with a string id and a "
                    + operation + "() method, got " + JsValues.describe(store));
        }
        return JsValues.asString(JsValues.get(store, "id"));
    }

    @JSFunctor
    interface Collect extends JSObject {
        JSObject changesSince(int since);
    }

    @JSFunctor
    interface Restore extends JSObject {
        int apply(JSObject snapshot);
    }

    @JSBody(script = "return new Map();")
    private static native JSObject newMap();

    /** src/main/core/memfs/store.mjs: a write the store refuses as stale is made again in full. */
    @JSBody(params = { "store", "id", "baselines", "collect" }, script = "return stores.save(store, id, baselines, collect);",
            imports = @JSBodyImport(alias = "stores", fromModule = JsModules.STORE))
    private static native JSObject save(JSObject store, String id, JSObject baselines, Collect collect);

    /** The store is handed the limits, to refuse what would not fit before it reads the bytes. */
    @JSBody(params = { "store", "id", "baselines", "limits", "restore" },
            script = "return stores.load(store, id, baselines, limits, restore);",
            imports = @JSBodyImport(alias = "stores", fromModule = JsModules.STORE))
    private static native JSObject load(JSObject store, String id, JSObject baselines, JSObject limits,
            Restore restore);

    private static String path(String method, JSObject value) {
        String p = string(method, "path", value);
        if (!p.startsWith("/")) {
            throw JsErrors.typeError("MemFS." + method + ": path must be absolute (start with '/'), got "
                    + JsValues.describe(value));
        }
        return p;
    }

    /**
     * As {@link #path}, encoded by the host with no Java string in between, for {@link #mkdir}:
     * a page makes its preopens' directories before every run.
     */
    private static byte[] pathBytes(String method, JSObject value) {
        byte[] p = JsStrings.absolutePath(value);
        // Past path(), only an absolute path with a NUL is left: the MemFS answers it, as through the other methods.
        return p != null ? p : Bytes.utf8(path(method, value));
    }

    private static String string(String method, String what, JSObject value) {
        if (!JsValues.isString(value)) {
            throw JsErrors.typeError("MemFS." + method + ": " + what + " must be a string, got "
                    + JsValues.describe(value));
        }
        return JsValues.asString(value);
    }

    private static byte[] data(String method, JSObject value) {
        if (JsValues.isString(value)) {
            return Bytes.utf8(JsValues.asString(value));
        }
        if (JsValues.isUint8Array(value)) {
            return Bytes.fromUint8Array(value);
        }
        throw JsErrors.typeError("MemFS." + method + ": data must be a string or a Uint8Array, got "
                + JsValues.describe(value));
    }

    private static boolean recursiveOption(String method, JSObject options) {
        if (JsValues.isNullish(options)) {
            return false;
        }
        if (!JsValues.isPlainObject(options)) {
            throw JsErrors.typeError("MemFS." + method + ": options must be an object, got "
                    + JsValues.describe(options));
        }
        JSObject recursive = JsValues.get(options, "recursive");
        if (JsValues.isUndefined(recursive)) {
            return false;
        }
        if (!JsValues.isBoolean(recursive)) {
            throw JsErrors.typeError("MemFS." + method + ": options.recursive must be a boolean, got "
                    + JsValues.describe(recursive));
        }
        return JsValues.asBoolean(recursive);
    }

    /** Accepts 'utf8' / 'utf-8' or {@code { encoding: 'utf8' }}, as Node's readFile does. */
    private static boolean utf8Option(String method, JSObject option) {
        if (JsValues.isNullish(option)) {
            return false;
        }
        JSObject encoding = JsValues.isPlainObject(option) ? JsValues.get(option, "encoding") : option;
        if (JsValues.isNullish(encoding)) {
            return false;
        }
        if (JsValues.isString(encoding)) {
            String name = JsValues.asString(encoding).toLowerCase();
            if (name.equals("utf8") || name.equals("utf-8")) {
                return true;
            }
            throw JsErrors.typeError("MemFS." + method + ": unsupported encoding '" + name
                    + "' (only 'utf8' is supported)");
        }
        throw JsErrors.typeError("MemFS." + method + ": encoding must be a string, got " + JsValues.describe(encoding));
    }

    private static RuntimeException fsError(String method, String path, ErrnoException e) {
        String code = Errno.name(e.errno());
        return JsErrors.errorWithCode(code + ": MemFS." + method + " '" + path + "'", code);
    }
}
