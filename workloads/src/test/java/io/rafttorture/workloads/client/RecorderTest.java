package io.rafttorture.workloads.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.rafttorture.results.format.Histories;
import io.rafttorture.results.format.HistoryWriter;
import io.rafttorture.results.history.History;
import io.rafttorture.results.history.Op;
import io.rafttorture.workloads.generator.Invocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder streams a valid, indexed, timed history to disk and memory. */
class RecorderTest {
    @TempDir
    Path dir;

    @Test
    void recordsInvokeCompletionAndNemesisEventsInOrderWithRunTimes() throws Exception {
        AtomicLong clock = new AtomicLong(1_000);
        Path file = dir.resolve("history.jsonl");
        Invocation write = Invocation.write(0, 2, false);
        try (Recorder recorder = new Recorder(HistoryWriter.open(file), clock::get)) {
            clock.set(1_500);
            recorder.invoke(3, write, 1);
            clock.set(2_000);
            recorder.nemesis("start-kill", Map.of("nodes", List.of(1L)));
            recorder.complete(3, write, 1, new Completion(Op.Type.INFO, 2L, "timeout"));
        }

        History fromDisk = Histories.read(file);
        assertThat(fromDisk.ops()).extracting(Op::index).containsExactly(0L, 1L, 2L);
        assertThat(fromDisk.ops()).extracting(Op::time).containsExactly(500L, 1_000L, 1_000L);
        assertThat(fromDisk.ops().get(0)).extracting(Op::type, Op::f, Op::value, Op::process, Op::node)
                .containsExactly(Op.Type.INVOKE, "write", 2L, 3L, "n1");
        assertThat(fromDisk.nemesisOps()).singleElement().extracting(Op::f).isEqualTo("start-kill");
        assertThat(fromDisk.operations()).singleElement().extracting(o -> o.outcome()).isEqualTo(Op.Type.INFO);
    }

    @Test
    void eventsAfterCloseAreDropped() {
        Recorder recorder = new Recorder(null, System::nanoTime);
        recorder.invoke(0, Invocation.read(0, false), 1);
        recorder.close();

        assertThat(recorder.complete(0, Invocation.read(0, false), 1, new Completion(Op.Type.OK, null, null))).isNull();
        assertThat(recorder.ops()).hasSize(1);
    }

    @Test
    void threadsArePinnedToNodesRoundRobin() {
        assertThat(ClientPool.nodeOf(0, 10, 3)).isEqualTo(1);
        assertThat(ClientPool.nodeOf(2, 10, 3)).isEqualTo(3);
        assertThat(ClientPool.nodeOf(5, 10, 3)).isEqualTo(3);
        assertThat(ClientPool.nodeOf(12, 10, 3)).as("process 12 runs on thread 2, like process 2").isEqualTo(3);
    }
}
