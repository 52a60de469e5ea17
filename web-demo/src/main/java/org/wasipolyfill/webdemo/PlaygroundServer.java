package org.wasipolyfill.webdemo;

import java.io.IOException;
import java.net.BindException;
import java.util.Map;

/**
 * Serves the playground (the classpath folder {@code playground/}, i.e. {@code target/classes/playground}) on
 * {@code http://127.0.0.1:PORT/} until the process is stopped.
 *
 * <p>By default every response is cross-origin isolated (COOP {@code same-origin}, COEP {@code require-corp}), so
 * that a browser without JSPI can hand a typed line to a guest blocked in its Web Worker through a
 * {@code SharedArrayBuffer} and {@code Atomics.wait}. With {@code --no-isolation} the headers are left out, as
 * on an ordinary static host: a browser with JSPI still gives the guest its typed input.
 *
 * <p>Usage: {@code java -cp web-demo/target/classes org.wasipolyfill.webdemo.PlaygroundServer [--no-isolation]
 * [PORT]} (default 8080).
 */
public final class PlaygroundServer {

    /** The headers that make the page cross-origin isolated, so that it may create a SharedArrayBuffer. */
    public static final Map<String, String> CROSS_ORIGIN_ISOLATION = Map.of(
            "Cross-Origin-Opener-Policy", "same-origin",
            "Cross-Origin-Embedder-Policy", "require-corp",
            "Cross-Origin-Resource-Policy", "same-origin");

    private PlaygroundServer() {
    }

    /** Serves the playground, cross-origin isolated, at {@code http://127.0.0.1:PORT/} (0 for an ephemeral port). */
    public static StaticServer start(int port) throws IOException {
        return start(port, true);
    }

    /** Serves the playground at {@code http://127.0.0.1:PORT/}, with or without the isolation headers. */
    public static StaticServer start(int port, boolean crossOriginIsolated) throws IOException {
        return StaticServer.start(port, Map.of("/", "playground/"),
                crossOriginIsolated ? CROSS_ORIGIN_ISOLATION : Map.of());
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        boolean isolated = args.length == 0 || !args[0].equals("--no-isolation");
        String portArg = isolated ? (args.length > 0 ? args[0] : null) : (args.length > 1 ? args[1] : null);
        int port;
        try {
            port = portArg != null ? Integer.parseInt(portArg) : 8080;
        } catch (NumberFormatException e) {
            System.err.println("usage: PlaygroundServer [--no-isolation] [PORT]  (not a port number: " + portArg + ")");
            System.exit(2);
            return;
        }
        ClassLoader loader = PlaygroundServer.class.getClassLoader();
        if (loader.getResource("playground/index.html") == null) {
            System.err.println("playground/index.html is not on the classpath: build web-demo first");
            System.exit(1);
        }
        if (loader.getResource("playground/wasi-polyfill/wasi-polyfill.mjs") == null) {
            System.err.println("warning: playground/wasi-polyfill/wasi-polyfill.mjs is missing: "
                    + "the page will not be able to run anything (build teavm-frontend, then web-demo)");
        }
        StaticServer server;
        try {
            server = start(port, isolated);
        } catch (BindException e) {
            System.err.println("cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "): is another server running there? Pass another port: scripts/playground 9000");
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("Playground: " + server.uri() + (isolated ? "" : "  (not cross-origin isolated)")
                + "  (Ctrl-C to stop)");
        Thread.currentThread().join();
    }
}
