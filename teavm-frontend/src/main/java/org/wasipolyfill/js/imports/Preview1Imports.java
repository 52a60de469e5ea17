package org.wasipolyfill.js.imports;

import static org.wasipolyfill.js.imports.ImportSlots.put;
import static org.wasipolyfill.js.imports.TrapGuard.guard;

import org.teavm.jso.JSObject;
import org.wasipolyfill.core.Preview1;
import org.wasipolyfill.js.interop.JsValues;

/**
 * Builds the {@code wasi_snapshot_preview1} namespace of the import object: one JS function per
 * import, each calling the {@link Preview1} method of the same name with its arguments in ABI
 * order. {@link TrapGuard} turns a failure into a wasm trap named after the import.
 */
public final class Preview1Imports {
    private Preview1Imports() {}

    public static JSObject create(Preview1 p) {
        JSObject o = JsValues.newObject();
        put(o, "args_get", (Signatures.II) (a, b) -> guard("args_get", () -> p.argsGet(a, b)));
        put(o, "args_sizes_get", (Signatures.II) (a, b) -> guard("args_sizes_get", () -> p.argsSizesGet(a, b)));
        put(o, "environ_get", (Signatures.II) (a, b) -> guard("environ_get", () -> p.environGet(a, b)));
        put(o, "environ_sizes_get",
                (Signatures.II) (a, b) -> guard("environ_sizes_get", () -> p.environSizesGet(a, b)));
        put(o, "clock_res_get", (Signatures.II) (a, b) -> guard("clock_res_get", () -> p.clockResGet(a, b)));
        put(o, "clock_time_get",
                (Signatures.ILI) (a, b, c) -> guard("clock_time_get", () -> p.clockTimeGet(a, b, c)));
        put(o, "fd_advise", (Signatures.ILLI) (a, b, c, d) -> guard("fd_advise", () -> p.fdAdvise(a, b, c, d)));
        put(o, "fd_allocate", (Signatures.ILL) (a, b, c) -> guard("fd_allocate", () -> p.fdAllocate(a, b, c)));
        put(o, "fd_close", (Signatures.I) a -> guard("fd_close", () -> p.fdClose(a)));
        put(o, "fd_datasync", (Signatures.I) a -> guard("fd_datasync", () -> p.fdDatasync(a)));
        put(o, "fd_fdstat_get", (Signatures.II) (a, b) -> guard("fd_fdstat_get", () -> p.fdFdstatGet(a, b)));
        put(o, "fd_fdstat_set_flags",
                (Signatures.II) (a, b) -> guard("fd_fdstat_set_flags", () -> p.fdFdstatSetFlags(a, b)));
        put(o, "fd_fdstat_set_rights",
                (Signatures.ILL) (a, b, c) -> guard("fd_fdstat_set_rights", () -> p.fdFdstatSetRights(a, b, c)));
        put(o, "fd_filestat_get", (Signatures.II) (a, b) -> guard("fd_filestat_get", () -> p.fdFilestatGet(a, b)));
        put(o, "fd_filestat_set_size",
                (Signatures.IL) (a, b) -> guard("fd_filestat_set_size", () -> p.fdFilestatSetSize(a, b)));
        put(o, "fd_filestat_set_times", (Signatures.ILLI) (a, b, c, d) ->
                guard("fd_filestat_set_times", () -> p.fdFilestatSetTimes(a, b, c, d)));
        put(o, "fd_pread", (Signatures.IIILI) (a, b, c, d, e) -> guard("fd_pread", () -> p.fdPread(a, b, c, d, e)));
        put(o, "fd_prestat_get", (Signatures.II) (a, b) -> guard("fd_prestat_get", () -> p.fdPrestatGet(a, b)));
        put(o, "fd_prestat_dir_name",
                (Signatures.III) (a, b, c) -> guard("fd_prestat_dir_name", () -> p.fdPrestatDirName(a, b, c)));
        put(o, "fd_pwrite",
                (Signatures.IIILI) (a, b, c, d, e) -> guard("fd_pwrite", () -> p.fdPwrite(a, b, c, d, e)));
        put(o, "fd_read", (Signatures.IIII) (a, b, c, d) -> guard("fd_read", () -> p.fdRead(a, b, c, d)));
        put(o, "fd_readdir",
                (Signatures.IIILI) (a, b, c, d, e) -> guard("fd_readdir", () -> p.fdReaddir(a, b, c, d, e)));
        put(o, "fd_renumber", (Signatures.II) (a, b) -> guard("fd_renumber", () -> p.fdRenumber(a, b)));
        put(o, "fd_seek", (Signatures.ILII) (a, b, c, d) -> guard("fd_seek", () -> p.fdSeek(a, b, c, d)));
        put(o, "fd_sync", (Signatures.I) a -> guard("fd_sync", () -> p.fdSync(a)));
        put(o, "fd_tell", (Signatures.II) (a, b) -> guard("fd_tell", () -> p.fdTell(a, b)));
        put(o, "fd_write", (Signatures.IIII) (a, b, c, d) -> guard("fd_write", () -> p.fdWrite(a, b, c, d)));
        put(o, "path_create_directory",
                (Signatures.III) (a, b, c) -> guard("path_create_directory", () -> p.pathCreateDirectory(a, b, c)));
        put(o, "path_filestat_get", (Signatures.IIIII) (a, b, c, d, e) ->
                guard("path_filestat_get", () -> p.pathFilestatGet(a, b, c, d, e)));
        put(o, "path_filestat_set_times", (Signatures.IIIILLI) (a, b, c, d, e, f, g) ->
                guard("path_filestat_set_times", () -> p.pathFilestatSetTimes(a, b, c, d, e, f, g)));
        put(o, "path_link", (Signatures.IIIIIII) (a, b, c, d, e, f, g) ->
                guard("path_link", () -> p.pathLink(a, b, c, d, e, f, g)));
        put(o, "path_open", (Signatures.IIIIILLII) (a, b, c, d, e, f, g, h, i) ->
                guard("path_open", () -> p.pathOpen(a, b, c, d, e, f, g, h, i)));
        put(o, "path_readlink", (Signatures.IIIIII) (a, b, c, d, e, f) ->
                guard("path_readlink", () -> p.pathReadlink(a, b, c, d, e, f)));
        put(o, "path_remove_directory",
                (Signatures.III) (a, b, c) -> guard("path_remove_directory", () -> p.pathRemoveDirectory(a, b, c)));
        put(o, "path_rename", (Signatures.IIIIII) (a, b, c, d, e, f) ->
                guard("path_rename", () -> p.pathRename(a, b, c, d, e, f)));
        put(o, "path_symlink", (Signatures.IIIII) (a, b, c, d, e) ->
                guard("path_symlink", () -> p.pathSymlink(a, b, c, d, e)));
        put(o, "path_unlink_file",
                (Signatures.III) (a, b, c) -> guard("path_unlink_file", () -> p.pathUnlinkFile(a, b, c)));
        put(o, "poll_oneoff",
                (Signatures.IIII) (a, b, c, d) -> guard("poll_oneoff", () -> p.pollOneoff(a, b, c, d)));
        put(o, "proc_exit", (Signatures.IVoid) a -> guard("proc_exit", () -> {
            p.procExit(a);
            return 0;
        }));
        put(o, "proc_raise", (Signatures.I) a -> guard("proc_raise", () -> p.procRaise(a)));
        put(o, "sched_yield", (Signatures.None) () -> guard("sched_yield", p::schedYield));
        put(o, "random_get", (Signatures.II) (a, b) -> guard("random_get", () -> p.randomGet(a, b)));
        put(o, "sock_accept", (Signatures.III) (a, b, c) -> guard("sock_accept", () -> p.sockAccept(a, b, c)));
        put(o, "sock_recv", (Signatures.IIIIII) (a, b, c, d, e, f) ->
                guard("sock_recv", () -> p.sockRecv(a, b, c, d, e, f)));
        put(o, "sock_send", (Signatures.IIIII) (a, b, c, d, e) ->
                guard("sock_send", () -> p.sockSend(a, b, c, d, e)));
        put(o, "sock_shutdown", (Signatures.II) (a, b) -> guard("sock_shutdown", () -> p.sockShutdown(a, b)));
        return o;
    }
}
