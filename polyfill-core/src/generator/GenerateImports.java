import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Generates the import bindings from the table of wasi_snapshot_preview1 signatures
 * (polyfill-core/src/main/witx/wasi_snapshot_preview1.imports, which describes its format):
 * <pre>
 * java GenerateImports.java TABLE teavm OUT   Preview1Imports, UnstableImports (teavm-frontend)
 * java GenerateImports.java TABLE jvm OUT     Preview1Calls, UnstableCalls, ChicoryImports (polyfill-core tests)
 * </pre>
 * A source-file program run by the build (exec-maven-plugin, generate-sources), so the generator
 * needs no module of its own and the table is the one place an import is spelled.
 */
public final class GenerateImports {
    private static final Set<String> I64_TYPES = Set.of("timestamp", "filesize", "filedelta", "rights", "dircookie");
    private static final Set<String> LISTS = Set.of("string", "iovec_array", "ciovec_array");
    private static final Set<String> DECIMAL_TYPES = Set.of("fd", "size", "exitcode", "signal", "clockid", "whence",
            "advice");
    /** The witx types lowered to one i32 (results included: a struct result is a pointer to it). */
    private static final Set<String> I32_TYPES = Set.of("fd", "size", "exitcode", "signal", "pointer", "clockid",
            "whence", "advice", "fdflags", "fstflags", "lookupflags", "oflags", "riflags", "roflags", "siflags",
            "sdflags", "fdstat", "filestat", "prestat");
    private static final Set<String> U64_RESULTS = Set.of("timestamp", "filesize");
    private static final Set<String> U32_RESULTS = Set.of("size", "fd");

    /** A wasm parameter: its witx name, wasm type and how the tracer shows it (see ImportTracer). */
    record Param(String name, boolean i64, char traceKind) {
        String javaName() {
            return camel(name);
        }

        String javaType() {
            return i64 ? "long" : "int";
        }

        String descriptor() {
            return i64 ? "J" : "I";
        }
    }

    record Import(String name, List<Param> params, boolean noreturn, String unstable) {
        String javaName() {
            return camel(name);
        }

        String javaParams(String first) {
            StringJoiner joiner = new StringJoiner(", ");
            if (first != null) {
                joiner.add(first);
            }
            params.forEach(p -> joiner.add(p.javaType() + " " + p.javaName()));
            return joiner.toString();
        }

