package io.rafttorture.nemesis.scenario;

import static io.rafttorture.nemesis.scenario.Fakes.ms;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rafttorture.nemesis.schedule.AppliedStep;
import io.rafttorture.nemesis.schedule.ScheduleLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The interpreter against fake primitives and a fake clock: order, times, skipped steps, the recorded schedule. */
class ScenarioRunnerTest {
    private final Fakes.Clock clock = new Fakes.Clock();
    private final Fakes.Primitives primitives = new Fakes.Primitives(clock);
    private final List<String> events = new ArrayList<>();
    private final ScheduleLog log = new ScheduleLog(Map.of("source", "scenario"));

    private List<AppliedStep> run(String yaml, Fakes.View view) throws InterruptedException {
        Scenario scenario = ScenarioReader.parse(yaml, "test.yaml", view.nodeIds().size());
        new ScenarioRunner(scenario, primitives, view, clock, (f, value) -> events.add(f + " " + value), log, 42)
                .runSteps();
        return log.steps();
    }

    @Test
    void stepsRunInOrderAtTheirTimesWithTargetsResolvedWhenTheyRun() throws Exception {
        Fakes.View view = new Fakes.View(clock, 3);
        view.leader = t -> Optional.of(t < ms(2500) ? 2 : 3); // a new leader between the kill and the restart

        List<AppliedStep> applied = run("""
                steps:
                  - {at: 1s, kind: partition, shape: leader-isolated}
                  - {at: 2s, kind: heal}
                  - {at: 3s, kind: kill, target: leader}
                  - {at: 4s, kind: restart}
                """, view);

        assertThat(primitives.calls).containsExactly("1000 partition {1=[2], 2=[1, 3], 3=[2]}", "2000 heal-all",
                "3000 kill 3", "4000 restart 3");
        assertThat(events).containsExactly("start-partition {shape=leader-isolated, drops={n1=[2], n2=[1, 3], n3=[2]}}",
                "stop-partition all", "start-kill {nodes=[3], target=leader}", "stop-kill {nodes=[3]}");
        assertThat(applied).extracting(AppliedStep::kind).containsExactly("partition", "heal", "kill", "restart");
        assertThat(applied).extracting(AppliedStep::plannedNanos).containsExactly(ms(1000), ms(2000), ms(3000), ms(4000));
        assertThat(applied).extracting(AppliedStep::outcome).containsOnly(AppliedStep.OK);
        assertThat(applied.get(2).step()).as("the kill as replayable data: the node it hit")
                .isEqualTo(Map.of("at", "3000ms", "kind", "kill", "target", List.of(3L)));
    }

    @Test
    void aStepThatCannotResolveItsTargetIsSkippedWithTheReasonAndTheScenarioGoesOn() throws Exception {
        Fakes.View view = new Fakes.View(clock, 3); // no leader, ever

        List<AppliedStep> applied = run("""
                steps:
                  - {at: 1s, kind: pause, target: leader}
                  - {at: 2s, kind: partition, shape: leader-minority}
                  - {at: 3s, kind: pause, target: [1]}
                """, view);

        assertThat(applied).extracting(AppliedStep::outcome)
                .containsExactly(AppliedStep.SKIPPED, AppliedStep.SKIPPED, AppliedStep.OK);
        assertThat(applied.get(0).reason()).isEqualTo("no leader within 5000ms");
        assertThat(applied).extracting(AppliedStep::endNanos).as("each leader step waited 5 s, delaying the next")
                .containsExactly(ms(6000), ms(11000), ms(11000));
        assertThat(primitives.calls).containsExactly("11000 pause 1");
        assertThat(events).first().asString()
                .startsWith("nemesis-skipped {step=0, kind=pause, reason=no leader within 5000ms}");
    }

