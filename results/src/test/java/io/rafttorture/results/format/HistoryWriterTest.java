package io.rafttorture.results.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.rafttorture.results.history.History;
import io.rafttorture.results.history.Op;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incremental JSON Lines writer: flushed per line, indexes in file order under concurrent writers. */
class HistoryWriterTest {
    @TempDir
    Path dir;

    private static Op event(Op.Type type, long process, long value) {
        return new Op(-1, type, "write", value, process, null, null, null);
    }

    @Test
    void eachLineIsInTheFileBeforeClose() throws IOException {
        Path file = dir.resolve("history.jsonl");
        try (HistoryWriter writer = HistoryWriter.open(file)) {
            writer.write(event(Op.Type.INVOKE, 0, 1));

            History soFar = Histories.read(file, HistoryFormat.JSONL);

            assertThat(soFar.ops()).as("read while the writer is still open").hasSize(1);
            assertThat(soFar.operations().get(0).isOpen()).isTrue();
        }
    }

    @Test
    void concurrentWritersGetIndexesInFileOrder() throws Exception {
        int threads = 8;
        int perThread = 200;
        Path file = dir.resolve("history.jsonl");
        List<Op> returned = new ArrayList<>();
        try (HistoryWriter writer = HistoryWriter.open(file)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<List<Op>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long process = t;
                results.add(pool.submit(() -> writeOps(writer, process, perThread)));
            }
            for (Future<List<Op>> r : results) {
                returned.addAll(r.get());
            }
            pool.shutdown();
        }

        History h = Histories.read(file, HistoryFormat.JSONL);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);

        assertThat(h.ops()).as("every event, each whole line").hasSize(threads * perThread * 2);
        for (int i = 0; i < h.ops().size(); i++) {
            assertThat(h.ops().get(i).index()).as("index of line %d", i + 1).isEqualTo(i);
        }
        assertThat(h.ops()).as("what write() returned is what the file holds").containsExactlyInAnyOrderElementsOf(
                returned);
        assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("{\"type\":").endsWith("}"));
        assertThat(h.counts().ok()).isEqualTo(threads * perThread);
    }

    private static List<Op> writeOps(HistoryWriter writer, long process, int count) throws IOException {
        List<Op> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            written.add(writer.write(event(Op.Type.INVOKE, process, i)));
            written.add(writer.write(event(Op.Type.OK, process, i)));
        }
        return written;
    }
}
