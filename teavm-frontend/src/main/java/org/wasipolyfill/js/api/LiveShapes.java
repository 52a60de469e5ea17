package org.wasipolyfill.js.api;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.wasipolyfill.core.Preview1;
import org.wasipolyfill.core.Utf8;
import org.wasipolyfill.core.abi.LookupFlags;
import org.wasipolyfill.core.abi.OFlags;
import org.wasipolyfill.core.abi.Rights;
import org.wasipolyfill.core.abi.Whence;
import org.wasipolyfill.core.fs.MemFs;
import org.wasipolyfill.core.fs.PathResolver;
import org.wasipolyfill.js.memory.JsGuestMemory;
import org.wasipolyfill.js.memory.WasmMemory;

/**
 * Keeps one object of every kind a guest run allocates alive for as long as the page lives.
 *
 * <p>V8 drops an object layout (its hidden class, or map) at a full garbage collection once no
 * live object has it, and with it deoptimises every function that was optimised for it. Each
 * guest run makes its own WASI, descriptors, inodes and lookups, so when a page runs programs one
 * after another, a collection between two runs sent the next run back to unoptimised code
 * (benchmarks/README.md has the figures). The objects kept here hold every such layout, so
 * optimised code survives.
 *
 * <p>They come from one short session through the same classes a guest uses: a MemFS with files,
 * a directory and a symlink made from the host side, a WASI over it, and the calls a typical
 * program makes (open, write, read, seek, stat, readdir, rename, symlink, stdout) on that WASI's
 * syscall layer, over a page of memory of the session's own. The first {@code new WASI} queues it as a microtask: it runs
 * when the page's current task ends, so its first-time compilation does not delay that first
 * run. Every call is one that succeeds: the syscall layer throws a failure (the import binding
 * makes it an errno), which would end the session early and keep nothing. Nothing it throws gets
 * out.
 */
final class LiveShapes {
    private static final int OUT = 16;
    private static final int IOVEC = 64;
    private static final int STAT = 128;
    private static final int PATH = 1024;
    private static final int DATA = 2048;
    private static final int DATA_SIZE = 256;

    @JSFunctor
    interface Task extends JSObject {
        void run();
    }

    /** Null until the session is queued; set then, as the session makes a WASI itself. */
    private static Object[] kept;

    private LiveShapes() {}

    /** Queues the session on the first call; does nothing after. */
    static void ensure() {
        if (kept == null) {
            kept = new Object[0];
            queueMicrotask(LiveShapes::keep);
        }
    }

    private static void keep() {
        try {
            kept = session();
        } catch (Throwable e) {
            // Only an optimisation, run from a microtask: nothing may reach the page from here.
        }
    }

    private static Object[] session() {
        JsMemFs jsFs = new JsMemFs();
        MemFs fs = jsFs.memFs();
        fs.mkdir("/shapes", false);
        fs.writeFile("/shapes/host-file", Utf8.encode("kept"));
        fs.symlink("host-file", "/shapes/host-link");
        JsWasi wasi = new JsWasi(options((JSObject) (Object) jsFs));

        // The WASI's own syscall layer, bound to a memory of the session's: its import object is
        // never called.
        Preview1 p = wasi.preview1();
        JsGuestMemory memory = new JsGuestMemory();
        memory.bind(newMemory());
        p.bindMemory(memory);
        int preopen = 3;
        // The table opens stdio and preopens when first used: use each kind once.
        p.fdFdstatGet(0, STAT);
        p.fdFdstatGet(2, STAT);
        p.fdPrestatGet(preopen, OUT);
        p.fdPrestatDirName(preopen, DATA, 1);
        p.argsSizesGet(OUT, OUT + 4);
        p.argsGet(OUT, DATA);
        p.environSizesGet(OUT, OUT + 4);
        p.environGet(OUT, DATA);

        p.pathCreateDirectory(preopen, PATH, path(memory, "dir"));
        int file = open(p, memory, preopen, "file", OFlags.CREAT | OFlags.TRUNC, Rights.REGULAR_FILE_BASE);
        memory.writeI32(IOVEC, DATA);
        memory.writeI32(IOVEC + 4, DATA_SIZE);
        p.fdWrite(file, IOVEC, 1, OUT);
        p.fdSeek(file, 0, Whence.SET, OUT);
        p.fdRead(file, IOVEC, 1, OUT);
        p.fdPread(file, IOVEC, 1, 0, OUT);
        p.fdTell(file, OUT);
        p.fdFdstatGet(file, STAT);
        p.fdFilestatGet(file, STAT);
        p.fdWrite(1, IOVEC, 1, OUT);
        p.pathSymlink(PATH, path(memory, "file"), preopen, PATH + 512, write(memory, PATH + 512, "link"));
        p.pathFilestatGet(preopen, LookupFlags.SYMLINK_FOLLOW, PATH, path(memory, "link"), STAT);
        p.fdClose(open(p, memory, preopen, "moved", OFlags.CREAT, Rights.REGULAR_FILE_BASE));
        p.pathRename(preopen, PATH, path(memory, "moved"), preopen, PATH + 512, write(memory, PATH + 512, "renamed"));
        open(p, memory, preopen, "dir", OFlags.DIRECTORY, Rights.DIRECTORY_BASE);
        p.fdReaddir(preopen, DATA, DATA_SIZE, 0, OUT);
        p.clockTimeGet(1, 0, OUT);

        Object lookup = PathResolver.resolve(fs.directory("/shapes"), Utf8.encode("file"), false);
        // The open file and directory descriptors stay in the WASI's descriptor table.
        return new Object[] { jsFs, wasi, memory, lookup, fs.stat("/shapes/host-link") };
    }

    private static int open(Preview1 p, JsGuestMemory memory, int dir, String name, int oflags, int rights) {
        p.pathOpen(dir, 0, PATH, path(memory, name), oflags, rights, rights, 0, OUT);
        return memory.readI32(OUT);
    }

    private static int path(JsGuestMemory memory, String name) {
        return write(memory, PATH, name);
    }

    private static int write(JsGuestMemory memory, int address, String text) {
        byte[] bytes = Utf8.encode(text);
        memory.write(address, bytes, 0, bytes.length);
        return bytes.length;
    }

    @JSBody(params = "fs", script = "return { fs: fs, preopens: { '/': '/shapes' }, args: ['shapes'],"
            + " env: { SHAPES: '1' }, stdout: function() {}, stderr: function() {}, returnOnExit: true };")
    private static native JSObject options(JSObject fs);

    @JSBody(params = "task", script = "if (typeof queueMicrotask === 'function') queueMicrotask(task);")
    private static native void queueMicrotask(Task task);

    @JSBody(script = "return new WebAssembly.Memory({ initial: 1 });")
    private static native WasmMemory newMemory();
}
