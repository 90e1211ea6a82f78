package io.rafttorture.harness.serve;

import io.rafttorture.results.html.Html;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * An HTTP server over one results directory. {@code GET /} is the {@link IndexPage} (scanned afresh on every
 * request, so new runs appear on reload); {@code GET /<path>} serves that file of the results directory with its
 * {@link ContentTypes content type}, or a plain listing for a directory; paths outside the directory get 404/403
 * ({@link SafePath}); methods other than GET and HEAD get 405. Requests run on a small pool of daemon threads.
 * Start with {@link #start}, stop with {@link #close}.
 */
public final class ResultsServer implements AutoCloseable {
    private static final int THREADS = 4;
    private final HttpServer server;
    private final ExecutorService executor;
    private final SafePath paths;
    private final String shownDir;

    private ResultsServer(HttpServer server, ExecutorService executor, SafePath paths, String shownDir) {
        this.server = server;
        this.executor = executor;
        this.paths = paths;
        this.shownDir = shownDir;
    }

    /**
     * Serves {@code resultsDir} (must be an existing directory) at {@code address}; port 0 picks a free port.
     *
     * @throws IOException when the directory cannot be read or the address cannot be bound (e.g. port in use)
     */
    public static ResultsServer start(Path resultsDir, InetSocketAddress address) throws IOException {
        if (!Files.isDirectory(resultsDir)) throw new IOException("results directory " + resultsDir + " does not exist");
        SafePath paths = new SafePath(resultsDir);
        HttpServer server = HttpServer.create(address, 0);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread thread = new Thread(r, "torture-serve");
            thread.setDaemon(true);
            return thread;
        });
        ResultsServer results = new ResultsServer(server, executor, paths, resultsDir.toString());
        server.createContext("/", results::handle);
        server.setExecutor(executor);
        server.start();
        return results;
    }

    /** Where the index is, e.g. http://127.0.0.1:8080/ (the bound port, also when 0 was asked for). */
    public URI uri() {
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().isAnyLocalAddress() ? "127.0.0.1" : bound.getAddress().getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        return URI.create("http://" + host + ":" + bound.getPort() + "/");
    }

    private void handle(HttpExchange exchange) {
        try {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                sendText(exchange, 405, "method " + method + " is not allowed: use GET");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path == null || path.equals("/") || path.isEmpty()) {
                send(exchange, 200, "text/html; charset=utf-8", IndexPage.render(shownDir, RunIndex.scan(paths.root())));
                return;
            }
            SafePath.Resolution resolved = paths.resolve(path);
            if (resolved.file().isEmpty()) {
                sendText(exchange, resolved.status(), resolved.message());
            } else if (Files.isDirectory(resolved.file().get()) && !path.endsWith("/")) {
                exchange.getResponseHeaders().set("Location", exchange.getRequestURI().getRawPath() + "/");
                sendText(exchange, 301, "a directory: " + path + "/"); // so that its relative links resolve
            } else if (Files.isDirectory(resolved.file().get())) {
                send(exchange, 200, "text/html; charset=utf-8", listing(path, resolved.file().get()));
            } else {
                sendFile(exchange, resolved.file().get());
            }
        } catch (IOException | RuntimeException e) {
            // Reached only when the response has not been started; the client gets the reason, not a stack trace.
            sendText(exchange, 500, "cannot serve " + exchange.getRequestURI().getPath() + ": " + e.getMessage());
        } finally {
            exchange.close();
        }
    }

    private String listing(String path, Path dir) throws IOException {
        String base = path;
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.esc(base)).append("</title></head><body><h1>").append(Html.esc(base))
                .append("</h1><p><a href=\"/\">all runs</a></p><ul>\n");
        List<String> names;
        try (Stream<Path> list = Files.list(dir)) {
            names = list.map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : "")).sorted().toList();
        }
        for (String name : names) {
            html.append("<li><a href=\"").append(Html.esc(name)).append("\">").append(Html.esc(name))
                    .append("</a></li>\n");
        }
        return html.append("</ul></body></html>\n").toString();
    }

    private static void sendFile(HttpExchange exchange, Path file) throws IOException {
        long size = Files.size(file);
        exchange.getResponseHeaders().set("Content-Type", ContentTypes.of(file.getFileName().toString()));
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", Long.toString(size));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, size == 0 ? -1 : size);
        try (OutputStream body = exchange.getResponseBody()) {
            Files.copy(file, body);
        }
    }

    private static void sendText(HttpExchange exchange, int status, String message) {
        try {
            send(exchange, status, "text/plain; charset=utf-8", message + "\n");
        } catch (IOException e) {
            // the client went away: nothing to tell it
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(bytes.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }

    /** Stops accepting requests, ends running ones and frees the port. */
    @Override
    public void close() {
        server.stop(0); // JDK 17 waits out the whole delay even when idle
        executor.shutdownNow();
    }
}
