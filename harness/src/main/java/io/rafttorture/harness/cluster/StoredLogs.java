package io.rafttorture.harness.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rafttorture.node.kv.ClientRequest;
import io.rafttorture.node.kv.Command;
import io.rafttorture.node.raft.Entry;
import io.rafttorture.node.storage.FileStorage;
import io.rafttorture.node.storage.LogScan;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each node's Raft log as its disk holds it, copied out of the container and written as {@code n<id>.entries.jsonl}:
 * one line per record, {@code {"index":1,"term":2,"command":{...}}} ({@code command} null for a leader's no-op), in
 * file order and without recovery's cutting, so a log that breaks Raft's rules shows as it is. Read by
 * io.rafttorture.results.raft.FinalLogs.
 */
final class StoredLogs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredLogs() {
    }

    /** Copies {@code node}'s log file out of its (running or stopped) container and writes the entries file. */
    static void save(NodeContainer node, Path nodesDir) throws IOException {
        Path raw = nodesDir.resolve("n" + node.nodeId() + ".log.bin");
        try {
            node.copyFileFromContainer(NodeContainer.DATA_DIR + "/log", (InputStream in) -> {
                Files.copy(in, raw, StandardCopyOption.REPLACE_EXISTING);
                return raw;
            });
            write(FileStorage.scanLog(raw), nodesDir.resolve("n" + node.nodeId() + ".entries.jsonl"));
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    /** One line per scanned entry; a torn last record (the node was writing while we copied) is left out. */
    static void write(LogScan scan, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (Entry e : scan.entries()) {
                out.write(JSON.writeValueAsString(line(e)));
                out.write('\n');
            }
        }
    }

    private static Map<String, Object> line(Entry e) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("index", e.index());
        line.put("term", e.term());
        line.put("command", e.kind() == Entry.NOOP ? null : command(e.data()));
        return line;
    }

    private static Object command(byte[] data) {
        try {
            ClientRequest r = Command.decode(data);
            Map<String, Object> command = new LinkedHashMap<>();
            command.put("op", r.op().name().toLowerCase());
            command.put("key", r.key());
            if (r.expected() != null) command.put("expected", r.expected());
            command.put("value", r.value());
            command.put("client", r.clientId());
            command.put("seq", r.seq());
            return command;
        } catch (RuntimeException e) {
            return Map.of("undecodable", Base64.getEncoder().encodeToString(data));
        }
    }
}
