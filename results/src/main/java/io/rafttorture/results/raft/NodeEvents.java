package io.rafttorture.results.raft;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the nodes' event lines from a run's {@code nodes/} folder ({@code n1.log}, {@code n2.log}, ...). A line
 * that is not a JSON event (a partial line at a crash, a size-cap notice) is not an error: it is counted in {@link
 * Read#unreadable()} with its file and line, and the rest is read.
 */
public final class NodeEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LOG_FILE = Pattern.compile("n(\\d+)\\.log");

    private NodeEvents() {
    }

    /**
     * @param events     every event of every node, ordered by time (then node)
     * @param unreadable "file:line: why" for each line that was not an event (at most 20 kept, the count is exact)
     * @param unreadableCount how many lines were not events
     */
    public record Read(List<NodeEvent> events, List<String> unreadable, int unreadableCount) {
    }

    /** The events of every {@code n<id>.log} in {@code nodesDir}; an absent folder gives no events. */
    public static Read read(Path nodesDir) throws IOException {
        return read(nodesDir, type -> true);
    }

    /** Like {@link #read(Path)}, keeping only the events that pass {@code keep} (a long run has millions). */
    public static Read read(Path nodesDir, Predicate<NodeEvent> keep) throws IOException {
        List<NodeEvent> events = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        int[] unreadableCount = {0};
        if (!Files.isDirectory(nodesDir)) return new Read(List.of(), List.of(), 0);
        try (Stream<Path> files = Files.list(nodesDir)) {
            for (Path file : files.sorted().toList()) {
                Matcher m = LOG_FILE.matcher(file.getFileName().toString());
                if (m.matches()) readFile(file, Integer.parseInt(m.group(1)), keep, events, unreadable, unreadableCount);
            }
        }
        events.sort(Comparator.comparingLong(NodeEvent::ts).thenComparingInt(NodeEvent::node));
        return new Read(events, unreadable, unreadableCount[0]);
    }

    private static void readFile(Path file, int node, Predicate<NodeEvent> keep, List<NodeEvent> events,
                                 List<String> unreadable, int[] count) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) continue;
                String problem = parse(line, node, keep, events);
                if (problem != null) {
                    count[0]++;
                    if (unreadable.size() < 20) unreadable.add(file.getFileName() + ":" + lineNumber + ": " + problem);
                }
            }
        }
    }

    /** Adds the event on {@code line} and returns null, or returns why the line is not an event. */
    static String parse(String line, int node, Predicate<NodeEvent> keep, List<NodeEvent> events) {
        JsonNode json;
        try {
            json = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return "not JSON: " + e.getOriginalMessage();
        }
        if (json == null || !json.isObject()) return "not a JSON object";
        if (!json.path("ts").isIntegralNumber()) return "field ts: missing or not an integer";
        if (!json.path("type").isTextual()) return "field type: missing or not a string";
        Map<String, Object> fields = new LinkedHashMap<>();
        json.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("ts") && !f.getKey().equals("node") && !f.getKey().equals("type")) {
                fields.put(f.getKey(), value(f.getValue()));
            }
        });
        NodeEvent event = new NodeEvent(json.get("ts").asLong(), json.path("node").asInt(node),
                json.get("type").asText(), fields);
        if (keep.test(event)) events.add(event);
        return null;
    }

    private static Object value(JsonNode v) {
        if (v.isIntegralNumber()) return v.asLong();
        if (v.isNumber()) return v.asDouble();
        if (v.isBoolean()) return v.asBoolean();
        if (v.isNull()) return "null";
        return v.isTextual() ? v.asText() : v.toString();
    }
}
