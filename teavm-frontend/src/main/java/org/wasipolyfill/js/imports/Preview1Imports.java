package org.wasipolyfill.js.imports;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.wasipolyfill.core.Preview1;
import org.wasipolyfill.js.memory.JsGuestMemory;

/**
 * Builds the {@code wasi_snapshot_preview1} namespace of the import object: one JS function per
 * import, each calling the {@link Preview1} method of the same name with its arguments in ABI
 * order. {@link TrapGuard} turns a failure into a wasm trap named after the import.
 *
 * <p>The namespace is one object literal of fixed-arity JS functions that call the Java methods
 * below directly ({@code javaMethods.get(...).invoke}): a {@code @JSFunctor} lambda would go
 * through TeaVM's generic wrappers instead, two {@code arguments}-based applies and array copies
 * per call, which dominated the cost of a cheap import such as {@code fd_tell}. Each method
 * catches for itself rather than through a lambda-taking helper, so a call allocates nothing, and
 * revalidates the memory views once, so the accessors inside the call need not.
 */
public final class Preview1Imports {
    private final Preview1 p;
    private final JsGuestMemory memory;

    private Preview1Imports(Preview1 p, JsGuestMemory memory) {
        this.p = p;
        this.memory = memory;
    }

    /** The namespace for {@code p}, whose memory is {@code memory}. */
    public static JSObject create(Preview1 p, JsGuestMemory memory) {
        ErrnoExceptions.prepare();
        return namespace(new Preview1Imports(p, memory));
    }

    private static int argsGet(Preview1Imports h, int argv, int argvBuf) {
        try {
            h.memory.revalidate();
            return h.p.argsGet(argv, argvBuf);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("args_get", e);
        }
    }

    private static int argsSizesGet(Preview1Imports h, int argcPtr, int argvBufSizePtr) {
        try {
            h.memory.revalidate();
            return h.p.argsSizesGet(argcPtr, argvBufSizePtr);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("args_sizes_get", e);
        }
    }

    private static int environGet(Preview1Imports h, int environ, int environBuf) {
        try {
            h.memory.revalidate();
            return h.p.environGet(environ, environBuf);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("environ_get", e);
        }
    }

    private static int environSizesGet(Preview1Imports h, int environcPtr, int environBufSizePtr) {
        try {
            h.memory.revalidate();
            return h.p.environSizesGet(environcPtr, environBufSizePtr);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("environ_sizes_get", e);
        }
    }

    private static int clockResGet(Preview1Imports h, int id, int resolutionPtr) {
        try {
            h.memory.revalidate();
            return h.p.clockResGet(id, resolutionPtr);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("clock_res_get", e);
        }
    }

    private static int clockTimeGet(Preview1Imports h, int id, long precision, int timePtr) {
        try {
            h.memory.revalidate();
            return h.p.clockTimeGet(id, precision, timePtr);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("clock_time_get", e);
        }
    }

    private static int fdAdvise(Preview1Imports h, int fd, long offset, long len, int advice) {
        try {
            h.memory.revalidate();
            return h.p.fdAdvise(fd, offset, len, advice);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("fd_advise", e);
        }
    }

    private static int fdAllocate(Preview1Imports h, int fd, long offset, long len) {
        try {
            h.memory.revalidate();
            return h.p.fdAllocate(fd, offset, len);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("fd_allocate", e);
        }
    }

    private static int fdClose(Preview1Imports h, int fd) {
        try {
            h.memory.revalidate();
            return h.p.fdClose(fd);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("fd_close", e);
        }
    }

    private static int fdDatasync(Preview1Imports h, int fd) {
        try {
            h.memory.revalidate();
            return h.p.fdDatasync(fd);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("fd_datasync", e);
        }
    }

    private static int fdFdstatGet(Preview1Imports h, int fd, int statPtr) {
        try {
            h.memory.revalidate();
            return h.p.fdFdstatGet(fd, statPtr);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("fd_fdstat_get", e);
        }
    }

