package org.wasipolyfill.webdemo;

import java.io.IOException;
import java.util.Map;

/**
 * Serves the playground (the classpath folder {@code playground/}, i.e. {@code target/classes/playground}) on
 * {@code http://127.0.0.1:PORT/} until the process is stopped.
 *
 * <p>Usage: {@code java -cp web-demo/target/classes org.wasipolyfill.webdemo.PlaygroundServer [PORT]}
 * (default 8080).
 */
public final class PlaygroundServer {

    private PlaygroundServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        if (PlaygroundServer.class.getClassLoader().getResource("playground/index.html") == null) {
            System.err.println("playground/index.html is not on the classpath: build web-demo first");
            System.exit(1);
        }
        if (PlaygroundServer.class.getClassLoader().getResource("playground/wasi-polyfill/wasi-polyfill.mjs") == null) {
            System.err.println("warning: playground/wasi-polyfill/wasi-polyfill.mjs is missing: "
                    + "the page will not be able to run anything (build teavm-frontend, then web-demo)");
        }
        StaticServer server = StaticServer.start(port, Map.of("/", "playground/"));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("Playground: " + server.uri() + "  (Ctrl-C to stop)");
        Thread.currentThread().join();
    }
}
