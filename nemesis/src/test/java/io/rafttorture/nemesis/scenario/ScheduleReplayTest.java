package io.rafttorture.nemesis.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.rafttorture.nemesis.Grudge;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A recorded schedule.json turned back into a scenario (fixtures copied from real run folders): every applied step
 * at its planned offset with its resolved targets explicit, for scenario runs and random-nemesis runs.
 */
class ScheduleReplayTest {
    private static final Path FIXTURES = Path.of("src", "test", "resources", "replay");
    private static final Target N1 = Target.nodes(List.of(1));
    private static final Target N3 = Target.nodes(List.of(3));

    @Test
    void aScenarioRunReplaysEveryStepAtItsPlannedOffsetWithItsResolvedTargets() {
        RecordedSchedule schedule = ScheduleReader.read(FIXTURES.resolve("scenario-schedule.json"), 3);

        ScheduleReplay replay = ScheduleReplay.of(schedule, "every-step-kind", "replay");

        assertThat(replay.steps()).extracting(Step::action).containsExactly(
                new Action.WaitForLeader(Duration.ofSeconds(5)),
                new Action.Partition(null, new Grudge(Map.of(1, Set.of(3), 2, Set.of(3), 3, Set.of(1, 2)))),
                new Action.Heal("partition"),
                new Action.Partition(null, new Grudge(Map.of(1, Set.of(2), 2, Set.of(1)))),
                new Action.Partition(null, new Grudge(Map.of(1, Set.of(2, 3), 2, Set.of(1), 3, Set.of(1)))),
                new Action.Heal("all"),
                new Action.Cut(N3, N1),
                new Action.Cut(Target.nodes(List.of(2)), N3),
                new Action.Heal("partition"),
                new Action.Latency(Target.nodes(List.of(2, 3)), 50, 10),
                new Action.Heal("latency"),
                new Action.Kill(N3),
                new Action.Restart(N3),
                new Action.WaitForLeader(Duration.ofSeconds(10)),
                new Action.Pause(N1),
                new Action.Resume(N1),
                new Action.Sleep(Duration.ofMillis(500)),
                new Action.WaitForCommit(Duration.ofSeconds(10)));
        assertThat(replay.steps()).extracting(s -> s.at().toMillis()).as("at = planned-at-ms").containsExactly(
                1000L, 1500L, 2500L, 3000L, 3500L, 4000L, 4500L, 5000L, 5500L, 6000L, 7000L, 7500L, 8500L, 8500L,
                9500L, 10500L, 10500L, 10500L);
        assertThat(replay.origins()).containsExactlyElementsOf(IntStream.range(0, 18).boxed().toList());
        assertThat(replay.notReplayed()).isEmpty();
    }

    @Test
    void aRandomNemesisRunReplaysEachFaultAsTheEquivalentExplicitStep() {
        RecordedSchedule schedule = ScheduleReader.read(FIXTURES.resolve("nemesis-schedule.json"), 5);

        ScheduleReplay replay = ScheduleReplay.of(schedule, "partition+kill+pause", "replay");

        assertThat(replay.steps()).extracting(Step::action).containsExactly(
                new Action.Partition(null, Grudge.complete(List.of(List.of(1, 2, 3), List.of(4, 5)))),
                new Action.Heal("partition"),
                new Action.Kill(N1),
                new Action.Restart(N1),
                new Action.Partition(null, Grudge.oneWay(5, 1)),
                new Action.Heal("partition"));
        assertThat(replay.steps()).extracting(s -> s.at().toMillis())
                .containsExactly(5000L, 10000L, 15000L, 20000L, 25000L, 30000L);
    }

    @Test
    void latencyPauseAndTheLeaderPartitionOfTheRandomNemesisBecomeExplicitSteps() {
        RecordedSchedule schedule = ScheduleReader.read(FIXTURES.resolve("nemesis-schedule-leader-latency-pause.json"), 3);

        assertThat(ScheduleReplay.of(schedule, "x", "").steps()).extracting(Step::action).containsExactly(
                new Action.Partition(null, Grudge.isolate(1, List.of(1, 2, 3))),
                new Action.Heal("partition"),
                new Action.Partition(null, Grudge.isolate(2, List.of(1, 2, 3))),
                new Action.Heal("partition"),
                new Action.Latency(Target.nodes(List.of(1, 2, 3)), 75, 25),
                new Action.Heal("latency"),
                new Action.Pause(N1),
                new Action.Resume(N1));
    }

