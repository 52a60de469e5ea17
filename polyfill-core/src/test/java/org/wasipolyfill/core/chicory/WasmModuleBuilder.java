package org.wasipolyfill.core.chicory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles tiny wasm modules in the test itself (no wat2wasm, no committed binaries): function
 * imports, one exported memory of one page, and exported functions of type {@code () -> ()}.
 * Binary format: https://webassembly.github.io/spec/core/binary/modules.html
 */
final class WasmModuleBuilder {
    static final byte I32 = 0x7F;
    static final byte I64 = 0x7E;

    private record Import(String module, String name, int type) { }

    private record Function(String exportName, byte[] body) { }

    private final List<byte[]> types = new ArrayList<>();
    private final List<Import> imports = new ArrayList<>();
    private final List<Function> functions = new ArrayList<>();

    /** Imports a function; returns its function index (imports come first). */
    int importFunction(String module, String name, byte[] params, byte[] results) {
        imports.add(new Import(module, name, type(params, results)));
        return imports.size() - 1;
    }

    /** Adds an exported {@code () -> ()} function with these instructions ({@code end} is added). */
    WasmModuleBuilder export(String name, Code code) {
        functions.add(new Function(name, code.bytes()));
        return this;
    }

    byte[] build() {
        int voidType = type(new byte[0], new byte[0]);
        ByteArrayOutputStream module = new ByteArrayOutputStream();
        module.writeBytes(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});

        Bytes typeSection = new Bytes().u32(types.size());
        types.forEach(typeSection::raw);
        section(module, 1, typeSection);

        Bytes importSection = new Bytes().u32(imports.size());
        for (Import imp : imports) {
            importSection.name(imp.module()).name(imp.name()).raw(0x00).u32(imp.type());
        }
        section(module, 2, importSection);

        Bytes functionSection = new Bytes().u32(functions.size());
        functions.forEach(f -> functionSection.u32(voidType));
        section(module, 3, functionSection);

        section(module, 5, new Bytes().u32(1).raw(0x00).u32(1)); // memory: min 1 page, no max

        Bytes exportSection = new Bytes().u32(functions.size() + 1);
        exportSection.name("memory").raw(0x02).u32(0);
        for (int k = 0; k < functions.size(); k++) {
            exportSection.name(functions.get(k).exportName()).raw(0x00).u32(imports.size() + k);
        }
        section(module, 7, exportSection);

        Bytes codeSection = new Bytes().u32(functions.size());
        for (Function f : functions) {
            byte[] body = new Bytes().u32(0).raw(f.body()).raw(0x0B).toByteArray(); // no locals; end
            codeSection.u32(body.length).raw(body);
        }
        section(module, 10, codeSection);
        return module.toByteArray();
    }

    private int type(byte[] params, byte[] results) {
        byte[] type = new Bytes().raw(0x60).u32(params.length).raw(params).u32(results.length).raw(results)
                .toByteArray();
        for (int k = 0; k < types.size(); k++) {
            if (java.util.Arrays.equals(types.get(k), type)) {
                return k;
            }
        }
        types.add(type);
        return types.size() - 1;
    }

    private static void section(ByteArrayOutputStream module, int id, Bytes content) {
        byte[] bytes = content.toByteArray();
        module.write(id);
        module.writeBytes(new Bytes().u32(bytes.length).toByteArray());
        module.writeBytes(bytes);
    }

    /** A function body's instructions. */
    static final class Code {
        private final Bytes out = new Bytes();

        Code i32Const(int value) {
            out.raw(0x41).s64(value);
            return this;
        }

        Code i64Const(long value) {
            out.raw(0x42).s64(value);
            return this;
        }

        Code call(int function) {
            out.raw(0x10).u32(function);
            return this;
        }

        /** {@code i32.store} with natural alignment and no offset: stores value at address. */
        Code i32Store(int address, int value) {
            i32Const(address).i32Const(value);
            out.raw(0x36).u32(2).u32(0);
            return this;
        }

        Code drop() {
            out.raw(0x1A);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** LEB128 and name encoding. */
    private static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes raw(int b) {
            out.write(b);
            return this;
        }

        Bytes raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        Bytes u32(long value) {
            do {
                int b = (int) (value & 0x7F);
                value >>>= 7;
                out.write(value != 0 ? b | 0x80 : b);
            } while (value != 0);
            return this;
        }

        Bytes s64(long value) {
            while (true) {
                int b = (int) (value & 0x7F);
                value >>= 7;
                boolean done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
                out.write(done ? b : b | 0x80);
                if (done) {
                    return this;
                }
            }
        }

        Bytes name(String name) {
            byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
            return u32(utf8.length).raw(utf8);
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
