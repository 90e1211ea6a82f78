package io.rafttorture.results.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.rafttorture.results.format.Histories;
import io.rafttorture.results.format.HistoryFormat;
import io.rafttorture.results.history.History;
import io.rafttorture.results.history.Op;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A run folder read into memory: what every section of the page draws from.
 *
 * @param dir      the folder
 * @param history  history.jsonl (required)
 * @param results  results.json as a tree, or a missing node when the run has not been checked
 * @param test     test.json as a tree (the run's options), or a missing node
 * @param nodes    nodes/n*.log with their entries files, by node id; empty when the folder has none
 * @param anchor   how node event times (epoch ms) map onto the history's time
 * @param faults   fault windows from the history's nemesis events
 * @param endNanos the last event's time in the history (0 for an empty history)
 */
record RunFolder(Path dir, History history, JsonNode results, JsonNode test, List<NodeLog> nodes, TimeAnchor anchor,
                 List<Faults.Fault> faults, long endNanos) {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern NODE_LOG = Pattern.compile("n(\\d+)\\.log");

    /**
     * Reads {@code dir}.
     *
     * @throws io.rafttorture.results.history.HistoryFormatException a missing or bad history.jsonl (file, line, field)
     * @throws RunInputException any other malformed file (file, line, problem)
     */
    static RunFolder read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new RunInputException(dir.toString(), 0, "not a run folder (no such directory)");
        }
        History history = Histories.read(dir.resolve("history.jsonl"), HistoryFormat.JSONL);
        JsonNode results = readJson(dir, "results.json");
        JsonNode test = readJson(dir, "test.json");
        List<NodeLog> nodes = readNodes(dir);
        long end = history.ops().stream().map(Op::time).filter(t -> t != null).mapToLong(Long::longValue).max()
                .orElse(0);
        TimeAnchor anchor = TimeAnchor.find(dir, results, test, history, nodes);
        return new RunFolder(dir, history, results, test, nodes, anchor, Faults.of(history.nemesisOps(), end), end);
    }

    /** The file's JSON tree, or a missing node when there is no such file. */
    static JsonNode readJson(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) return MissingNode.getInstance();
        try {
            return MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new RunInputException(file.toString(), line, "not JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static List<NodeLog> readNodes(Path dir) throws IOException {
        Path nodesDir = dir.resolve("nodes");
        if (!Files.isDirectory(nodesDir)) return List.of();
        List<NodeLog> logs = new ArrayList<>();
        try (Stream<Path> files = Files.list(nodesDir)) {
            for (Path file : files.sorted().toList()) {
                Matcher m = NODE_LOG.matcher(file.getFileName().toString());
                if (m.matches()) {
                    logs.add(NodeLog.read(Integer.parseInt(m.group(1)), file, "nodes/" + file.getFileName()));
                }
            }
        }
        logs.sort(Comparator.comparingInt(NodeLog::id));
        return logs;
    }

    /**
     * The run's verdict: results.json's {@code valid} (true VALID, false INVALID, else UNKNOWN; it counts the Raft
     * check and availability too), else check.verdict, else "NOT CHECKED".
     */
    String verdict() {
        JsonNode valid = results.path("valid");
        if (valid.isBoolean()) return valid.booleanValue() ? "VALID" : "INVALID";
        if (!valid.isMissingNode() && !valid.isNull()) return "UNKNOWN";
        String verdict = results.path("check").path("verdict").asText("");
        return verdict.isEmpty() ? "NOT CHECKED" : verdict;
    }
}
