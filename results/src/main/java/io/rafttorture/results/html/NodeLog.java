package io.rafttorture.results.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One node's event log ({@code nodes/n<id>.log}, one JSON object per line with at least {@code ts} (epoch ms) and
 * {@code type}) and, when the run wrote it, its final Raft log ({@code nodes/n<id>.entries.jsonl}, lines
 * {@code {"index":1,"term":2,"command":...}}). A kill can cut a line short, so a bad line is skipped and named
 * ({@code nodes/n2.log:7777: not JSON (...)}) for the page rather than fatal: the report shows the rest.
 *
 * @param id               the node's id (from the file name)
 * @param events           the readable events in file order
 * @param unreadable       the first {@link #MAX_NAMED} bad lines as "file:line: why"
 * @param unreadableCount  how many lines were skipped in all
 * @param entries          the final log, or null when the run has no entries file for this node
 */
record NodeLog(int id, List<JsonNode> events, List<String> unreadable, int unreadableCount, List<LogEntry> entries) {
    static final int MAX_NAMED = 10;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One entry of the final log; {@code command} is null for a leader's no-op. */
    record LogEntry(long index, long term, JsonNode command) {
    }

    /** Reads {@code log} and, if present, its entries file; {@code shown} is the name messages use. */
    static NodeLog read(int id, Path log, String shown) throws IOException {
        Skipped skipped = new Skipped();
        List<JsonNode> events = new ArrayList<>();
        forEachLine(log, shown, skipped, "ts", "type", events);
        Path entriesFile = log.resolveSibling("n" + id + ".entries.jsonl");
        List<LogEntry> entries = null;
        if (Files.isRegularFile(entriesFile)) {
            List<JsonNode> lines = new ArrayList<>();
            forEachLine(entriesFile, shown.replace(".log", ".entries.jsonl"), skipped, "index", "term", lines);
            entries = lines.stream().map(e -> new LogEntry(e.get("index").asLong(), e.get("term").asLong(),
                    e.path("command").isObject() ? e.get("command") : null)).toList();
        }
        return new NodeLog(id, events, skipped.named, skipped.count, entries);
    }

    private static final class Skipped {
        final List<String> named = new ArrayList<>();
        int count;

        void add(String shown, int line, String why) {
            if (count++ < MAX_NAMED) named.add(shown + ":" + line + ": " + why);
        }
    }

    /** Adds each line that is a JSON object with numbers in {@code numeric} and text in {@code text} to out. */
    private static void forEachLine(Path file, String shown, Skipped skipped, String numeric, String text,
                                    List<JsonNode> out) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank()) continue;
                String why = problem(line, numeric, text, out);
                if (why != null) skipped.add(shown, number, why);
            }
        }
    }

    private static String problem(String line, String numeric, String text, List<JsonNode> out) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return line.startsWith("{") ? "cut short (a kill?)" : "not JSON (" + e.getOriginalMessage() + ")";
        }
        if (node == null || !node.isObject()) return "not a JSON object";
        if (!node.path(numeric).canConvertToLong()) return "field " + numeric + ": missing or not an integer";
        if (!node.hasNonNull(text)) return "field " + text + ": missing";
        out.add(node);
        return null;
    }
}
