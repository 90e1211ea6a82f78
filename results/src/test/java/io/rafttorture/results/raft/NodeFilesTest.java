package io.rafttorture.results.raft;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading nodes/n*.log and nodes/n*.entries.jsonl: bad lines are named and skipped, never fatal. */
class NodeFilesTest {
    @TempDir
    Path nodes;

    @Test
    void eventsOfEveryNodeAreMergedInTimeOrderAndBadLinesAreNamed() throws IOException {
        Files.writeString(nodes.resolve("n1.log"), """
                {"ts":30,"node":1,"type":"election-won","term":2,"votes":2}
                Exception in thread main
                """);
        Files.writeString(nodes.resolve("n2.log"), """
                {"ts":10,"node":2,"type":"vote-granted","term":2,"candidate":1}
                {"node":2,"type":"x"}
                """);
        Files.writeString(nodes.resolve("n2.stderr.log"), "not read\n");
        NodeEvents.Read read = NodeEvents.read(nodes);
        assertThat(read.events()).extracting(NodeEvent::type).containsExactly("vote-granted", "election-won");
        assertThat(read.events().get(0).number("candidate", 0)).isEqualTo(1);
        assertThat(read.unreadableCount()).isEqualTo(2);
        assertThat(read.unreadable()).containsExactly("n1.log:2: not JSON: Unrecognized token 'Exception': was "
                + "expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                "n2.log:2: field ts: missing or not an integer");
    }

    @Test
    void finalLogsAreReadPerNodeAndAMalformedFileIsNamedWithLineAndField() throws IOException {
        Files.writeString(nodes.resolve("n1.entries.jsonl"), """
                {"index":1,"term":1,"command":null}
                {"index":2,"term":1,"command":{"op":"WRITE","key":"a","value":"1"}}
                """);
        Files.writeString(nodes.resolve("n2.entries.jsonl"), """
                {"index":1,"term":1,"command":null}
                {"index":2,"command":null}
                """);
        FinalLogs.Read read = FinalLogs.read(nodes);
        assertThat(read.logs()).containsOnlyKeys(1);
        assertThat(read.logs().get(1)).extracting(LogEntry::command)
                .containsExactly("null", "{\"op\":\"WRITE\",\"key\":\"a\",\"value\":\"1\"}");
        assertThat(read.unreadable()).containsExactly("n2.entries.jsonl:2: field term: missing or not an integer");
    }

    @Test
    void aRunWithoutANodesFolderHasNoEventsAndNoLogs() throws IOException {
        assertThat(NodeEvents.read(nodes.resolve("absent")).events()).isEmpty();
        assertThat(FinalLogs.read(nodes.resolve("absent")).logs()).isEmpty();
    }
}
