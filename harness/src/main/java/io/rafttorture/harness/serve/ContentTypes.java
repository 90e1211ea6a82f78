package io.rafttorture.harness.serve;

import java.util.Locale;
import java.util.Map;

/**
 * Content types by file extension. Text formats a run folder holds (jsonl, edn, log, txt) are served as UTF-8
 * plain text so a browser shows them instead of downloading them; unknown extensions are octet streams.
 */
final class ContentTypes {
    private static final String TEXT = "text/plain; charset=utf-8";
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("htm", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("png", "image/png"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("jsonl", TEXT),
            Map.entry("edn", TEXT),
            Map.entry("log", TEXT),
            Map.entry("txt", TEXT));

    private ContentTypes() {
    }

    /** The content type of {@code fileName}, e.g. "image/png" for "latency.png". */
    static String of(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) return "application/octet-stream";
        return BY_EXTENSION.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
    }
}
