package io.rafttorture.nemesis.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rafttorture.nemesis.Grudge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Parsing and validation: shipped scenarios are valid; every bad file gets one file:line:column: field message. */
class ScenarioReaderTest {
    private static final Path SHIPPED = Path.of("..", "scenarios");

    static Stream<Path> shippedScenarios() throws IOException {
        try (Stream<Path> files = Files.list(SHIPPED)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".json"))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shippedScenarios")
    void everyShippedScenarioParsesForThreeNodesAndSaysWhatItShows(Path file) throws IOException {
        Scenario scenario = ScenarioReader.read(file, 3);

        assertThat(scenario.steps()).as("%s has steps", file).isNotEmpty();
        assertThat(scenario.name()).as("name matches the file name").isEqualTo(
                file.getFileName().toString().replaceAll("\\.(yaml|json)$", ""));
        assertThat(scenario.description()).as("description").isNotBlank();
        assertThat(Files.readString(file)).as("%s starts with a comment header", file).startsWith("# ");
    }

    @Test
    void theShippedScenariosCoverTheClassicCases() throws IOException {
        assertThat(shippedScenarios().map(f -> f.getFileName().toString())).contains("leader-isolated.yaml",
                "leader-minority.yaml", "rolling-kills.yaml", "flapping-partitions.yaml", "slow-follower.yaml",
                "paused-leader.yaml", "every-step-kind.yaml", "old-term-answers.yaml");
    }

    @Test
    void aFileWithEveryStepKindParsesToTheExpectedModel() {
        Scenario scenario = ScenarioReader.read(SHIPPED.resolve("every-step-kind.yaml"), 3);

        Target leader = Target.of(Target.Kind.LEADER);
        List<Action> expected = List.of(
                new Action.WaitForLeader(Duration.ofSeconds(5)),
                new Action.Partition(Shape.LEADER_MINORITY, null),
                new Action.Heal("partition"),
                new Action.Partition(null, new Grudge(Map.of(1, Set.of(2), 2, Set.of(1)))),
                new Action.Partition(null, Grudge.complete(List.of(List.of(1), List.of(2, 3)))),
                new Action.Heal("all"),
                new Action.Cut(leader, Target.of(Target.Kind.RANDOM_FOLLOWER)),
                new Action.Cut(Target.nodes(List.of(2)), Target.nodes(List.of(3))),
                new Action.Heal("partition"),
                new Action.Latency(Target.of(Target.Kind.FOLLOWERS), 50, 10),
                new Action.Heal("latency"),
                new Action.Kill(Target.of(Target.Kind.RANDOM_NODE)),
                new Action.Restart(null),
                new Action.WaitForLeader(Duration.ofSeconds(10)),
                new Action.Pause(leader),
                new Action.Resume(Target.of(Target.Kind.ALL)),
                new Action.Sleep(Duration.ofMillis(500)),
                new Action.WaitForCommit(Duration.ofSeconds(10)));
        assertThat(scenario.steps()).extracting(Step::action).containsExactlyElementsOf(expected);
        assertThat(scenario.steps()).extracting(step -> step.at().toMillis()).containsExactly(1000L, 1500L, 2500L,
                3000L, 3500L, 4000L, 4500L, 5000L, 5500L, 6000L, 7000L, 7500L, 8500L, 8500L, 9500L, 10500L, 10500L,
                10500L);
        assertThat(scenario.maxNodeId()).isEqualTo(3);
    }

    @Test
    void theReadmeExampleOfEveryStepKindParses() throws IOException {
        String readme = Files.readString(SHIPPED.resolve("README.md"));
        int start = readme.indexOf("```yaml\n") + "```yaml\n".length();
        String example = readme.substring(start, readme.indexOf("```", start));

        Scenario scenario = ScenarioReader.parse(example, "README.yaml", 3);

        assertThat(scenario.steps()).extracting(step -> step.action().kind()).as("every step kind in the README")
                .contains("partition", "cut", "heal", "kill", "restart", "pause", "resume", "latency",
                        "wait-for-leader", "wait-for-commit", "sleep");
    }

    @Test
    void jsonWorksAsWellAsYaml() {
        Scenario scenario = ScenarioReader.parse("{\"steps\": [{\"at\": 2, \"kind\": \"kill\", \"target\": [1, 3]}]}",
                "dir/two-kills.json", 3);

        assertThat(scenario.name()).isEqualTo("two-kills");
        assertThat(scenario.steps()).containsExactly(
                new Step(0, Duration.ofSeconds(2), new Action.Kill(Target.nodes(List.of(1, 3)))));
    }

