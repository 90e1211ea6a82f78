package io.rafttorture.harness.cluster;

import io.rafttorture.node.kv.ClientRequest;
import io.rafttorture.node.kv.Command;
import io.rafttorture.node.raft.Entry;
import io.rafttorture.node.storage.LogScan;
import io.rafttorture.results.raft.FinalLogs;
import io.rafttorture.results.raft.LogEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The entries file the harness writes is the one the Raft checks read, entry for entry. */
class StoredLogsTest {
    @TempDir
    Path nodes;

    @Test
    void aStoredLogRoundTripsThroughTheEntriesFileIncludingATermRegression() throws IOException {
        byte[] cas = Command.encode(ClientRequest.cas(7, 3, "k", "1", "2"));
        LogScan scan = new LogScan(List.of(Entry.noop(1, 2), new Entry(2, 2, Entry.COMMAND, cas),
                new Entry(3, 1, Entry.COMMAND, new byte[] {9, 9})), "torn record header at byte 120");

        StoredLogs.write(scan, nodes.resolve("n3.entries.jsonl"));

        FinalLogs.Read read = FinalLogs.read(nodes);
        assertThat(read.unreadable()).isEmpty();
        assertThat(read.logs().get(3)).extracting(LogEntry::index, LogEntry::term).containsExactly(
                tuple(1L, 2L), tuple(2L, 2L),
                tuple(3L, 1L));
        assertThat(read.logs().get(3).get(0).command()).isEqualTo("null");
        assertThat(read.logs().get(3).get(1).command())
                .isEqualTo("{\"op\":\"cas\",\"key\":\"k\",\"expected\":\"1\",\"value\":\"2\",\"client\":7,\"seq\":3}");
        assertThat(read.logs().get(3).get(2).command()).as("bytes that are not a command are kept, not dropped")
                .startsWith("{\"undecodable\":");
    }
}
