package org.wasipolyfill.core.chicory;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.wasipolyfill.core.OutputSink;
import org.wasipolyfill.core.Preview1;
import org.wasipolyfill.core.ProcExit;
import org.wasipolyfill.core.Unstable;
import org.wasipolyfill.core.WasiConfig;
import org.wasipolyfill.core.WasiTrap;

/**
 * Runs a WASI command on the JVM: {@link Preview1} bound as Chicory host functions, so the core is
 * tested against the same guest programs the browsers run. The {@code wasi_unstable} namespace is
 * offered too, as in the browser: the preview1 calls whose ABI is the same, and {@link Unstable}'s
 * converters for the others, over the same Preview1.
 *
 * <p>How a run ends, as in the browser host: {@code _start} returning is exit code 0;
 * {@code proc_exit} throws {@link ProcExit}, which unwinds the interpreter untouched (Chicory only
 * intercepts wasm exception-handling {@code WasmException}s from host functions) and becomes the
 * exit code; a {@link WasiTrap} becomes a Chicory {@link TrapException} whose message starts with
 * {@code "<module>.<call>: "}.
 */
public final class ChicoryHost {

    /** What a captured run produced. */
    public record Outcome(int exitCode, byte[] stdout, byte[] stderr) { }

    /** One import: its ABI name, its wasm type, and the {@link Preview1} method it calls. */
    private record Import(String name, FunctionType type, Call call) { }

    @FunctionalInterface
    private interface Call {
        /** Calls the Preview1 method with the raw wasm arguments; returns the errno. */
        int invoke(Preview1 wasi, long[] a);
    }

