package org.wasipolyfill.browsertests;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes a test makes at run time, served by {@link TestServer} under /data/NAME with single Range requests
 * (206 and Content-Range, 416 past the end, Accept-Ranges: bytes), and under /data/noranges/NAME as a server
 * without ranges would (200 and the whole body, whatever the Range header). Every request is logged, e.g.
 * "GET NAME bytes=0-1048575", "GET noranges/NAME", "HEAD NAME". Two servers that lie: /data/wrongtotal/NAME answers a
 * Range with a Content-Range whose total is one byte more than the file's, /data/overlong/NAME with 4 KiB more bytes
 * than the Range asked for.
 */
final class DataFiles implements HttpHandler {

    static final String PREFIX = "/data/";
    private static final String NO_RANGES = "noranges/";
    private static final String WRONG_TOTAL = "wrongtotal/";
    private static final String OVERLONG = "overlong/";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<String> log = new ArrayList<>();

    void put(String name, byte[] bytes) {
        files.put(name, bytes);
    }

    /** The requests so far for names starting with {@code namePrefix}, in order. */
    synchronized List<String> requests(String namePrefix) {
        return log.stream().filter(line -> line.split(" ")[1].startsWith(namePrefix)
                || line.split(" ")[1].startsWith(NO_RANGES + namePrefix)).toList();
    }

    private synchronized void record(String line) {
        log.add(line);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String lie = path.startsWith(WRONG_TOTAL) ? WRONG_TOTAL : path.startsWith(OVERLONG) ? OVERLONG : "";
            String name = path.substring(lie.length());
            String range = exchange.getRequestHeaders().getFirst("Range");
            record(method + " " + name + (range == null ? "" : " " + range));
            boolean ranges = !name.startsWith(NO_RANGES);
            byte[] body = files.get(ranges ? name : name.substring(NO_RANGES.length()));
            if (body == null || !method.equals("GET") && !method.equals("HEAD")) {
                exchange.sendResponseHeaders(body == null ? 404 : 405, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            int start = 0;
            int end = body.length;
            int status = 200;
            if (ranges) {
                exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
                Matcher m = range == null ? null : RANGE.matcher(range);
                if (m != null && m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                    if (m.group(1).isEmpty()) {
                        start = Math.max(0, body.length - Integer.parseInt(m.group(2)));
                    } else {
                        start = Integer.parseInt(m.group(1));
                        end = m.group(2).isEmpty() ? body.length : Math.min(body.length, Integer.parseInt(m.group(2)) + 1);
                    }
                    if (start >= body.length || start >= end) {
                        exchange.getResponseHeaders().set("Content-Range", "bytes */" + body.length);
                        exchange.sendResponseHeaders(416, -1);
                        return;
                    }
                    status = 206;
                    if (lie.equals(OVERLONG)) {
                        end = Math.min(body.length, end + 4096);
                    }
                    exchange.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + (end - 1) + "/"
                            + (body.length + (lie.equals(WRONG_TOTAL) ? 1 : 0)));
                }
            }
            if (method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Content-Length", Integer.toString(end - start));
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            exchange.sendResponseHeaders(status, end - start == 0 ? -1 : end - start);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body, start, end - start);
            }
        }
    }
}