    @Test
    void aSlowStepDelaysTheNextWhichStartsAtOnceAndRecordsBothTimes() throws Exception {
        primitives.costMs = 1500; // each Docker call takes 1.5 s
        List<AppliedStep> applied = run("""
                steps:
                  - {at: 1s, kind: kill, target: [1, 2]}
                  - {at: 2s, kind: restart, target: [1]}
                """, new Fakes.View(clock, 3));

        assertThat(primitives.calls).containsExactly("1000 kill 1", "2500 kill 2", "4000 restart 1");
        AppliedStep restart = applied.get(1);
        assertThat(restart.plannedNanos()).isEqualTo(ms(2000));
        assertThat(restart.startNanos()).as("started when the kill ended").isEqualTo(ms(4000));
        assertThat(restart.endNanos()).isEqualTo(ms(5500));
    }

    @Test
    void waitForLeaderPollsUntilOneIsKnownAndTimesOutOtherwise() throws Exception {
        Fakes.View view = new Fakes.View(clock, 3);
        view.leader = t -> t >= ms(2300) && t < ms(5000) ? Optional.of(1) : Optional.empty();

        List<AppliedStep> applied = run("""
                steps:
                  - {at: 1s, kind: wait-for-leader, timeout: 5s}
                  - {at: 5s, kind: wait-for-leader, timeout: 1s}
                  - {kind: sleep, duration: 250ms}
                """, view);

        assertThat(applied.get(0).outcome()).isEqualTo(AppliedStep.OK);
        assertThat(applied.get(0).resolved()).isEqualTo(Map.of("leader", 1L, "waited-ms", 1300L));
        assertThat(applied.get(1).outcome()).isEqualTo(AppliedStep.TIMED_OUT);
        assertThat(applied.get(1).endNanos()).isEqualTo(ms(6000));
        assertThat(applied.get(1).reason()).isEqualTo("no leader after 1000ms");
        assertThat(applied.get(2).startNanos()).isEqualTo(ms(6000));
        assertThat(applied.get(2).endNanos()).as("the sleep").isEqualTo(ms(6250));
    }

    @Test
    void waitForCommitWaitsForEveryLiveNodeToReachTheLeadersCommitIndex() throws Exception {
        Fakes.View view = new Fakes.View(clock, 3).leader(1);
        view.commit.put(1, t -> 10L);
        view.commit.put(2, t -> t < ms(3000) ? 4L : 10L); // catches up at 3 s
        view.commit.put(3, t -> 0L); // killed: not waited for

        List<AppliedStep> applied = run("""
                steps:
                  - {at: 1s, kind: kill, target: [3]}
                  - {kind: wait-for-commit, timeout: 5s}
                  - {kind: pause, target: [2]}
                  - {kind: resume, target: all}
                  - {kind: restart}
                  - {kind: wait-for-commit, timeout: 1s}
                """, view);

        assertThat(applied.get(1).outcome()).isEqualTo(AppliedStep.OK);
        assertThat(applied.get(1).endNanos()).isEqualTo(ms(3000));
        assertThat(applied.get(5).outcome()).as("n3 restarted but never catches up").isEqualTo(AppliedStep.TIMED_OUT);
        assertThat(applied.get(5).reason()).isEqualTo("after 1000ms still below commitIndex 10: n3 at 0");
        assertThat(primitives.calls).as("resume all: only the paused node")
                .containsExactly("1000 kill 3", "3000 pause 2", "3000 resume 2", "3000 restart 3");
    }

    @Test
    void waitForCommitFirstWaitsForALeaderWithinItsTimeout() throws Exception {
        Fakes.View view = new Fakes.View(clock, 3);
        view.leader = t -> t < ms(2500) ? Optional.empty() : Optional.of(2); // an election ends at 2.5 s
        view.commit.put(1, t -> 7L);
        view.commit.put(2, t -> 7L);
        view.commit.put(3, t -> 7L);

        List<AppliedStep> applied = run("""
                steps:
                  - {at: 1s, kind: wait-for-commit, timeout: 5s}
                  - {kind: sleep, duration: 1s}
                """, view);

        assertThat(applied.get(0).outcome()).isEqualTo(AppliedStep.OK);
        assertThat(applied.get(0).endNanos()).as("done once n2 leads and all are at 7").isEqualTo(ms(2500));
    }