    private static int fdFdstatSetFlags(Preview1Imports h, int fd, int flags) {
        try {
            h.memory.revalidate();
            return h.p.fdFdstatSetFlags(fd, flags);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("fd_fdstat_set_flags", e);
        }
    }

    private static int fdFdstatSetRights(Preview1Imports h, int fd, long fsRightsBase, long fsRightsInheriting) {
        try {
            h.memory.revalidate();
            return h.p.fdFdstatSetRights(fd, fsRightsBase, fsRightsInheriting);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("fd_fdstat_set_rights", e);
        }
    }

    private static int fdFilestatGet(Preview1Imports h, int fd, int buf) {
        try {
            h.memory.revalidate();
            return h.p.fdFilestatGet(fd, buf);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("fd_filestat_get", e);
        }
    }

    private static int fdFilestatSetSize(Preview1Imports h, int fd, long size) {
        try {
            h.memory.revalidate();
            return h.p.fdFilestatSetSize(fd, size);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("fd_filestat_set_size", e);
        }
    }

    private static int fdFilestatSetTimes(Preview1Imports h, int fd, long atim, long mtim, int fstFlags) {
        try {
            h.memory.revalidate();
            return h.p.fdFilestatSetTimes(fd, atim, mtim, fstFlags);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("fd_filestat_set_times", e);
        }
    }

    private static int fdPread(Preview1Imports h, int fd, int iovs, int iovsLen, long offset, int nreadPtr) {
        try {
            h.memory.revalidate();
            return h.p.fdPread(fd, iovs, iovsLen, offset, nreadPtr);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("fd_pread", e);
        }
    }

    private static int fdPrestatGet(Preview1Imports h, int fd, int buf) {
        try {
            h.memory.revalidate();
            return h.p.fdPrestatGet(fd, buf);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("fd_prestat_get", e);
        }
    }

    private static int fdPrestatDirName(Preview1Imports h, int fd, int path, int pathLen) {
        try {
            h.memory.revalidate();
            return h.p.fdPrestatDirName(fd, path, pathLen);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("fd_prestat_dir_name", e);
        }
    }

    private static int fdPwrite(Preview1Imports h, int fd, int iovs, int iovsLen, long offset, int nwrittenPtr) {
        try {
            h.memory.revalidate();
            return h.p.fdPwrite(fd, iovs, iovsLen, offset, nwrittenPtr);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("fd_pwrite", e);
        }
    }

    private static int fdRead(Preview1Imports h, int fd, int iovs, int iovsLen, int nreadPtr) {
        try {
            h.memory.revalidate();
            return h.p.fdRead(fd, iovs, iovsLen, nreadPtr);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("fd_read", e);
        }
    }

    private static int fdReaddir(Preview1Imports h, int fd, int buf, int bufLen, long cookie, int bufusedPtr) {
        try {
            h.memory.revalidate();
            return h.p.fdReaddir(fd, buf, bufLen, cookie, bufusedPtr);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("fd_readdir", e);
        }
    }

    private static int fdRenumber(Preview1Imports h, int fd, int to) {
        try {
            h.memory.revalidate();
            return h.p.fdRenumber(fd, to);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("fd_renumber", e);
        }
    }

    private static int fdSeek(Preview1Imports h, int fd, long offset, int whence, int newoffsetPtr) {
        try {
            h.memory.revalidate();
            return h.p.fdSeek(fd, offset, whence, newoffsetPtr);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("fd_seek", e);
        }
    }

    private static int fdSync(Preview1Imports h, int fd) {
        try {
            h.memory.revalidate();
            return h.p.fdSync(fd);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("fd_sync", e);
        }
    }

    private static int fdTell(Preview1Imports h, int fd, int offsetPtr) {
        try {
            h.memory.revalidate();
            return h.p.fdTell(fd, offsetPtr);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("fd_tell", e);
        }
    }

