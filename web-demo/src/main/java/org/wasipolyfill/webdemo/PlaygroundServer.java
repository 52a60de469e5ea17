package org.wasipolyfill.webdemo;

import java.io.IOException;
import java.net.BindException;
import java.util.Map;

/**
 * Serves the playground (the classpath folder {@code playground/}, i.e. {@code target/classes/playground}) on
 * {@code http://127.0.0.1:PORT/} until the process is stopped.
 *
 * <p>Every response is cross-origin isolated (COOP {@code same-origin}, COEP {@code require-corp}): the page needs
 * {@code SharedArrayBuffer} and {@code Atomics.wait} to hand a typed line to a guest blocked in its Web Worker.
 *
 * <p>Usage: {@code java -cp web-demo/target/classes org.wasipolyfill.webdemo.PlaygroundServer [PORT]}
 * (default 8080).
 */
public final class PlaygroundServer {

    /** The headers that make the page cross-origin isolated, so that it may create a SharedArrayBuffer. */
    public static final Map<String, String> CROSS_ORIGIN_ISOLATION = Map.of(
            "Cross-Origin-Opener-Policy", "same-origin",
            "Cross-Origin-Embedder-Policy", "require-corp",
            "Cross-Origin-Resource-Policy", "same-origin");

    private PlaygroundServer() {
    }

    /** Serves the playground at {@code http://127.0.0.1:PORT/} (0 for an ephemeral port). */
    public static StaticServer start(int port) throws IOException {
        return StaticServer.start(port, Map.of("/", "playground/"), CROSS_ORIGIN_ISOLATION);
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port;
        try {
            port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        } catch (NumberFormatException e) {
            System.err.println("usage: PlaygroundServer [PORT]  (not a port number: " + args[0] + ")");
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
            server = start(port);
        } catch (BindException e) {
            System.err.println("cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "): is another server running there? Pass another port: scripts/playground 9000");
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("Playground: " + server.uri() + "  (Ctrl-C to stop)");
        Thread.currentThread().join();
    }
}