        String javaArgs() {
            return params.stream().map(Param::javaName).collect(Collectors.joining(", "));
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 || !Set.of("teavm", "jvm").contains(args[1])) {
            throw new IllegalArgumentException("usage: GenerateImports TABLE teavm|jvm OUTPUT_DIRECTORY");
        }
        List<Import> imports = parse(Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8));
        Path out = Path.of(args[2]);
        if (args[1].equals("teavm")) {
            write(out, "org.wasipolyfill.js.imports", "Preview1Imports", preview1Imports(imports));
            write(out, "org.wasipolyfill.js.imports", "UnstableImports", unstableImports(imports));
        } else {
            write(out, "org.wasipolyfill.core", "Preview1Calls", calls("Preview1Calls", "Preview1", imports));
            write(out, "org.wasipolyfill.core", "UnstableCalls", calls("UnstableCalls", "Unstable", converted(imports)));
            write(out, "org.wasipolyfill.core.chicory", "ChicoryImports", chicoryImports(imports));
        }
    }

    static List<Import> parse(List<String> lines) {
        List<Import> imports = new ArrayList<>();
        for (String line : lines) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] words = text.split("\\s+");
            List<Param> params = new ArrayList<>();
            boolean results = false;
            boolean noreturn = false;
            String unstable = "same";
            for (int i = 1; i < words.length; i++) {
                String word = words[i];
                if (word.equals("->")) {
                    results = true;
                } else if (word.equals("noreturn")) {
                    noreturn = true;
                } else if (word.startsWith("unstable=")) {
                    unstable = word.substring("unstable=".length());
                } else {
                    addParams(params, word, results, words[0]);
                }
            }
            imports.add(new Import(words[0], List.copyOf(params), noreturn, unstable));
        }
        if (imports.size() != 46) {
            throw new IllegalStateException("the table lists " + imports.size() + " imports, not preview1's 46");
        }
        return imports;
    }

    private static void addParams(List<Param> params, String word, boolean result, String importName) {
        int colon = word.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(importName + ": not name:type: " + word);
        }
        String name = word.substring(0, colon);
        String type = word.substring(colon + 1);
        if (!I32_TYPES.contains(type) && !I64_TYPES.contains(type) && !LISTS.contains(type)) {
            throw new IllegalArgumentException(importName + ": no lowering known for the witx type " + type);
        }
        if (result) {
            char kind = U64_RESULTS.contains(type) ? 'R' : U32_RESULTS.contains(type) ? 'r' : 'p';
            params.add(new Param(name, false, kind));
        } else if (LISTS.contains(type)) {
            params.add(new Param(name, false, type.equals("string") ? 's' : 'a'));
            params.add(new Param(name + "_len", false, 'n'));
        } else if (I64_TYPES.contains(type)) {
            params.add(new Param(name, true, type.equals("rights") ? 'X' : 'N'));
        } else {
            params.add(new Param(name, false, DECIMAL_TYPES.contains(type) ? 'n' : 'x'));
        }
    }

    private static List<Import> converted(List<Import> imports) {
        return imports.stream().filter(i -> i.unstable().equals("converted")).toList();
    }

    // ---- teavm-frontend ----

    private static String preview1Imports(List<Import> imports) {
        StringBuilder s = new StringBuilder();
        s.append("""
                import org.teavm.jso.JSBody;
                import org.teavm.jso.JSObject;
                import org.wasipolyfill.core.Preview1;
                import org.wasipolyfill.js.memory.JsGuestMemory;

                /**
                 * The {@code wasi_snapshot_preview1} namespace of the import object: one JS function per
                 * import, each calling the {@link Preview1} method of the same name with its arguments in ABI
                 * order; {@link TrapGuard} decides what a failure becomes (an {@code ErrnoException} the
                 * returned errno).
                 *
                 * <p>The namespace is one object literal of fixed-arity JS functions that call the static
                 * methods below directly ({@code javaMethods.get(...).invoke}): a {@code @JSFunctor} lambda
                 * would go through TeaVM's generic wrappers, with {@code arguments}-based applies and array
                 * copies on every call. Each method catches for itself, so a call allocates nothing, and
                 * revalidates the memory views once, so the accessors inside the call need not.
                 */
                public final class Preview1Imports {
                    /**
                     * Each import's parameters as {@link ImportTracer} shows them: imports separated by ';',
                     * each its name then '/'-separated parameters, a parameter its kind letter then its name.
                     */
                    static final String SIGNATURES = "%s";

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
                """.formatted(signatures(imports)));
        for (Import imp : imports) {
            s.append(wrapper("Preview1Imports", imp, "TrapGuard.errno(\"" + imp.name() + "\", e)"));
        }
        s.append("""

                    // i64 parameters arrive as BigInt, which is what a Java long is in TeaVM's output. The
                    // closures' parameters start with '_' so they cannot shadow the name TeaVM's minifier gives
                    // the parameter "wasi" (it names parameters a, b, c ...).
                    @JSBody(params = "wasi", script = "return {"
                """);
        for (int i = 0; i < imports.size(); i++) {
            Import imp = imports.get(i);
            s.append("            + \" ").append(imp.name()).append(": ").append(jsFunction("Preview1Imports", imp))
                    .append(i + 1 < imports.size() ? ",\"\n" : "\"\n");
        }
        s.append("""
                            + " };")
                    private static native JSObject namespace(Object wasi);
                }
                """);
        return s.toString();
    }

    private static String unstableImports(List<Import> imports) {
        StringBuilder s = new StringBuilder();
        s.append("""
                import org.teavm.jso.JSBody;
                import org.teavm.jso.JSObject;
                import org.wasipolyfill.core.Unstable;
                import org.wasipolyfill.js.memory.JsGuestMemory;

                /**
                 * The {@code wasi_unstable} namespace, made from the {@code wasi_snapshot_preview1} one: the
                 * same JS function for every import whose ABI is the same, none for the imports snapshot 0
                 * lacks, and for those whose layouts differ a function calling {@link Unstable}, made as
                 * {@link Preview1Imports} makes its own. The preview1 namespace itself is left as it was.
                 */
                public final class UnstableImports {
                    private final Unstable u;
                    private final JsGuestMemory memory;

                    private UnstableImports(Unstable u, JsGuestMemory memory) {
                        this.u = u;
                        this.memory = memory;
                    }

                    /** The namespace for {@code u}, sharing the functions of {@code preview1}, its Preview1's namespace. */
                    public static JSObject create(Unstable u, JsGuestMemory memory, JSObject preview1) {
                        return namespace(preview1, new UnstableImports(u, memory));
                    }
                """);
        for (Import imp : converted(imports)) {
            s.append(wrapper("UnstableImports", imp, "TrapGuard.errno(Unstable.MODULE, \"" + imp.name() + "\", e)")
                    .replace("h.p.", "h.u."));
        }
        s.append("""

                    // As in Preview1Imports: parameters start with '_' so they cannot shadow TeaVM's names for "p1" and "wasi".
                    @JSBody(params = { "p1", "wasi" }, script = "var n = Object.assign({}, p1);"
                """);
        for (Import imp : imports) {
            if (imp.unstable().equals("absent")) {
                s.append("            + \" delete n.").append(imp.name()).append(";\"\n");
            } else if (imp.unstable().equals("converted")) {
                s.append("            + \" n.").append(imp.name()).append(" = ").append(jsFunction("UnstableImports", imp))
                        .append(";\"\n");
            }
        }
        s.append("""
                            + " return n;")
                    private static native JSObject namespace(JSObject p1, Object wasi);
                }
                """);
        return s.toString();
    }

    private static String wrapper(String owner, Import imp, String onFailure) {
        String call = "h.p." + imp.javaName() + "(" + imp.javaArgs() + ")";
        String body = imp.noreturn() ? call + ";\n                return 0;" : "return " + call + ";";
        return """

                    private static int %s(%s) {
                        try {
                            h.memory.revalidate();
                            %s
                        } catch (RuntimeException e) {
                            return %s;
                        }
                    }
                """.formatted(imp.javaName(), imp.javaParams(owner + " h"), body, onFailure);
    }

    private static String jsFunction(String owner, Import imp) {
        StringJoiner formal = new StringJoiner(",");
        StringBuilder actual = new StringBuilder("wasi");
        StringBuilder descriptor = new StringBuilder("(Lorg/wasipolyfill/js/imports/" + owner + ";");
        for (int i = 0; i < imp.params().size(); i++) {
            formal.add("_" + i);
            actual.append(i == 0 ? ", " : ",").append("_").append(i);
            descriptor.append(imp.params().get(i).descriptor());
        }
        descriptor.append(")I");
        return "function(" + formal + ") { return javaMethods.get('org.wasipolyfill.js.imports." + owner + "."
                + imp.javaName() + descriptor + "').invoke(" + actual + "); }";
    }

    private static String signatures(List<Import> imports) {
        return imports.stream()
                .map(imp -> imp.name() + imp.params().stream().map(p -> "/" + p.traceKind() + p.name())
                        .collect(Collectors.joining()))
                .collect(Collectors.joining(";"));
    }

    // ---- polyfill-core tests ----

    private static String calls(String className, String target, List<Import> imports) {
        String field = Character.toLowerCase(target.charAt(0)) + target.substring(1);
        StringBuilder s = new StringBuilder();
        s.append("""
                import org.wasipolyfill.core.abi.ErrnoException;

                /**
                 * {@link %2$s} as a guest calls it: each import returns its errno, an {@link ErrnoException} mapped
                 * to the errno it carries, as the hosts' bindings do.
                 */
                public final class %1$s {
                    private final %2$s %3$s;

                    public %1$s(%2$s %3$s) {
                        this.%3$s = %3$s;
                    }

                    public %2$s %3$s() {
                        return %3$s;
                    }
                """.formatted(className, target, field));
        for (Import imp : imports) {
            String call = field + "." + imp.javaName() + "(" + imp.javaArgs() + ")";
            if (imp.noreturn()) {
                s.append("""

                            public void %s(%s) {
                                %s;
                            }
                        """.formatted(imp.javaName(), imp.javaParams(null), call));
            } else {
                s.append("""

                            public int %s(%s) {
                                try {
                                    return %s;
                                } catch (ErrnoException e) {
                                    return e.errno();
                                }
                            }
                        """.formatted(imp.javaName(), imp.javaParams(null), call));
            }
        }
        s.append("}\n");
        return s.toString();
    }

    private static String chicoryImports(List<Import> imports) {
        StringBuilder s = new StringBuilder();
        s.append("""
                import com.dylibso.chicory.wasm.types.FunctionType;
                import com.dylibso.chicory.wasm.types.ValType;
                import java.util.List;
                import java.util.function.ToIntFunction;
                import org.wasipolyfill.core.Preview1Calls;
                import org.wasipolyfill.core.UnstableCalls;

                /** The imports of both namespaces as Chicory types, each calling its method with the raw wasm arguments. */
                final class ChicoryImports {
                    /** An import; {@code call} takes the arguments as Chicory passes them and returns the errno. */
                    record Import(String name, FunctionType type, ToIntFunction<long[]> call) { }

                    private ChicoryImports() {}

                    /** The wasi_snapshot_preview1 imports, in witx order. */
                    static List<Import> preview1(Preview1Calls w) {
                        return List.of(
                """);
        s.append(chicoryList(imports, imp -> "w"));
        s.append("""
                    }

                    /** The wasi_unstable imports: preview1's where the ABI is the same, Unstable's where it differs. */
                    static List<Import> unstable(Preview1Calls w, UnstableCalls u) {
                        return List.of(
                """);
        s.append(chicoryList(imports.stream().filter(i -> !i.unstable().equals("absent")).toList(),
                imp -> imp.unstable().equals("converted") ? "u" : "w"));
        s.append("""
                    }
                }
                """);
        return s.toString();
    }

    private static String chicoryList(List<Import> imports, Function<Import, String> receiver) {
        StringJoiner list = new StringJoiner(",\n");
        for (Import imp : imports) {
            String types = imp.params().stream().map(p -> p.i64() ? "ValType.I64" : "ValType.I32")
                    .collect(Collectors.joining(", "));
            StringJoiner args = new StringJoiner(", ");
            for (int i = 0; i < imp.params().size(); i++) {
                args.add(imp.params().get(i).i64() ? "a[" + i + "]" : "(int) a[" + i + "]");
            }
            String call = receiver.apply(imp) + "." + imp.javaName() + "(" + args + ")";
            String lambda = imp.noreturn()
                    ? "a -> {\n                    " + call + ";\n                    throw new AssertionError(\""
                            + imp.name() + " returned\");\n                }"
                    : "a -> " + call;
            list.add("                new Import(\"" + imp.name() + "\", FunctionType.of(List.of(" + types + "), List.of("
                    + (imp.noreturn() ? "" : "ValType.I32") + ")),\n                        " + lambda + ")");
        }
        return list + ");\n";
    }

    // ---- helpers ----

    static String camel(String snake) {
        StringBuilder s = new StringBuilder();
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                s.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return s.toString();
    }

    private static void write(Path out, String pkg, String className, String body) throws IOException {
        Path file = out.resolve(pkg.replace('.', '/')).resolve(className + ".java");
        Files.createDirectories(file.getParent());
        String text = "package " + pkg + ";\n\n"
                + "// Generated by polyfill-core/src/generator/GenerateImports.java from the table of preview1 imports: do not edit.\n\n"
                + body;
        if (!Files.exists(file) || !Files.readString(file).equals(text)) {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
    }

}