    private static int fdWrite(Preview1Imports h, int fd, int iovs, int iovsLen, int nwrittenPtr) {
        try {
            h.memory.revalidate();
            return h.p.fdWrite(fd, iovs, iovsLen, nwrittenPtr);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("fd_write", e);
        }
    }

    private static int pathCreateDirectory(Preview1Imports h, int fd, int path, int pathLen) {
        try {
            h.memory.revalidate();
            return h.p.pathCreateDirectory(fd, path, pathLen);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("path_create_directory", e);
        }
    }

    private static int pathFilestatGet(Preview1Imports h, int fd, int flags, int path, int pathLen, int buf) {
        try {
            h.memory.revalidate();
            return h.p.pathFilestatGet(fd, flags, path, pathLen, buf);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("path_filestat_get", e);
        }
    }

    private static int pathFilestatSetTimes(Preview1Imports h, int fd, int flags, int path, int pathLen, long atim, long mtim, int fstFlags) {
        try {
            h.memory.revalidate();
            return h.p.pathFilestatSetTimes(fd, flags, path, pathLen, atim, mtim, fstFlags);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("path_filestat_set_times", e);
        }
    }

    private static int pathLink(Preview1Imports h, int oldFd, int oldFlags, int oldPath, int oldPathLen, int newFd, int newPath, int newPathLen) {
        try {
            h.memory.revalidate();
            return h.p.pathLink(oldFd, oldFlags, oldPath, oldPathLen, newFd, newPath, newPathLen);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("path_link", e);
        }
    }

    private static int pathOpen(Preview1Imports h, int fd, int dirflags, int path, int pathLen, int oflags, long fsRightsBase, long fsRightsInheriting, int fdflags, int fdPtr) {
        try {
            h.memory.revalidate();
            return h.p.pathOpen(fd, dirflags, path, pathLen, oflags, fsRightsBase, fsRightsInheriting, fdflags, fdPtr);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("path_open", e);
        }
    }

    private static int pathReadlink(Preview1Imports h, int fd, int path, int pathLen, int buf, int bufLen, int bufusedPtr) {
        try {
            h.memory.revalidate();
            return h.p.pathReadlink(fd, path, pathLen, buf, bufLen, bufusedPtr);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("path_readlink", e);
        }
    }

    private static int pathRemoveDirectory(Preview1Imports h, int fd, int path, int pathLen) {
        try {
            h.memory.revalidate();
            return h.p.pathRemoveDirectory(fd, path, pathLen);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("path_remove_directory", e);
        }
    }

    private static int pathRename(Preview1Imports h, int fd, int oldPath, int oldPathLen, int newFd, int newPath, int newPathLen) {
        try {
            h.memory.revalidate();
            return h.p.pathRename(fd, oldPath, oldPathLen, newFd, newPath, newPathLen);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("path_rename", e);
        }
    }

    private static int pathSymlink(Preview1Imports h, int oldPath, int oldPathLen, int fd, int newPath, int newPathLen) {
        try {
            h.memory.revalidate();
            return h.p.pathSymlink(oldPath, oldPathLen, fd, newPath, newPathLen);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("path_symlink", e);
        }
    }

    private static int pathUnlinkFile(Preview1Imports h, int fd, int path, int pathLen) {
        try {
            h.memory.revalidate();
            return h.p.pathUnlinkFile(fd, path, pathLen);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("path_unlink_file", e);
        }
    }

    private static int pollOneoff(Preview1Imports h, int subscriptions, int events, int nsubscriptions, int neventsPtr) {
        try {
            h.memory.revalidate();
            return h.p.pollOneoff(subscriptions, events, nsubscriptions, neventsPtr);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("poll_oneoff", e);
        }
    }

    private static int procExit(Preview1Imports h, int rval) {
        try {
            h.memory.revalidate();
            h.p.procExit(rval);
            return 0;
        } catch (RuntimeException e) {
            throw TrapGuard.translate("proc_exit", e);
        }
    }

