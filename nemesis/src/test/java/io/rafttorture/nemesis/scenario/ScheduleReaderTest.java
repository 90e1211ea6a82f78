package io.rafttorture.nemesis.scenario;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A malformed schedule.json gets one message naming file:line:column, the entry and the field. */
class ScheduleReaderTest {
    /** One random-nemesis entry on line 2, its fields at known columns; {@code %s} is the resolved value. */
    private static String nemesis(String kind, String f, String resolved) {
        return "{\"source\": \"nemesis\", \"steps\": [\n"
                + "{\"index\": 0, \"kind\": \"" + kind + "\", \"f\": \"" + f + "\", \"planned-at-ms\": 1, "
                + "\"started-at-ms\": 1, \"ended-at-ms\": 2, \"outcome\": \"ok\",\n"
                + "\"resolved\": " + resolved + "}]}";
    }

    /** One scenario entry on line 2 whose step (line 3) is {@code step}. */
    private static String scenario(String kind, String step) {
        return "{\"source\": \"scenario\", \"steps\": [\n"
                + "{\"index\": 0, \"kind\": \"" + kind + "\", \"f\": \"x\", \"planned-at-ms\": 1, "
                + "\"started-at-ms\": 1, \"ended-at-ms\": 2, \"outcome\": \"ok\",\n"
                + "\"step\": " + step + "}]}";
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("{\"steps\": []}", "schedule.json:1:1: source: missing (nemesis or scenario)"),
                Arguments.of("{\"source\": \"chaos\", \"steps\": []}",
                        "schedule.json:1:12: source: expected nemesis or scenario, got \"chaos\""),
                Arguments.of("{\"source\": \"nemesis\", \"steps\": 3}",
                        "schedule.json:1:32: steps: expected a list of steps, got 3"),
                Arguments.of("{\"source\": \"nemesis\", \"steps\": [\n{\"index\": 0}]}",
                        "schedule.json:2:1: steps[0].kind: missing"),
                Arguments.of(nemesis("kill", "start-kill", "{}").replace("\"planned-at-ms\": 1", "\"planned-at-ms\": \"soon\""),
                        "schedule.json:2:66: steps[0].planned-at-ms: expected a time in ms from 0, got \"soon\""),
                Arguments.of(nemesis("kill", "start-kill", "{}").replace("\"ok\"", "\"fine\""),
                        "schedule.json:2:118: steps[0].outcome: unknown outcome \"fine\" (expected ok, skipped, "
                                + "timed-out, error, interrupted)"),
                Arguments.of(nemesis("kill", "start-krill", "{}"),
                        "schedule.json:2:35: steps[0].f: unknown nemesis op \"start-krill\" (expected start- or stop- "
                                + "followed by partition, partition-leader, kill, pause, latency)"),
                Arguments.of(nemesis("pause", "start-kill", "{}"),
                        "schedule.json:2:22: steps[0].kind: \"pause\" does not match f \"start-kill\" (expected \"kill\")"),
                Arguments.of(nemesis("kill", "start-kill", "{\"target\": \"leader\"}"),
                        "schedule.json:3:13: steps[0].resolved.nodes: missing (got {\"target\":\"leader\"})"),
                Arguments.of(nemesis("kill", "start-kill", "{\"nodes\": [9]}"),
                        "schedule.json:3:24: steps[0].resolved.nodes[0]: no node 9 in a cluster of 3"),
                Arguments.of(nemesis("partition", "start-partition", "{\"drops\": {\"n1\": [\"n2\"]}}"),
                        "schedule.json:3:31: steps[0].resolved.drops.n1[0]: expected a node id, got \"n2\""),
                Arguments.of(nemesis("partition", "start-partition", "{\"drops\": {\"x1\": [2]}}"),
                        "schedule.json:3:30: steps[0].resolved.drops.x1: expected a node id, got \"x1\""),
                Arguments.of(nemesis("latency", "start-latency", "{\"latency-ms\": 75, \"jitter-ms\": -1}"),
                        "schedule.json:3:45: steps[0].resolved.jitter-ms: expected a whole number of ms, got -1"),
                Arguments.of(nemesis("kill", "stop-kill", "null"),
                        "schedule.json:3:13: steps[0].resolved: missing (the value stop-kill recorded)"),
                Arguments.of(scenario("kill", "{\"kind\": \"kill\", \"target\": \"leeder\"}"),
                        "schedule.json:3:36: steps[0].step.target: unknown target \"leeder\" (expected leader, "
                                + "followers, random-follower, random-node, all or node ids)"),
                Arguments.of(scenario("kill", "{\"kind\": \"pause\", \"target\": [1]}"),
                        "schedule.json:3:18: steps[0].step.kind: \"pause\" differs from the entry's kind \"kill\""),
                Arguments.of(scenario("kill", "3"), "schedule.json:3:9: steps[0].step: expected a step map, got 3"),
                Arguments.of("{\"source\": \"scenario\", \"steps\": [\n{\"index\": 0, \"kind\": \"kill\", "
                                + "\"planned-at-ms\": 1, \"started-at-ms\": 1, \"ended-at-ms\": 2, \"outcome\": \"ok\"}]}",
                        "schedule.json:2:1: steps[0].step: missing (a scenario run records every step it applied)"),
                Arguments.of("{\"source\": \"nemesis\", \"steps\": [", "schedule.json:1:33: not valid JSON"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void aMalformedScheduleNamesFileLineColumnEntryAndField(String json, String message) {
        assertThatThrownBy(() -> ScheduleReader.parse(json, "schedule.json", 3))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith(message);
    }

    @org.junit.jupiter.api.Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> ScheduleReader.read(Path.of("no", "such", "schedule.json"), 3))
                .isInstanceOf(ScenarioException.class).hasMessageStartingWith("no/such/schedule.json: cannot read the schedule");
    }
}
