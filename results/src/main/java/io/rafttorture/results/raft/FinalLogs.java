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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the nodes' Raft logs as stored at the end of a run: {@code nodes/n<id>.entries.jsonl}, one entry per line,
 * {@code {"index": 1, "term": 2, "command": {...} or null}}, in the order they sit in the node's log file. A node
 * whose file is missing is absent from the result; a file with a malformed line is left out and named in {@link
 * Read#unreadable()} with its line and field, so the other nodes are still checked.
 */
public final class FinalLogs {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ENTRIES_FILE = Pattern.compile("n(\\d+)\\.entries\\.jsonl");

    private FinalLogs() {
    }

    /** @param logs each node's log by id; @param unreadable "file:line: field ..: why" for each file left out */
    public record Read(Map<Integer, List<LogEntry>> logs, List<String> unreadable) {
    }

    public static Read read(Path nodesDir) throws IOException {
        Map<Integer, List<LogEntry>> logs = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        if (!Files.isDirectory(nodesDir)) return new Read(logs, unreadable);
        try (Stream<Path> files = Files.list(nodesDir)) {
            for (Path file : files.sorted().toList()) {
                Matcher m = ENTRIES_FILE.matcher(file.getFileName().toString());
                if (!m.matches()) continue;
                try {
                    logs.put(Integer.parseInt(m.group(1)), readFile(file));
                } catch (IllegalArgumentException e) {
                    unreadable.add(e.getMessage());
                }
            }
        }
        return new Read(logs, unreadable);
    }

    private static List<LogEntry> readFile(Path file) throws IOException {
        List<LogEntry> entries = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (!line.isBlank()) entries.add(parse(line, file.getFileName() + ":" + lineNumber));
            }
        }
        return entries;
    }

    private static LogEntry parse(String line, String where) {
        JsonNode json;
        try {
            json = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": not JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) throw new IllegalArgumentException(where + ": not a JSON object");
        for (String field : List.of("index", "term")) {
            if (!json.path(field).isIntegralNumber()) {
                throw new IllegalArgumentException(where + ": field " + field + ": missing or not an integer");
            }
        }
        if (!json.has("command")) throw new IllegalArgumentException(where + ": field command: missing");
        return new LogEntry(json.get("index").asLong(), json.get("term").asLong(), json.get("command").toString());
    }
}