    @Test
    void waitForCommitWithoutALeaderTimesOut() throws Exception {
        List<AppliedStep> applied = run("""
                steps:
                  - {at: 1s, kind: wait-for-commit, timeout: 1s}
                """, new Fakes.View(clock, 3));

        assertThat(applied.get(0).outcome()).isEqualTo(AppliedStep.TIMED_OUT);
        assertThat(applied.get(0).reason()).isEqualTo("no leader after 1000ms");
    }

    @Test
    void aPrimitiveThatFailsIsRecordedAsAnErrorAndTheScenarioGoesOn() throws Exception {
        primitives.failOn = "pause";
        List<AppliedStep> applied = run("""
                steps:
                  - {at: 1s, kind: pause, target: [2]}
                  - {at: 2s, kind: latency, ms: 100}
                  - {at: 3s, kind: heal, fault: latency}
                """, new Fakes.View(clock, 3));

        assertThat(applied).extracting(AppliedStep::outcome)
                .containsExactly(AppliedStep.ERROR, AppliedStep.OK, AppliedStep.OK);
        assertThat(applied.get(0).reason()).isEqualTo("pause failed: docker said no");
        assertThat(events).contains("nemesis-error pause failed: docker said no", "stop-latency latency");
        assertThat(primitives.calls).containsExactly("2000 latency 100±0 on 6 links", "3000 remove-latency");
    }

    @Test
    void theRecordedScheduleReadsBackAsAScenarioWithTheResolvedTargets() throws Exception {
        Fakes.View view = new Fakes.View(clock, 5).leader(4);
        run("""
                steps:
                  - {at: 1s, kind: partition, shape: leader-minority}
                  - {at: 2s, kind: heal, fault: partition}
                  - {at: 3s, kind: latency, target: random-follower, ms: 80, jitter-ms: 20}
                  - {at: 4s, kind: cut, from: leader, to: random-node}
                """, view);
        ObjectMapper json = new ObjectMapper();
        String schedule = json.writeValueAsString(log.toMap());
        List<Object> steps = json.readTree(schedule).findValues("step").stream().map(s -> (Object) s).toList();

        Scenario replay = ScenarioReader.parse(json.writeValueAsString(Map.of("steps", steps)), "schedule.json", 5);

        Action partition = replay.steps().get(0).action();
        assertThat(partition).isInstanceOf(Action.Partition.class);
        assertThat(((Action.Partition) partition).grudge().drops().keySet()).hasSize(5);
        assertThat(((Action.Partition) partition).grudge().drops().get(4)).as("the leader's side has 2 of 5").hasSize(3);
        assertThat(replay.steps().get(2).action()).isInstanceOf(Action.Latency.class)
                .extracting(a -> ((Action.Latency) a).target().kind()).isEqualTo(Target.Kind.NODES);
        assertThat(replay.steps()).extracting(s -> s.at().toMillis()).containsExactly(1000L, 2000L, 3000L, 4000L);
    }

    @Test
    void theSameSeedResolvesRandomTargetsTheSameWay() throws Exception {
        String yaml = "steps:\n  - {at: 1s, kind: kill, target: random-node}\n  - {kind: partition, shape: halves}\n";
        run(yaml, new Fakes.View(clock, 5));
        List<String> first = List.copyOf(primitives.calls);
        Fakes.Clock otherClock = new Fakes.Clock();
        Fakes.Primitives other = new Fakes.Primitives(otherClock);
        new ScenarioRunner(ScenarioReader.parse(yaml, "t.yaml", 5), other, new Fakes.View(otherClock, 5), otherClock,
                (f, v) -> { }, new ScheduleLog(Map.of()), 42).runSteps();

        assertThat(other.calls).isEqualTo(first);
    }
}