    private static int procRaise(Preview1Imports h, int sig) {
        try {
            h.memory.revalidate();
            return h.p.procRaise(sig);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("proc_raise", e);
        }
    }

    private static int schedYield(Preview1Imports h) {
        try {
            h.memory.revalidate();
            return h.p.schedYield();
        } catch (RuntimeException e) {
            throw TrapGuard.translate("sched_yield", e);
        }
    }

    private static int randomGet(Preview1Imports h, int buf, int bufLen) {
        try {
            h.memory.revalidate();
            return h.p.randomGet(buf, bufLen);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("random_get", e);
        }
    }

    private static int sockAccept(Preview1Imports h, int fd, int flags, int fdPtr) {
        try {
            h.memory.revalidate();
            return h.p.sockAccept(fd, flags, fdPtr);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("sock_accept", e);
        }
    }

    private static int sockRecv(Preview1Imports h, int fd, int riData, int riDataLen, int riFlags, int roDatalenPtr, int roFlagsPtr) {
        try {
            h.memory.revalidate();
            return h.p.sockRecv(fd, riData, riDataLen, riFlags, roDatalenPtr, roFlagsPtr);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("sock_recv", e);
        }
    }

    private static int sockSend(Preview1Imports h, int fd, int siData, int siDataLen, int siFlags, int soDatalenPtr) {
        try {
            h.memory.revalidate();
            return h.p.sockSend(fd, siData, siDataLen, siFlags, soDatalenPtr);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("sock_send", e);
        }
    }

    private static int sockShutdown(Preview1Imports h, int fd, int how) {
        try {
            h.memory.revalidate();
            return h.p.sockShutdown(fd, how);
        } catch (RuntimeException e) {
            throw TrapGuard.translate("sock_shutdown", e);
        }
    }

