package io.rafttorture.harness.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server on a real loopback socket over a fixture results directory. */
class ResultsServerTest {
    private static final Pattern ROW = Pattern.compile("<tr class=\"run\" data-path=\"([^\"]+)\" data-verdict=\"([^\"]+)\">");

    @TempDir
    Path tmp;
    Path results;
    ResultsServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void serveFixtures() throws IOException {
        results = tmp.resolve("results");
        RunFixtures runs = new RunFixtures(results);
        runs.run("kv-kill", "20260101-120000", true, 0, 11);
        runs.run("register-partition", "20260103-090000", false, 1, 12);
        runs.run("kv-pause", "20260102-100000", true, 2, 13);
        Path latest = runs.run("kv-none", "20260104-000000", false, 3, 14);
        runs.runWithResults("kv-crashed", "20260105-000000", "{\"valid\": ");
        RunFixtures.write(latest.resolve("report.html"), "<!DOCTYPE html><title>report</title>");
        Files.write(latest.resolve("latency.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        Files.createSymbolicLink(results.resolve("latest"), results.relativize(latest));
        RunFixtures.write(tmp.resolve("secret.txt"), "outside the results directory");
        Files.createSymbolicLink(results.resolve("kv-kill/20260101-120000/escape.txt"), tmp.resolve("secret.txt"));
        server = ResultsServer.start(results, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void indexListsEveryRunNewestFirstWithItsVerdict() throws Exception {
        HttpResponse<String> index = get("/");

        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        List<String> rows = ROW.matcher(index.body()).results().map(m -> m.group(1) + " " + m.group(2)).toList();
        assertThat(rows).as("newest first, each run once (the latest link is not a second row)").containsExactly(
                "kv-crashed/20260105-000000 ?", "kv-none/20260104-000000 error",
                "register-partition/20260103-090000 invalid", "kv-pause/20260102-100000 unknown",
                "kv-kill/20260101-120000 valid");
        assertThat(index.body()).contains("5 run folders in <code>" + results + "</code>, newest first: "
                        + "<span class=\"count-valid\">1 valid</span>, <span class=\"count-invalid\">1 invalid</span>, "
                        + "<span class=\"count-unknown\">1 unknown</span>, <span class=\"count-error\">1 error</span>, "
                        + "<span class=\"count-unreadable\">1 ?</span>.")
                .contains("results.json is malformed at line 1")
                .contains("<a class=\"report\" href=\"/kv-none/20260104-000000/report.html\">")
                .contains("href=\"/kv-kill/20260101-120000/nodes/n1.log\"")
                .contains("12.5 s").contains(">12<");
    }

    @Test
    void indexLinksServeTheFilesWithTheirContentTypes() throws Exception {
        String index = get("/").body();
        Matcher report = Pattern.compile("href=\"(/kv-none/[^\"]+/report.html)\"").matcher(index);
        assertThat(report.find()).as("a report link on the index").isTrue();

        assertThat(get(report.group(1)).headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        HttpResponse<String> history = get("/kv-kill/20260101-120000/history.jsonl");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(history.body()).isEqualTo(Files.readString(results.resolve("kv-kill/20260101-120000/history.jsonl")));
        assertThat(get("/kv-kill/20260101-120000/results.json").headers().firstValue("Content-Type"))
                .hasValue("application/json; charset=utf-8");
        HttpResponse<byte[]> png = http.send(request("/latest/latency.png"), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.body()).as("the latest link is served").isEqualTo(Files.readAllBytes(
                results.resolve("kv-none/20260104-000000/latency.png")));
    }

    @Test
    void pathsOutsideTheResultsDirectoryAreRefused() throws Exception {
        assertThat(rawStatus("/../secret.txt")).isEqualTo(404);
        assertThat(rawStatus("/kv-kill/../../secret.txt")).isEqualTo(404);
        assertThat(rawStatus("/%2e%2e/secret.txt")).isEqualTo(404);
        assertThat(rawStatus("/kv-kill/..%2F..%2Fsecret.txt")).isEqualTo(404);
        assertThat(rawStatus("//etc/passwd")).isEqualTo(404);
        assertThat(rawStatus("/C:/Windows")).isEqualTo(404);
        assertThat(rawStatus("/kv-kill/20260101-120000/escape.txt")).as("a symbolic link leading outside").isEqualTo(403);
        assertThat(rawStatus("/kv-kill/20260101-120000/no-such-file")).isEqualTo(404);
        assertThat(rawStatus("/kv-kill/20260101-120000/summary.txt")).as("the same socket path works").isEqualTo(200);
    }

    @Test
    void directoriesRedirectToTheirListingAndOtherMethodsAreRefused() throws Exception {
        HttpResponse<String> redirect = get("/kv-kill/20260101-120000");
        assertThat(redirect.statusCode()).isEqualTo(301);
        assertThat(redirect.headers().firstValue("Location")).hasValue("/kv-kill/20260101-120000/");
        HttpResponse<String> listing = get("/kv-kill/20260101-120000/");
        assertThat(listing.body()).contains("<a href=\"history.jsonl\">").contains("<a href=\"nodes/\">");

        HttpResponse<String> post = http.send(HttpRequest.newBuilder(server.uri().resolve("/"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void aDeletedResultsDirectoryGivesAClearErrorNotAStackTrace() throws Exception {
        try (var walk = Files.walk(results)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        HttpResponse<String> index = get("/");
        assertThat(index.statusCode()).isEqualTo(500);
        assertThat(index.body()).startsWith("cannot serve /: ").doesNotContain("Exception\n\tat ");
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(server.uri().resolve(path)).build();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends the request line exactly as given (HttpClient would normalise "..") and returns the status code. */
    private int rawStatus(String rawPath) throws IOException {
        try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String statusLine = response.lines().findFirst().orElse("");
            assertThat(statusLine).as("status line for " + rawPath).startsWith("HTTP/1.1 ");
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }
}
