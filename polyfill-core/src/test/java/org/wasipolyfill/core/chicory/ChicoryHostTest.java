package org.wasipolyfill.core.chicory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.runtime.TrapException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wasipolyfill.core.FakeClock;
import org.wasipolyfill.core.Preview1;
import org.wasipolyfill.core.Unstable;
import org.wasipolyfill.core.WasiConfig;

/** The host binding itself, on modules assembled in the test. */
class ChicoryHostTest {

    private static final byte[] NONE = {};
    private static final byte[] I32 = {WasmModuleBuilder.I32};

    /**
     * The preview1 import types written out independently of {@link ChicoryHost}, from
     * wasi_snapshot_preview1.witx (pointers, sizes, fds, flags < 64 bits: i32; filesize,
     * timestamp, rights, dircookie, filedelta: i64).
     */
    private static final List<String> WITX_SIGNATURES = List.of(
            "args_get(i32 i32) i32", "args_sizes_get(i32 i32) i32",
            "environ_get(i32 i32) i32", "environ_sizes_get(i32 i32) i32",
            "clock_res_get(i32 i32) i32", "clock_time_get(i32 i64 i32) i32",
            "fd_advise(i32 i64 i64 i32) i32", "fd_allocate(i32 i64 i64) i32",
            "fd_close(i32) i32", "fd_datasync(i32) i32",
            "fd_fdstat_get(i32 i32) i32", "fd_fdstat_set_flags(i32 i32) i32",
            "fd_fdstat_set_rights(i32 i64 i64) i32", "fd_filestat_get(i32 i32) i32",
            "fd_filestat_set_size(i32 i64) i32", "fd_filestat_set_times(i32 i64 i64 i32) i32",
            "fd_pread(i32 i32 i32 i64 i32) i32", "fd_prestat_get(i32 i32) i32",
            "fd_prestat_dir_name(i32 i32 i32) i32", "fd_pwrite(i32 i32 i32 i64 i32) i32",
            "fd_read(i32 i32 i32 i32) i32", "fd_readdir(i32 i32 i32 i64 i32) i32",
            "fd_renumber(i32 i32) i32", "fd_seek(i32 i64 i32 i32) i32",
            "fd_sync(i32) i32", "fd_tell(i32 i32) i32", "fd_write(i32 i32 i32 i32) i32",
            "path_create_directory(i32 i32 i32) i32", "path_filestat_get(i32 i32 i32 i32 i32) i32",
            "path_filestat_set_times(i32 i32 i32 i32 i64 i64 i32) i32",
            "path_link(i32 i32 i32 i32 i32 i32 i32) i32",
            "path_open(i32 i32 i32 i32 i32 i64 i64 i32 i32) i32",
            "path_readlink(i32 i32 i32 i32 i32 i32) i32", "path_remove_directory(i32 i32 i32) i32",
            "path_rename(i32 i32 i32 i32 i32 i32) i32", "path_symlink(i32 i32 i32 i32 i32) i32",
            "path_unlink_file(i32 i32 i32) i32", "poll_oneoff(i32 i32 i32 i32) i32",
            "proc_exit(i32)", "proc_raise(i32) i32", "sched_yield() i32",
            "random_get(i32 i32) i32", "sock_accept(i32 i32 i32) i32",
            "sock_recv(i32 i32 i32 i32 i32 i32) i32", "sock_send(i32 i32 i32 i32 i32) i32",
            "sock_shutdown(i32 i32) i32");

    @Test
    void providesExactlyThe46Preview1Imports() {
        List<String> names = WITX_SIGNATURES.stream().map(s -> s.substring(0, s.indexOf('('))).toList();
        assertEquals(46, names.size());
        assertEquals(names, ChicoryHost.importNames());
    }

    @Test
    void everyImportLinksWithItsWitxType() {
        WasmModuleBuilder module = new WasmModuleBuilder();
        for (String signature : WITX_SIGNATURES) {
            String name = signature.substring(0, signature.indexOf('('));
            String params = signature.substring(signature.indexOf('(') + 1, signature.indexOf(')'));
            String results = signature.substring(signature.indexOf(')') + 1);
            module.importFunction(Preview1.MODULE, name, types(params), types(results));
        }
        module.export("_start", new WasmModuleBuilder.Code());

        // Chicory refuses to instantiate when an import's type differs from the host function's.
        assertEquals(0, run(module.build()));
    }

