package io.rafttorture.node.bench;

import io.rafttorture.node.cli.NodeMain;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The bench end to end, as short as it goes: three child JVMs, two clients, one second per phase. */
@Tag("process")
class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsThroughputAndLatencyForEachClientCountAndOp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = NodeMain.run(new String[] {"bench", "--clients", "2", "--seconds", "1", "--warmup-seconds", "0",
                "--dir", dir.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("stderr: %s", err).isZero();
        assertThat(table).contains("clients", "ops/s", "p50 ms", "p99 ms");
        assertThat(table.lines().filter(l -> l.matches("\\d+\\s+(write|read)\\s+\\d+\\s+[0-9.]+\\s+[0-9.]+\\s+\\d+")))
                .as("one row per client count and op, each with some completed operations").hasSize(2)
                .noneMatch(l -> l.split("\\s+")[2].equals("0"));
    }
}
