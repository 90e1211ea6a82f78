package io.rafttorture.harness.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rafttorture.harness.cli.TortureCommand;
import io.rafttorture.harness.runner.RunResult;
import io.rafttorture.harness.runner.TortureTest;
import io.rafttorture.nemesis.scenario.ScheduleComparison;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code torture replay} on a real 3-node cluster (Docker, Toxiproxy): a 16 s run with a leader-targeted kill and
 * restart and a leader-minority partition, then one replay of its folder through the command line. The replay
 * applies the same step kinds in order, on the same nodes and grudges, each within
 * {@link ScheduleComparison#TOLERANCE_MS} of the original's start offset, and reports the reproduction count
 * (about 60 s: two runs).
 */
class ReplayIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCENARIO = Path.of("src", "test", "resources", "replay", "leader-kill-partition.yaml");

    @TempDir
    Path results;

    @Test
    void aReplayAppliesTheSameStepsAtTheSameOffsetsOnTheSameTargets() throws Exception {
        RunResult original = TortureTest.builder().nodes(3).timeLimit(Duration.ofSeconds(16)).concurrency(3).rate(40)
                .workload("register").scenario(SCENARIO).seed(7).resultsDir(results).run();
        assertThat(original.exitCode()).as("the original's verdict; summary:%n%s", original.summary()).isZero();
        assertThat(read(original.folder().resolve("schedule.json")).get("steps").findValuesAsText("outcome"))
                .as("the original applied every step (none skipped for want of a leader)").containsOnly("ok").hasSize(6);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = TortureCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("replay", original.folder().toString(), "--test-count", "1");

        assertThat(exit).as("exit code; stdout:%n%s%nstderr:%n%s", out, err).isZero();
        assertThat(out.toString()).contains("replay 1 of 1: VALID, reproduced; 6 of 6 steps applied, targets same")
                .contains("reproduced the original verdict (VALID) in 1 of 1 runs");
        Path replayDir = onlyReplayFolder();
        JsonNode report = JSON.readTree(replayDir.resolve("replay.json").toFile());
        assertThat(report.at("/original/folder").asText()).isEqualTo(original.folder().toRealPath().toString());
        assertThat(report.at("/original/verdict").asText()).isEqualTo("VALID");
        assertThat(report.get("reproduced").asInt()).isEqualTo(1);
        assertThat(report.at("/runs/0/reproduced").asBoolean()).isTrue();
        assertThat(report.at("/runs/0/schedule/per-step")).hasSize(6);
        assertThat(replayDir.resolve("replay-scenario.json")).isRegularFile();

        Path replayRun = Path.of(report.at("/runs/0/folder").asText());
        assertSameSchedule(read(original.folder().resolve("schedule.json")), read(replayRun.resolve("schedule.json")));
    }

    /** Same kinds in order, same nodes and grudges, start offsets within the tolerance. */
    private static void assertSameSchedule(JsonNode original, JsonNode replay) {
        JsonNode before = original.get("steps");
        JsonNode after = replay.get("steps");
        assertThat(after.findValuesAsText("kind")).as("step kinds in order")
                .containsExactlyElementsOf(before.findValuesAsText("kind"));
        for (int i = 0; i < before.size(); i++) {
            JsonNode a = before.get(i);
            JsonNode b = after.get(i);
            assertThat(b.get("outcome").asText()).as("step %d outcome", i).isEqualTo("ok");
            assertThat(b.get("started-at-ms").asDouble()).as("step %d (%s) start offset", i, a.get("kind").asText())
                    .isCloseTo(a.get("started-at-ms").asDouble(), within(ScheduleComparison.TOLERANCE_MS));
            for (String target : List.of("/resolved/nodes", "/resolved/drops")) {
                assertThat(b.at(target)).as("step %d %s", i, target).isEqualTo(a.at(target));
            }
        }
        assertThat(before.get(1).at("/resolved/nodes")).as("the kill hit a node").hasSize(1);
        assertThat(before.get(4).at("/resolved/drops").size()).as("the partition cut 3 nodes").isEqualTo(3);
    }

    private Path onlyReplayFolder() throws Exception {
        try (Stream<Path> folders = Files.list(results.resolve("replays"))) {
            List<Path> all = folders.filter(Files::isDirectory).toList();
            assertThat(all).as("one replays/<time> folder").hasSize(1);
            return all.get(0);
        }
    }

    private static JsonNode read(Path file) throws Exception {
        return JSON.readTree(file.toFile());
    }
}