    @Test
    void aStopThatRestoredNoNodeActsOnEveryAffectedNodeWhichIsNoneAgain() {
        RecordedSchedule schedule = ScheduleReader.parse("""
                {"source": "nemesis", "steps": [
                  {"index": 0, "kind": "pause", "f": "stop-pause", "planned-at-ms": 4000.0, "started-at-ms": 4000.5,
                   "ended-at-ms": 4100.0, "resolved": [], "outcome": "ok"}]}
                """, "schedule.json", 3);

        assertThat(ScheduleReplay.of(schedule, "x", "").steps()).extracting(Step::action)
                .containsExactly(new Action.Resume(null));
    }

    @Test
    void stepsThatDidNothingAreLeftOutWithTheReasonAndTheRestKeepTheirOffsets() {
        RecordedSchedule schedule = ScheduleReader.parse("""
                {"source": "scenario", "steps": [
                  {"index": 0, "kind": "kill", "f": "nemesis-skipped", "planned-at-ms": 1000.0, "started-at-ms": 1000.1,
                   "ended-at-ms": 1000.2, "resolved": null, "outcome": "skipped", "reason": "no leader",
                   "step": {"at": "1000ms", "kind": "kill", "target": "leader"}},
                  {"index": 1, "kind": "restart", "f": "stop-kill", "planned-at-ms": 2000.0, "started-at-ms": 2000.1,
                   "ended-at-ms": 2000.2, "resolved": {"nodes": []}, "outcome": "ok",
                   "step": {"at": "2000ms", "kind": "restart", "target": []}},
                  {"index": 2, "kind": "kill", "f": "start-kill", "planned-at-ms": 2500.0, "started-at-ms": 2500.1,
                   "ended-at-ms": 2500.2, "resolved": {"nodes": []}, "outcome": "ok",
                   "step": {"at": "2500ms", "kind": "kill", "target": []}},
                  {"index": 3, "kind": "wait-for-leader", "f": "wait-for-leader", "planned-at-ms": 3000.0,
                   "started-at-ms": 3000.1, "ended-at-ms": 8000.0, "resolved": null, "outcome": "timed-out",
                   "step": {"at": "3000ms", "kind": "wait-for-leader", "timeout": "5000ms"}},
                  {"index": 4, "kind": "heal", "f": null, "planned-at-ms": 9000.0, "started-at-ms": 9000.1,
                   "ended-at-ms": 9000.2, "resolved": null, "outcome": "interrupted",
                   "reason": "the run ended during this step", "step": {"at": "9000ms", "kind": "heal", "fault": "all"}}
                ]}
                """, "schedule.json", 3);

        ScheduleReplay replay = ScheduleReplay.of(schedule, "x", "");

        assertThat(replay.steps()).extracting(Step::action).as("restart of no node: restart every killed one (none)")
                .containsExactly(new Action.Restart(null), new Action.WaitForLeader(Duration.ofSeconds(5)));
        assertThat(replay.steps()).extracting(s -> s.at().toMillis()).containsExactly(2000L, 3000L);
        assertThat(replay.origins()).containsExactly(1, 3);
        assertThat(replay.notReplayed()).containsExactly(
                new ScheduleReplay.NotReplayed(0, "kill", "outcome skipped: no leader"),
                new ScheduleReplay.NotReplayed(2, "kill", "kill acted on no node"),
                new ScheduleReplay.NotReplayed(4, "heal", "outcome interrupted: the run ended during this step"));
    }

    @Test
    void aRunWithoutFaultsReplaysAsAnEmptyScenario() {
        RecordedSchedule schedule = ScheduleReader.parse("{\"source\": \"nemesis\", \"nemesis\": [], \"steps\": []}",
                "schedule.json", 3);

        ScheduleReplay replay = ScheduleReplay.of(schedule, "x", "");

        assertThat(replay.isEmpty()).isTrue();
        assertThat(replay.notReplayed()).isEmpty();
    }

    @Test
    void theReplayScenarioReadsBackAsTheSameSteps() {
        for (String fixture : List.of("scenario-schedule.json", "nemesis-schedule.json",
                "nemesis-schedule-leader-latency-pause.json")) {
            RecordedSchedule schedule = ScheduleReader.read(FIXTURES.resolve(fixture), 5);
            ScheduleReplay replay = ScheduleReplay.of(schedule, "replay-of-x", "the faults of x");

            Scenario scenario = ScenarioReader.parse(replay.toJson(), "replay-scenario.json", 5);

            assertThat(scenario.steps()).as(fixture).containsExactlyElementsOf(replay.steps());
            assertThat(scenario.name()).isEqualTo("replay-of-x");
            assertThat(scenario.description()).isEqualTo("the faults of x");
        }
    }
}