    @Test
    void everyWasiUnstableImportLinksWithItsWitxType() {
        // legacy/preview0/witx/wasi_unstable.witx: the preview1 functions with the same types, less sock_accept.
        WasmModuleBuilder module = new WasmModuleBuilder();
        List<String> names = new ArrayList<>();
        for (String signature : WITX_SIGNATURES) {
            String name = signature.substring(0, signature.indexOf('('));
            if (name.equals("sock_accept")) {
                continue;
            }
            names.add(name);
            String params = signature.substring(signature.indexOf('(') + 1, signature.indexOf(')'));
            String results = signature.substring(signature.indexOf(')') + 1);
            module.importFunction(Unstable.MODULE, name, types(params), types(results));
        }
        module.export("_start", new WasmModuleBuilder.Code());

        assertEquals(45, names.size());
        assertEquals(names, ChicoryHost.unstableImportNames());
        assertEquals(0, run(module.build()));
    }

    @Test
    void returningFromStartExitsWithZero() {
        WasmModuleBuilder module = new WasmModuleBuilder();
        module.export("_start", new WasmModuleBuilder.Code());

        assertEquals(0, run(module.build()));
    }

    @Test
    void procExitEndsTheRunWithItsCode() {
        WasmModuleBuilder module = new WasmModuleBuilder();
        int procExit = module.importFunction(Preview1.MODULE, "proc_exit", I32, NONE);
        int fdWrite = module.importFunction(Preview1.MODULE, "fd_write", types("i32 i32 i32 i32"), I32);
        // Nothing after proc_exit may run: the wild fd_write would trap.
        module.export("_start", new WasmModuleBuilder.Code()
                .i32Const(42).call(procExit)
                .i32Const(1).i32Const(-16).i32Const(1).i32Const(0).call(fdWrite).drop());

        assertEquals(42, run(module.build()));
    }

    @Test
    void wildIovecArrayPointerTrapsNamingFdWrite() {
        WasmModuleBuilder module = new WasmModuleBuilder();
        int fdWrite = module.importFunction(Preview1.MODULE, "fd_write", types("i32 i32 i32 i32"), I32);
        module.export("_start", new WasmModuleBuilder.Code()
                .i32Const(1).i32Const(0xFFFF_FFF0).i32Const(1).i32Const(0).call(fdWrite).drop());

        TrapException trap = assertThrows(TrapException.class, () -> run(module.build()));

        assertTrue(trap.getMessage().startsWith("wasi_snapshot_preview1.fd_write: out of bounds memory access"),
                trap.getMessage());
    }

    @Test
    void iovecBufferPastTheEndOfMemoryTrapsNamingFdWrite() {
        WasmModuleBuilder module = new WasmModuleBuilder();
        int fdWrite = module.importFunction(Preview1.MODULE, "fd_write", types("i32 i32 i32 i32"), I32);
        // One iovec at 0: 16 bytes starting 8 bytes before the end of the single 64 KiB page.
        module.export("_start", new WasmModuleBuilder.Code()
                .i32Store(0, 65536 - 8).i32Store(4, 16)
                .i32Const(1).i32Const(0).i32Const(1).i32Const(8).call(fdWrite).drop());

        TrapException trap = assertThrows(TrapException.class, () -> run(module.build()));

        assertTrue(trap.getMessage().startsWith("wasi_snapshot_preview1.fd_write: out of bounds memory access"),
                trap.getMessage());
    }

    @Test
    void wildResultPointerTrapsNamingTheCall() {
        WasmModuleBuilder module = new WasmModuleBuilder();
        int argsSizesGet = module.importFunction(Preview1.MODULE, "args_sizes_get", types("i32 i32"), I32);
        module.export("_start", new WasmModuleBuilder.Code()
                .i32Const(65536 - 2).i32Const(16).call(argsSizesGet).drop());

        TrapException trap = assertThrows(TrapException.class, () -> run(module.build()));

        assertTrue(trap.getMessage().startsWith("wasi_snapshot_preview1.args_sizes_get: "), trap.getMessage());
    }

    private static int run(byte[] wasm) {
        FakeClock clock = new FakeClock();
        return ChicoryHost.run(wasm, WasiConfig.builder().arg("test").clock(clock).random(new SeededRandom(1)).build());
    }

    private static byte[] types(String list) {
        List<Byte> types = new ArrayList<>();
        for (String t : list.trim().split(" +")) {
            switch (t) {
                case "" -> { }
                case "i32" -> types.add(WasmModuleBuilder.I32);
                case "i64" -> types.add(WasmModuleBuilder.I64);
                default -> throw new IllegalArgumentException(t);
            }
        }
        byte[] bytes = new byte[types.size()];
        for (int k = 0; k < bytes.length; k++) {
            bytes[k] = types.get(k);
        }
        return bytes;
    }
}
