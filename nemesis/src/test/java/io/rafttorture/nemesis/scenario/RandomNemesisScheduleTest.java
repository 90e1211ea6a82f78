package io.rafttorture.nemesis.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rafttorture.nemesis.schedule.AppliedStep;
import io.rafttorture.nemesis.schedule.Fault;
import io.rafttorture.nemesis.schedule.NemesisRunner;
import io.rafttorture.nemesis.schedule.NemesisSchedule;
import io.rafttorture.nemesis.schedule.ScheduleLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The random nemesis records what it applied in the same schedule.json format as a scenario. */
class RandomNemesisScheduleTest {
    private static Fault fault(boolean failOnStop) {
        return new Fault() {
            public String name() {
                return "kill";
            }

            public Planned plan(Random random) {
                return new Planned(Map.of("nodes", List.of(2L)), () -> { });
            }

            public Object stop() {
                if (failOnStop) throw new IllegalStateException("docker said no");
                return List.of(2L);
            }
        };
    }

    @Test
    void eachStepIsLoggedWithPlannedAndActualTimesAndWhatItDid() throws Exception {
        ScheduleLog log = new ScheduleLog(Map.of("source", "nemesis"));
        long origin = System.nanoTime();
        List<NemesisSchedule.Step> steps = List.of(new NemesisSchedule.Step(0, true, "kill"),
                new NemesisSchedule.Step(1_000_000, false, "kill"));
        NemesisRunner runner = new NemesisRunner(steps, Map.of("kill", fault(true)), () -> System.nanoTime() - origin,
                (f, value) -> { }, 1, log);
        runner.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> log.steps().size() == 2);
        runner.stop(1000);

        AppliedStep start = log.steps().get(0);
        assertThat(start.f()).isEqualTo("start-kill");
        assertThat(start.resolved()).isEqualTo(Map.of("nodes", List.of(2L)));
        assertThat(start.outcome()).isEqualTo(AppliedStep.OK);
        assertThat(start.startNanos()).isGreaterThanOrEqualTo(start.plannedNanos());
        AppliedStep stop = log.steps().get(1);
        assertThat(stop.plannedNanos()).isEqualTo(1_000_000);
        assertThat(stop.outcome()).isEqualTo(AppliedStep.ERROR);
        assertThat(stop.reason()).isEqualTo("stop-kill failed: docker said no");
        assertThat(log.toMap()).containsEntry("source", "nemesis").containsKey("steps");
    }
}