    /**
     * The 46 {@code wasi_snapshot_preview1} imports, in witx order. Types follow the witx ABI:
     * every pointer, length, fd and flag word below 64 bits is an i32; filesize, timestamp,
     * rights, dircookie and filedelta are i64. All return the errno as i32 except proc_exit.
     */
    private static final List<Import> PREVIEW1 = List.of(
            fn("args_get", "i32 i32", (w, a) -> w.argsGet(i(a[0]), i(a[1]))),
            fn("args_sizes_get", "i32 i32", (w, a) -> w.argsSizesGet(i(a[0]), i(a[1]))),
            fn("environ_get", "i32 i32", (w, a) -> w.environGet(i(a[0]), i(a[1]))),
            fn("environ_sizes_get", "i32 i32", (w, a) -> w.environSizesGet(i(a[0]), i(a[1]))),
            fn("clock_res_get", "i32 i32", (w, a) -> w.clockResGet(i(a[0]), i(a[1]))),
            fn("clock_time_get", "i32 i64 i32", (w, a) -> w.clockTimeGet(i(a[0]), a[1], i(a[2]))),
            fn("fd_advise", "i32 i64 i64 i32", (w, a) -> w.fdAdvise(i(a[0]), a[1], a[2], i(a[3]))),
            fn("fd_allocate", "i32 i64 i64", (w, a) -> w.fdAllocate(i(a[0]), a[1], a[2])),
            fn("fd_close", "i32", (w, a) -> w.fdClose(i(a[0]))),
            fn("fd_datasync", "i32", (w, a) -> w.fdDatasync(i(a[0]))),
            fn("fd_fdstat_get", "i32 i32", (w, a) -> w.fdFdstatGet(i(a[0]), i(a[1]))),
            fn("fd_fdstat_set_flags", "i32 i32", (w, a) -> w.fdFdstatSetFlags(i(a[0]), i(a[1]))),
            fn("fd_fdstat_set_rights", "i32 i64 i64",
                    (w, a) -> w.fdFdstatSetRights(i(a[0]), a[1], a[2])),
            fn("fd_filestat_get", "i32 i32", (w, a) -> w.fdFilestatGet(i(a[0]), i(a[1]))),
            fn("fd_filestat_set_size", "i32 i64", (w, a) -> w.fdFilestatSetSize(i(a[0]), a[1])),
            fn("fd_filestat_set_times", "i32 i64 i64 i32",
                    (w, a) -> w.fdFilestatSetTimes(i(a[0]), a[1], a[2], i(a[3]))),
            fn("fd_pread", "i32 i32 i32 i64 i32",
                    (w, a) -> w.fdPread(i(a[0]), i(a[1]), i(a[2]), a[3], i(a[4]))),
            fn("fd_prestat_get", "i32 i32", (w, a) -> w.fdPrestatGet(i(a[0]), i(a[1]))),
            fn("fd_prestat_dir_name", "i32 i32 i32",
                    (w, a) -> w.fdPrestatDirName(i(a[0]), i(a[1]), i(a[2]))),
            fn("fd_pwrite", "i32 i32 i32 i64 i32",
                    (w, a) -> w.fdPwrite(i(a[0]), i(a[1]), i(a[2]), a[3], i(a[4]))),
            fn("fd_read", "i32 i32 i32 i32", (w, a) -> w.fdRead(i(a[0]), i(a[1]), i(a[2]), i(a[3]))),
            fn("fd_readdir", "i32 i32 i32 i64 i32",
                    (w, a) -> w.fdReaddir(i(a[0]), i(a[1]), i(a[2]), a[3], i(a[4]))),
            fn("fd_renumber", "i32 i32", (w, a) -> w.fdRenumber(i(a[0]), i(a[1]))),
            fn("fd_seek", "i32 i64 i32 i32", (w, a) -> w.fdSeek(i(a[0]), a[1], i(a[2]), i(a[3]))),
            fn("fd_sync", "i32", (w, a) -> w.fdSync(i(a[0]))),
            fn("fd_tell", "i32 i32", (w, a) -> w.fdTell(i(a[0]), i(a[1]))),
            fn("fd_write", "i32 i32 i32 i32", (w, a) -> w.fdWrite(i(a[0]), i(a[1]), i(a[2]), i(a[3]))),
            fn("path_create_directory", "i32 i32 i32",
                    (w, a) -> w.pathCreateDirectory(i(a[0]), i(a[1]), i(a[2]))),
            fn("path_filestat_get", "i32 i32 i32 i32 i32",
                    (w, a) -> w.pathFilestatGet(i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]))),
            fn("path_filestat_set_times", "i32 i32 i32 i32 i64 i64 i32",
                    (w, a) -> w.pathFilestatSetTimes(i(a[0]), i(a[1]), i(a[2]), i(a[3]), a[4], a[5], i(a[6]))),
            fn("path_link", "i32 i32 i32 i32 i32 i32 i32",
                    (w, a) -> w.pathLink(i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]), i(a[5]), i(a[6]))),
            fn("path_open", "i32 i32 i32 i32 i32 i64 i64 i32 i32",
                    (w, a) -> w.pathOpen(i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]), a[5], a[6], i(a[7]), i(a[8]))),
            fn("path_readlink", "i32 i32 i32 i32 i32 i32",
                    (w, a) -> w.pathReadlink(i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]), i(a[5]))),
            fn("path_remove_directory", "i32 i32 i32",
                    (w, a) -> w.pathRemoveDirectory(i(a[0]), i(a[1]), i(a[2]))),
            fn("path_rename", "i32 i32 i32 i32 i32 i32",
                    (w, a) -> w.pathRename(i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]), i(a[5]))),
            fn("path_symlink", "i32 i32 i32 i32 i32",
                    (w, a) -> w.pathSymlink(i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]))),
            fn("path_unlink_file", "i32 i32 i32", (w, a) -> w.pathUnlinkFile(i(a[0]), i(a[1]), i(a[2]))),
            fn("poll_oneoff", "i32 i32 i32 i32",
                    (w, a) -> w.pollOneoff(i(a[0]), i(a[1]), i(a[2]), i(a[3]))),
            new Import("proc_exit", FunctionType.of(List.of(ValType.I32), List.of()), (w, a) -> {
                w.procExit(i(a[0]));
                throw new AssertionError("proc_exit returned");
            }),
            fn("proc_raise", "i32", (w, a) -> w.procRaise(i(a[0]))),
            fn("sched_yield", "", (w, a) -> w.schedYield()),
            fn("random_get", "i32 i32", (w, a) -> w.randomGet(i(a[0]), i(a[1]))),
            fn("sock_accept", "i32 i32 i32", (w, a) -> w.sockAccept(i(a[0]), i(a[1]), i(a[2]))),
            fn("sock_recv", "i32 i32 i32 i32 i32 i32",
                    (w, a) -> w.sockRecv(i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]), i(a[5]))),
            fn("sock_send", "i32 i32 i32 i32 i32",
                    (w, a) -> w.sockSend(i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4]))),
            fn("sock_shutdown", "i32 i32", (w, a) -> w.sockShutdown(i(a[0]), i(a[1]))));

    @FunctionalInterface
    private interface UnstableCall {
        int invoke(Unstable wasi, long[] a);
    }

    /** The snapshot-0 imports whose ABI differs from preview1's; the others are the preview1 ones. */
    private static final Map<String, UnstableCall> UNSTABLE_CONVERTED = Map.of(
            "fd_seek", (u, a) -> u.fdSeek(i(a[0]), a[1], i(a[2]), i(a[3])),
            "fd_filestat_get", (u, a) -> u.fdFilestatGet(i(a[0]), i(a[1])),
            "path_filestat_get", (u, a) -> u.pathFilestatGet(i(a[0]), i(a[1]), i(a[2]), i(a[3]), i(a[4])),
            "poll_oneoff", (u, a) -> u.pollOneoff(i(a[0]), i(a[1]), i(a[2]), i(a[3])));

    private final Preview1 wasi;
    private final ImportValues imports;

    public ChicoryHost(Preview1 wasi) {
        this.wasi = wasi;
        Unstable unstable = new Unstable(wasi);
        List<ImportFunction> functions = new ArrayList<>(2 * PREVIEW1.size());
        for (Import imp : PREVIEW1) {
            functions.add(bind(Preview1.MODULE, imp, a -> imp.call().invoke(wasi, a)));
            UnstableCall converted = UNSTABLE_CONVERTED.get(imp.name());
            if (converted != null) {
                functions.add(bind(Unstable.MODULE, imp, a -> converted.invoke(unstable, a)));
            } else if (!imp.name().equals("sock_accept")) {
                functions.add(bind(Unstable.MODULE, imp, a -> imp.call().invoke(wasi, a)));
            }
        }
        this.imports = ImportValues.builder().withFunctions(functions).build();
    }

    /** The ABI names of the wasi_unstable imports this host provides, in witx order. */
    public static List<String> unstableImportNames() {
        return importNames().stream().filter(name -> !name.equals("sock_accept")).toList();
    }

    /** The ABI names of the imports this host provides, in witx order. */
    public static List<String> importNames() {
        return PREVIEW1.stream().map(Import::name).toList();
    }

    public ImportValues imports() {
        return imports;
    }

    /** Runs {@code wasm}'s {@code _start} with {@code config}; returns the exit code. */
    public static int run(byte[] wasm, WasiConfig config) {
        return new ChicoryHost(new Preview1(config)).run(Parser.parse(wasm));
    }

    /**
     * Runs {@code wasm} with the options in {@code config}, capturing stdout and stderr (any sinks
     * already set on the builder are replaced).
     */
    public static Outcome capture(byte[] wasm, WasiConfig.Builder config) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int exitCode = run(wasm, config.stdout(into(stdout)).stderr(into(stderr)).build());
        return new Outcome(exitCode, stdout.toByteArray(), stderr.toByteArray());
    }

    /** A sink that appends every write to {@code out}. */
    public static OutputSink into(ByteArrayOutputStream out) {
        return (data, total) -> {
            byte[] bytes = new byte[total];
            data.gather(bytes, 0);
            out.write(bytes, 0, total);
        };
    }

    /**
     * Instantiates {@code module} against this host and runs its {@code _start}. The wasm start
     * section (if any) runs only after the memory is bound, so it too may call WASI.
     */
    public int run(WasmModule module) {
        Instance instance = Instance.builder(module)
                .withImportValues(imports)
                .withInitialize(false)
                .withStart(false)
                .build();
        wasi.bindMemory(new ChicoryGuestMemory(instance.memory()));
        try {
            instance.initialize(false);
            instance.export("_start").apply();
            return 0;
        } catch (ProcExit exit) {
            return exit.code();
        }
    }

    private static HostFunction bind(String module, Import imp, ToIntFunction<long[]> call) {
        String qualified = module + "." + imp.name();
        boolean returnsErrno = !imp.type().returns().isEmpty();
        return new HostFunction(module, imp.name(), imp.type(), (instance, args) -> {
            try {
                int errno = call.applyAsInt(args);
                return returnsErrno ? new long[] {errno} : null;
            } catch (ProcExit exit) {
                throw exit;
            } catch (WasiTrap trap) {
                TrapException wasmTrap = new TrapException(qualified + ": " + trap.getMessage());
                wasmTrap.initCause(trap);
                throw wasmTrap;
            } catch (RuntimeException bug) {
                // Not a guest error: a defect in the core. Name the call so the failure is findable.
                throw new IllegalStateException(qualified + ": host error: " + bug, bug);
            }
        });
    }

    /** An import returning the errno; {@code params} lists the wasm parameter types, e.g. "i32 i64". */
    private static Import fn(String name, String params, Call call) {
        List<ValType> types = params.isBlank() ? List.of()
                : Arrays.stream(params.trim().split(" +")).map(ChicoryHost::valType).toList();
        return new Import(name, FunctionType.of(types, List.of(ValType.I32)), call);
    }

    private static ValType valType(String name) {
        return switch (name) {
            case "i32" -> ValType.I32;
            case "i64" -> ValType.I64;
            default -> throw new IllegalArgumentException("not a WASI preview1 value type: " + name);
        };
    }

    /** An i32 argument arrives as a long holding the 32-bit pattern; the core takes it as int. */
    private static int i(long arg) {
        return (int) arg;
    }
}