    // i64 parameters arrive as BigInt, which is what a Java long is in TeaVM's output. The
    // closures' parameters start with '_' so they cannot shadow the name TeaVM's minifier gives
    // the parameter "wasi" (it names parameters a, b, c ...).
    @JSBody(params = "wasi", script = "return {"
            + " args_get: function(_0,_1) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.argsGet(Lorg/wasipolyfill/js/imports/Preview1Imports;II)I').invoke(wasi, _0,_1); },"
            + " args_sizes_get: function(_0,_1) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.argsSizesGet(Lorg/wasipolyfill/js/imports/Preview1Imports;II)I').invoke(wasi, _0,_1); },"
            + " environ_get: function(_0,_1) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.environGet(Lorg/wasipolyfill/js/imports/Preview1Imports;II)I').invoke(wasi, _0,_1); },"
            + " environ_sizes_get: function(_0,_1) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.environSizesGet(Lorg/wasipolyfill/js/imports/Preview1Imports;II)I').invoke(wasi, _0,_1); },"
            + " clock_res_get: function(_0,_1) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.clockResGet(Lorg/wasipolyfill/js/imports/Preview1Imports;II)I').invoke(wasi, _0,_1); },"
            + " clock_time_get: function(_0,_1,_2) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.clockTimeGet(Lorg/wasipolyfill/js/imports/Preview1Imports;IJI)I').invoke(wasi, _0,_1,_2); },"
            + " fd_advise: function(_0,_1,_2,_3) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.fdAdvise(Lorg/wasipolyfill/js/imports/Preview1Imports;IJJI)I').invoke(wasi, _0,_1,_2,_3); },"
            + " fd_allocate: function(_0,_1,_2) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.fdAllocate(Lorg/wasipolyfill/js/imports/Preview1Imports;IJJ)I').invoke(wasi, _0,_1,_2); },"
            + " fd_close: function(_0) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.fdClose(Lorg/wasipolyfill/js/imports/Preview1Imports;I)I').invoke(wasi, _0); },"
            + " fd_datasync: function(_0) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.fdDatasync(Lorg/wasipolyfill/js/imports/Preview1Imports;I)I').invoke(wasi, _0); },"
            + " fd_fdstat_get: function(_0,_1) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.fdFdstatGet(Lorg/wasipolyfill/js/imports/Preview1Imports;II)I').invoke(wasi, _0,_1); },"
            + " fd_fdstat_set_flags: function(_0,_1) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.fdFdstatSetFlags(Lorg/wasipolyfill/js/imports/Preview1Imports;II)I').invoke(wasi, _0,_1); },"
            + " fd_fdstat_set_rights: function(_0,_1,_2) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.fdFdstatSetRights(Lorg/wasipolyfill/js/imports/Preview1Imports;IJJ)I').invoke(wasi, _0,_1,_2); },"
            + " fd_filestat_get: function(_0,_1) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.fdFilestatGet(Lorg/wasipolyfill/js/imports/Preview1Imports;II)I').invoke(wasi, _0,_1); },"
            + " fd_filestat_set_size: function(_0,_1) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.fdFilestatSetSize(Lorg/wasipolyfill/js/imports/Preview1Imports;IJ)I').invoke(wasi, _0,_1); },"
            + " fd_filestat_set_times: function(_0,_1,_2,_3) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.fdFilestatSetTimes(Lorg/wasipolyfill/js/imports/Preview1Imports;IJJI)I').invoke(wasi, _0,_1,_2,_3); },"
            + " fd_pread: function(_0,_1,_2,_3,_4) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.fdPread(Lorg/wasipolyfill/js/imports/Preview1Imports;IIIJI)I').invoke(wasi, _0,_1,_2,_3,_4); },"
            + " fd_prestat_get: function(_0,_1) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.fdPrestatGet(Lorg/wasipolyfill/js/imports/Preview1Imports;II)I').invoke(wasi, _0,_1); },"
            + " fd_prestat_dir_name: function(_0,_1,_2) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.fdPrestatDirName(Lorg/wasipolyfill/js/imports/Preview1Imports;III)I').invoke(wasi, _0,_1,_2); },"
            + " fd_pwrite: function(_0,_1,_2,_3,_4) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.fdPwrite(Lorg/wasipolyfill/js/imports/Preview1Imports;IIIJI)I').invoke(wasi, _0,_1,_2,_3,_4); },"
            + " fd_read: function(_0,_1,_2,_3) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.fdRead(Lorg/wasipolyfill/js/imports/Preview1Imports;IIII)I').invoke(wasi, _0,_1,_2,_3); },"
            + " fd_readdir: function(_0,_1,_2,_3,_4) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.fdReaddir(Lorg/wasipolyfill/js/imports/Preview1Imports;IIIJI)I').invoke(wasi, _0,_1,_2,_3,_4); },"
            + " fd_renumber: function(_0,_1) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.fdRenumber(Lorg/wasipolyfill/js/imports/Preview1Imports;II)I').invoke(wasi, _0,_1); },"
            + " fd_seek: function(_0,_1,_2,_3) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.fdSeek(Lorg/wasipolyfill/js/imports/Preview1Imports;IJII)I').invoke(wasi, _0,_1,_2,_3); },"
            + " fd_sync: function(_0) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.fdSync(Lorg/wasipolyfill/js/imports/Preview1Imports;I)I').invoke(wasi, _0); },"
            + " fd_tell: function(_0,_1) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.fdTell(Lorg/wasipolyfill/js/imports/Preview1Imports;II)I').invoke(wasi, _0,_1); },"
            + " fd_write: function(_0,_1,_2,_3) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.fdWrite(Lorg/wasipolyfill/js/imports/Preview1Imports;IIII)I').invoke(wasi, _0,_1,_2,_3); },"
            + " path_create_directory: function(_0,_1,_2) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.pathCreateDirectory(Lorg/wasipolyfill/js/imports/Preview1Imports;III)I').invoke(wasi, _0,_1,_2); },"
            + " path_filestat_get: function(_0,_1,_2,_3,_4) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.pathFilestatGet(Lorg/wasipolyfill/js/imports/Preview1Imports;IIIII)I').invoke(wasi, _0,_1,_2,_3,_4); },"
            + " path_filestat_set_times: function(_0,_1,_2,_3,_4,_5,_6) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.pathFilestatSetTimes(Lorg/wasipolyfill/js/imports/Preview1Imports;IIIIJJI)I').invoke(wasi, _0,_1,_2,_3,_4,_5,_6); },"
            + " path_link: function(_0,_1,_2,_3,_4,_5,_6) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.pathLink(Lorg/wasipolyfill/js/imports/Preview1Imports;IIIIIII)I').invoke(wasi, _0,_1,_2,_3,_4,_5,_6); },"
            + " path_open: function(_0,_1,_2,_3,_4,_5,_6,_7,_8) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.pathOpen(Lorg/wasipolyfill/js/imports/Preview1Imports;IIIIIJJII)I').invoke(wasi, _0,_1,_2,_3,_4,_5,_6,_7,_8); },"
            + " path_readlink: function(_0,_1,_2,_3,_4,_5) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.pathReadlink(Lorg/wasipolyfill/js/imports/Preview1Imports;IIIIII)I').invoke(wasi, _0,_1,_2,_3,_4,_5); },"
            + " path_remove_directory: function(_0,_1,_2) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.pathRemoveDirectory(Lorg/wasipolyfill/js/imports/Preview1Imports;III)I').invoke(wasi, _0,_1,_2); },"
            + " path_rename: function(_0,_1,_2,_3,_4,_5) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.pathRename(Lorg/wasipolyfill/js/imports/Preview1Imports;IIIIII)I').invoke(wasi, _0,_1,_2,_3,_4,_5); },"
            + " path_symlink: function(_0,_1,_2,_3,_4) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.pathSymlink(Lorg/wasipolyfill/js/imports/Preview1Imports;IIIII)I').invoke(wasi, _0,_1,_2,_3,_4); },"
            + " path_unlink_file: function(_0,_1,_2) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.pathUnlinkFile(Lorg/wasipolyfill/js/imports/Preview1Imports;III)I').invoke(wasi, _0,_1,_2); },"
            + " poll_oneoff: function(_0,_1,_2,_3) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.pollOneoff(Lorg/wasipolyfill/js/imports/Preview1Imports;IIII)I').invoke(wasi, _0,_1,_2,_3); },"
            + " proc_exit: function(_0) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.procExit(Lorg/wasipolyfill/js/imports/Preview1Imports;I)I').invoke(wasi, _0); },"
            + " proc_raise: function(_0) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.procRaise(Lorg/wasipolyfill/js/imports/Preview1Imports;I)I').invoke(wasi, _0); },"
            + " sched_yield: function() { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.schedYield(Lorg/wasipolyfill/js/imports/Preview1Imports;)I').invoke(wasi); },"
            + " random_get: function(_0,_1) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.randomGet(Lorg/wasipolyfill/js/imports/Preview1Imports;II)I').invoke(wasi, _0,_1); },"
            + " sock_accept: function(_0,_1,_2) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.sockAccept(Lorg/wasipolyfill/js/imports/Preview1Imports;III)I').invoke(wasi, _0,_1,_2); },"
            + " sock_recv: function(_0,_1,_2,_3,_4,_5) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.sockRecv(Lorg/wasipolyfill/js/imports/Preview1Imports;IIIIII)I').invoke(wasi, _0,_1,_2,_3,_4,_5); },"
            + " sock_send: function(_0,_1,_2,_3,_4) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.sockSend(Lorg/wasipolyfill/js/imports/Preview1Imports;IIIII)I').invoke(wasi, _0,_1,_2,_3,_4); },"
            + " sock_shutdown: function(_0,_1) { return javaMethods.get('org.wasipolyfill.js.imports.Preview1Imports.sockShutdown(Lorg/wasipolyfill/js/imports/Preview1Imports;II)I').invoke(wasi, _0,_1); }"
            + " };")
    private static native JSObject namespace(Object wasi);
}
