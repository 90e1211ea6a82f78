package io.rafttorture.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rafttorture.harness.cli.TortureCommand;
import io.rafttorture.results.history.Op;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code torture run --scenario}: the shipped scenario with every step kind runs on a real 3-node cluster (Docker,
 * Toxiproxy) and is recorded step by step in the history and in schedule.json (about 40 s; 20 s of workload leave
 * room for a step aimed at the leader to wait for one); a malformed scenario or
 * one given with --nemesis is refused with exit 3 before any container starts.
 */
class ScenarioIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EVERY_STEP_KIND = Path.of("..", "scenarios", "every-step-kind.yaml");

    @TempDir
    Path results;

    @Test
    void aScenarioWithEveryStepKindRunsAndEveryStepIsRecordedAsApplied() throws Exception {
        RunResult run = TortureTest.builder().nodes(3).timeLimit(Duration.ofSeconds(20)).concurrency(3).rate(40)
                .workload("register").scenario(EVERY_STEP_KIND).seed(5).resultsDir(results).run();

        assertThat(run.exitCode()).as("exit code; summary:%n%s", run.summary()).isZero();
        JsonNode schedule = JSON.readTree(run.folder().resolve("schedule.json").toFile());
        assertThat(schedule.get("source").asText()).isEqualTo("scenario");
        JsonNode steps = schedule.get("steps");
        assertThat(steps).as("schedule.json: one entry per step").hasSize(18);
        List<String> expectedF = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            assertThat(step.get("index").asInt()).isEqualTo(i);
            assertThat(step.get("outcome").asText()).as("step %d: %s", i, step).isEqualTo("ok");
            assertThat(step.get("started-at-ms").asDouble()).as("step %d started no earlier than planned", i)
                    .isGreaterThanOrEqualTo(step.get("planned-at-ms").asDouble());
            assertThat(step.get("ended-at-ms").asDouble()).isGreaterThanOrEqualTo(step.get("started-at-ms").asDouble());
            assertThat(step.get("resolved").isNull()).as("step %d has resolved targets", i).isFalse();
            assertThat(step.get("step").get("kind").asText()).isEqualTo(step.get("kind").asText());
            expectedF.addAll(Arrays.asList(step.get("f").asText().split(",")));
        }
        assertThat(steps.get(1).at("/resolved/drops").size()).as("leader-minority: a grudge on 3 nodes").isEqualTo(3);
        assertThat(steps.get(11).at("/resolved/nodes").size()).as("kill random-node: one node").isEqualTo(1);
        assertThat(steps.get(12).at("/resolved/nodes")).as("restart: the node killed")
                .isEqualTo(steps.get(11).at("/resolved/nodes"));
        assertThat(run.nemesisOps()).extracting(Op::f).as("a nemesis op per applied step, in order")
                .containsExactlyElementsOf(expectedF);
        JsonNode test = JSON.readTree(run.folder().resolve("test.json").toFile());
        assertThat(test.get("scenario").asText()).endsWith("every-step-kind.yaml");
        assertThat(run.folder().resolve("scenario.yaml")).hasSameTextualContentAs(EVERY_STEP_KIND);
    }

    @Test
    void aMalformedScenarioExitsThreeBeforeAnyContainerStarts() throws Exception {
        Path bad = results.resolve("bad.yaml");
        Files.writeString(bad, "steps:\n  - at: 1s\n    kind: kill\n    target: leeder\n");

        StringWriter err = new StringWriter();
        int exit = cli(err, "run", "--scenario", bad.toString(), "--results-dir", results.resolve("out").toString());

        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).contains(bad + ":4:13: steps[0].target: unknown target \"leeder\" (expected "
                + "leader, followers, random-follower, random-node, all or node ids)");
        assertThat(results.resolve("out")).as("no run folder: nothing started").doesNotExist();
    }

    @Test
    void aScenarioAndAnExplicitNemesisTogetherAreRefused() {
        StringWriter err = new StringWriter();
        int exit = cli(err, "run", "--scenario", EVERY_STEP_KIND.toString(), "--nemesis", "kill",
                "--results-dir", results.toString());

        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).contains("--scenario replaces the random nemesis: give --scenario or --nemesis kill, "
                + "not both");
    }

    private static int cli(StringWriter err, String... args) {
        CommandLine cmd = TortureCommand.commandLine();
        cmd.setOut(new PrintWriter(new StringWriter()));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }
}
