package org.wasipolyfill.webdemo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Serves classpath resources (or the files of one folder) over HTTP on the loopback interface only.
 *
 * <p>Each mount maps a URL path prefix to a classpath folder, e.g. {@code "/guests/" -> "guests/"}; a request
 * for a path ending in {@code /} gets that folder's {@code index.html}. Content types are set for what a page that
 * runs WebAssembly needs: {@code application/wasm} (required by {@code WebAssembly.instantiateStreaming}) and
 * {@code text/javascript} (required for ES modules). Every response also carries the server's fixed headers, e.g.
 * the cross-origin isolation headers a page needs for {@code SharedArrayBuffer}.
 */
public final class StaticServer implements AutoCloseable {

    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("map", "application/json; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("c", "text/plain; charset=utf-8"),
            Map.entry("cpp", "text/plain; charset=utf-8"),
            Map.entry("h", "text/plain; charset=utf-8"),
            Map.entry("stdout", "application/octet-stream"),
            Map.entry("stderr", "application/octet-stream"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"));

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Map.Entry<String, String>> mounts;
    /** The resource of a name (a mount's folder and the rest of the URL path), or null. */
    private final Function<String, URL> resources;
    private final Map<String, String> headers;

    private StaticServer(HttpServer server, ExecutorService executor, Map<String, String> mounts,
            Function<String, URL> resources, Map<String, String> headers) {
        this.server = server;
        this.executor = executor;
        this.resources = resources;
        this.headers = Map.copyOf(headers);
        // The longest URL prefix wins, so "/" can be a catch-all next to more specific mounts.
        List<Map.Entry<String, String>> sorted = new ArrayList<>(mounts.entrySet());
        sorted.sort(Comparator.comparingInt((Map.Entry<String, String> m) -> m.getKey().length()).reversed());
        this.mounts = List.copyOf(sorted);
    }

    /**
     * Starts serving on 127.0.0.1.
     *
     * @param port   the TCP port, or 0 for an ephemeral one (see {@link #uri()})
     * @param mounts URL path prefix (starting and ending with {@code /}) to classpath folder (ending with {@code /},
     *               or empty for the classpath root)
     */
    public static StaticServer start(int port, Map<String, String> mounts) throws IOException {
        return start(port, mounts, Map.of());
    }

    /**
     * Starts serving on 127.0.0.1, adding {@code headers} to every response.
     *
     * @see #start(int, Map)
     */
    public static StaticServer start(int port, Map<String, String> mounts, Map<String, String> headers)
            throws IOException {
        return start(port, mounts, StaticServer.class.getClassLoader()::getResource, headers);
    }

    /** Starts serving the files below {@code folder} (not the classpath) on 127.0.0.1, as {@link #start(int, Map, Map)}. */
    public static StaticServer start(int port, Path folder, Map<String, String> headers) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        return start(port, Map.of("/", ""), name -> {
            Path file = root.resolve(name);
            try {
                return Files.isRegularFile(file) ? file.toUri().toURL() : null;
            } catch (MalformedURLException e) {
                return null;
            }
        }, headers);
    }

    private static StaticServer start(int port, Map<String, String> mounts, Function<String, URL> resources,
            Map<String, String> headers) throws IOException {
        for (Map.Entry<String, String> mount : mounts.entrySet()) {
            if (!mount.getKey().startsWith("/") || !mount.getKey().endsWith("/")) {
                throw new IllegalArgumentException("URL prefix must start and end with '/': " + mount.getKey());
            }
            if (!mount.getValue().isEmpty() && !mount.getValue().endsWith("/")) {
                throw new IllegalArgumentException("classpath folder must end with '/': " + mount.getValue());
            }
        }
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "static-server");
            thread.setDaemon(true);
            return thread;
        });
        StaticServer server = new StaticServer(http, executor, new LinkedHashMap<>(mounts), resources, headers);
        http.createContext("/", server::handle);
        http.setExecutor(executor);
        http.start();
        return server;
    }

    /**
     * Serves the URL paths under {@code prefix} (starting and ending with {@code /}) with {@code handler} instead
     * of from the classpath, e.g. data a test makes at run time; the server's fixed headers are not added.
     */
    public void handle(String prefix, HttpHandler handler) {
        if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
            throw new IllegalArgumentException("URL prefix must start and end with '/': " + prefix);
        }
        server.createContext(prefix, handler);
    }

    /** The base address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            headers.forEach(exchange.getResponseHeaders()::set);
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                sendText(exchange, 405, "method not allowed");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/")) {
                path += "index.html";
            }
            URL resource = resolve(path);
            if (resource == null) {
                sendText(exchange, 404, "not found: " + path);
                return;
            }
            byte[] body;
            try (InputStream in = resource.openStream()) {
                body = in.readAllBytes();
            }
            exchange.getResponseHeaders().set("Content-Type", contentType(path));
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The resource for a URL path, or null if none (or if the path tries to leave its mount). */
    private URL resolve(String path) {
        for (Map.Entry<String, String> mount : mounts) {
            if (!path.startsWith(mount.getKey())) {
                continue;
            }
            String rest = path.substring(mount.getKey().length());
            for (String segment : rest.split("/", -1)) {
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("\\")) {
                    return null;
                }
            }
            URL url = resources.apply(mount.getValue() + rest);
            return url == null || isDirectory(url) ? null : url;
        }
        return null;
    }

    private static boolean isDirectory(URL url) {
        try {
            switch (url.getProtocol()) {
                case "file":
                    return Files.isDirectory(Path.of(url.toURI()));
                case "jar":
                    JarURLConnection connection = (JarURLConnection) url.openConnection();
                    return connection.getJarEntry().isDirectory();
                default:
                    return false;
            }
        } catch (IOException | URISyntaxException e) {
            return true; // unreadable: treat like a folder, i.e. not found
        }
    }

    static String contentType(String path) {
        int dot = path.lastIndexOf('.');
        String extension = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
