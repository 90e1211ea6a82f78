package io.rafttorture.harness.sweep.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rafttorture.harness.runner.TortureTest;
import io.rafttorture.results.raft.NodeEvent;
import io.rafttorture.results.raft.NodeEvents;
import io.rafttorture.results.report.RunReport;
import io.rafttorture.results.sweep.ElectionRange;
import io.rafttorture.results.sweep.workload.Metric;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workload sweep on real 3-node clusters (Docker, Toxiproxy): two settings, one 6 s run each with the leader
 * killed once, about 40 s in all. The comparison's table, JSON and plots are written, and each run's nodes really
 * ran with its setting's timeouts.
 */
class WorkloadSweepIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ElectionRange> SETTINGS = List.of(ElectionRange.parse("100-200"),
            ElectionRange.parse("300-600"));

    @TempDir
    Path sweepDir;

    @Test
    void twoSettingsAreRunWithTheirTimeoutsAndCompared() throws Exception {
        TortureTest base = TortureTest.builder().nodes(3).timeLimit(Duration.ofSeconds(6)).concurrency(3).rate(50)
                .workload("register").nemesis("partition-leader").nemesisInterval(Duration.ofSeconds(2)).seed(11)
                .build();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        int exit = new WorkloadSweep(base, SETTINGS, 1, sweepDir).run(new PrintStream(progress, true,
                StandardCharsets.UTF_8));

        String log = progress.toString(StandardCharsets.UTF_8);
        assertThat(exit).as("worst exit code; progress:%n%s", log).isIn(RunReport.VALID, RunReport.UNKNOWN);
        List<String> table = Files.readAllLines(sweepDir.resolve("workload.txt"));
        assertThat(table).as("one row per setting, in sweep order")
                .filteredOn(l -> l.startsWith("100-200") || l.startsWith("300-600")).hasSize(2)
                .first().asString().startsWith("100-200");
        JsonNode json = JSON.readTree(sweepDir.resolve("workload.json").toFile());
        assertThat(json.path("rows")).hasSize(2);
        JsonNode trials = json.path("trials");
        assertThat(trials).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode trial = trials.get(i);
            ElectionRange setting = SETTINGS.get(i);
            assertThat(trial.path("setting").asText()).isEqualTo(setting.toString());
            assertThat(trial.path("seed").asLong()).as("the same seed under every setting").isEqualTo(11);
            assertThat(trial.path("longestGapMs").isNumber()).as("trial %d measured: %s", i, trial).isTrue();
            assertThat(trial.path("leaderChanges").asInt()).as("the leader was partitioned away: a new one won")
                    .isPositive();
            assertNodesRanWith(sweepDir.resolve(trial.path("folder").asText()), setting);
        }
        for (Metric metric : Metric.values()) {
            BufferedImage png = ImageIO.read(sweepDir.resolve("workload-" + metric.key() + ".png").toFile());
            assertThat(png).as("workload-%s.png is an image", metric.key()).isNotNull();
        }
    }

    /** test.json and every node's node-started event show the setting's timeouts. */
    private static void assertNodesRanWith(Path run, ElectionRange setting) throws Exception {
        JsonNode test = JSON.readTree(run.resolve("test.json").toFile());
        assertThat(test.path("election-min-ms").asInt()).isEqualTo(setting.minMs());
        assertThat(test.path("election-max-ms").asInt()).isEqualTo(setting.maxMs());
        assertThat(test.path("heartbeat-ms").asInt()).isEqualTo(setting.heartbeatMs());
        assertThat(test.path("tick-ms").asInt()).isEqualTo(setting.tickMs());
        List<NodeEvent> started = NodeEvents.read(run.resolve("nodes"), e -> e.type().equals("node-started")).events();
        assertThat(started).as("node-started of every node in %s", run).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(e -> {
                    assertThat(e.number("electionMinMs", -1)).isEqualTo(setting.minMs());
                    assertThat(e.number("electionMaxMs", -1)).isEqualTo(setting.maxMs());
                    assertThat(e.number("heartbeatMs", -1)).isEqualTo(setting.heartbeatMs());
                    assertThat(e.number("tickMs", -1)).isEqualTo(setting.tickMs());
                });
    }
}