    @Test
    void aResolvedStepWrittenBackReadsAsTheSameStep() {
        Step step = new Step(0, Duration.ofMillis(1500), new Action.Latency(Target.nodes(List.of(2)), 40, 5));
        String json = "{\"steps\": [" + toJson(step.toMap()) + "]}";

        assertThat(ScenarioReader.parse(json, "replay.json", 3).steps()).containsExactly(step);
    }

    private static String toJson(Map<String, Object> map) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(map);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String errorOf(String yaml) {
        try {
            ScenarioReader.parse(yaml, "scenarios/x.yaml", 3);
        } catch (ScenarioException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a ScenarioException for:\n" + yaml);
    }

    @Test
    void anUnknownTargetIsNamedWithLineColumnAndField() {
        String yaml = """
                name: x
                steps:
                  - at: 1s
                    kind: kill
                    target: leader
                  - at: 2s
                    kind: pause
                    target: leeder
                """;
        assertThat(errorOf(yaml)).isEqualTo("scenarios/x.yaml:8:13: steps[1].target: unknown target \"leeder\" "
                + "(expected leader, followers, random-follower, random-node, all or node ids)");
    }

    @Test
    void anUnknownStepKindIsNamed() {
        assertThat(errorOf("steps:\n  - {at: 1s, kind: partiton, shape: halves}\n")).isEqualTo(
                "scenarios/x.yaml:2:20: steps[0].kind: unknown step kind \"partiton\" (expected partition, cut, heal, "
                        + "kill, restart, pause, resume, latency, wait-for-leader, wait-for-commit, sleep)");
    }

    @Test
    void aMissingFieldIsNamedAtItsStep() {
        assertThat(errorOf("steps:\n  - at: 1s\n    kind: latency\n    target: all\n")).isEqualTo(
                "scenarios/x.yaml:2:5: steps[0].ms: missing (a latency step needs ms)");
    }

    @Test
    void aNegativeTimeIsRefused() {
        assertThat(errorOf("steps:\n  - {at: -2s, kind: heal}\n")).isEqualTo(
                "scenarios/x.yaml:2:10: steps[0].at: negative time -2s (times count from the workload's start)");
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() {
        assertThat(errorOf("steps:\n  - {at: 1s, kind: latency, ms: fast}\n")).isEqualTo(
                "scenarios/x.yaml:2:33: steps[0].ms: expected a whole number, got \"fast\"");
        assertThat(errorOf("steps:\n  - {at: true, kind: heal}\n"))
                .startsWith("scenarios/x.yaml:2:10: steps[0].at: expected a time like 5s, 1.5s or 250ms, got true");
    }

    @Test
    void brokenYamlIsReportedWithItsPosition() {
        assertThat(errorOf("steps:\n  - {at: 1s, kind: heal\n  - foo: [\n"))
                .matches("scenarios/x\\.yaml:\\d+:\\d+: not valid YAML: .+");
    }

    @Test
    void brokenJsonIsReportedWithItsPosition() {
        assertThatThrownBy(() -> ScenarioReader.parse("{\"steps\": [}", "x.json", 3))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("x.json:1:12: not valid JSON: ");
    }

    @Test
    void otherMistakesEachNameTheirField() {
        assertThat(errorOf("steps:\n  - {at: 5s, kind: heal}\n  - {at: 2s, kind: heal}\n")).isEqualTo(
                "scenarios/x.yaml:3:10: steps[1].at: 2000ms is before the previous step's at (5000ms); steps run in "
                        + "file order");
        assertThat(errorOf("steps:\n  - {at: 1s, kind: kill, target: [1, 4]}\n")).isEqualTo(
                "scenarios/x.yaml:2:38: steps[0].target[1]: no node 4 in a cluster of 3");
        assertThat(errorOf("steps:\n  - {at: 1s, kind: kill, tagret: leader}\n")).startsWith(
                "scenarios/x.yaml:2:26: steps[0].tagret: unknown field (a kill step takes at, kind, target)");
        assertThat(errorOf("steps:\n  - {kind: partition, shape: square}\n")).startsWith(
                "scenarios/x.yaml:2:30: steps[0].shape: unknown shape \"square\"");
        assertThat(errorOf("steps:\n  - {kind: cut, from: followers, to: 1}\n")).startsWith(
                "scenarios/x.yaml:2:23: steps[0].from: must name one node");
        assertThat(errorOf("name: x\n")).isEqualTo(
                "scenarios/x.yaml:1:1: steps: missing (a scenario needs a list of steps)");
        assertThat(errorOf("")).isEqualTo("scenarios/x.yaml: the file is empty (a scenario is a map with steps)");
        assertThatThrownBy(() -> ScenarioReader.read(Path.of("no/such.yaml")))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("no/such.yaml: cannot read the scenario");
    }
}
