package org.wasipolyfill.core.chicory;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.TrapException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.wasipolyfill.core.OutputSink;
import org.wasipolyfill.core.Preview1;
import org.wasipolyfill.core.Preview1Calls;
import org.wasipolyfill.core.ProcExit;
import org.wasipolyfill.core.Unstable;
import org.wasipolyfill.core.UnstableCalls;
import org.wasipolyfill.core.WasiConfig;
import org.wasipolyfill.core.WasiTrap;
import org.wasipolyfill.core.abi.ErrnoException;

/**
 * Runs a WASI command on the JVM: {@link Preview1} bound as Chicory host functions (the
 * {@link ChicoryImports} generated from the table of preview1 imports), so the core is tested against
 * the same guest programs the browsers run. The {@code wasi_unstable} namespace is offered too, as in
 * the browser: the preview1 calls whose ABI is the same, and {@link Unstable}'s converters for the
 * others, over the same Preview1. A failing call's {@code ErrnoException} is its errno
 * ({@link Preview1Calls}).
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

    private final Preview1 wasi;
    private final ImportValues imports;

    public ChicoryHost(Preview1 wasi) {
        this.wasi = wasi;
        Preview1Calls calls = new Preview1Calls(wasi);
        List<ImportFunction> functions = new ArrayList<>();
        for (ChicoryImports.Import imp : ChicoryImports.preview1(calls)) {
            functions.add(bind(Preview1.MODULE, imp));
        }
        for (ChicoryImports.Import imp : ChicoryImports.unstable(calls, new UnstableCalls(new Unstable(wasi)))) {
            functions.add(bind(Unstable.MODULE, imp));
        }
        this.imports = ImportValues.builder().withFunctions(functions).build();
    }

    /** The ABI names of the wasi_unstable imports this host provides, in witx order. */
    public static List<String> unstableImportNames() {
        return ChicoryImports.unstable(null, null).stream().map(ChicoryImports.Import::name).toList();
    }

    /** The ABI names of the imports this host provides, in witx order. */
    public static List<String> importNames() {
        return ChicoryImports.preview1(null).stream().map(ChicoryImports.Import::name).toList();
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

    private static HostFunction bind(String module, ChicoryImports.Import imp) {
        String qualified = module + "." + imp.name();
        boolean returnsErrno = !imp.type().returns().isEmpty();
        return new HostFunction(module, imp.name(), imp.type(), (instance, args) -> {
            try {
                int errno = imp.call().applyAsInt(args);
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
}
