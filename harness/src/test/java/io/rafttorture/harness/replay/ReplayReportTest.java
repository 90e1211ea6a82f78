package io.rafttorture.harness.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.rafttorture.nemesis.scenario.RecordedSchedule;
import io.rafttorture.nemesis.scenario.RecordedStep;
import io.rafttorture.nemesis.scenario.ScheduleComparison;
import io.rafttorture.nemesis.scenario.ScheduleReader;
import io.rafttorture.nemesis.scenario.ScheduleReplay;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reproduction count, the exit code, the printed lines and replay.json of a set of replays. */
class ReplayReportTest {
    private static final Path ORIGINAL = Path.of("results", "register-x", "20261123-010839");
    private static final RecordedSchedule SCHEDULE =
            ScheduleReader.read(Path.of("src", "test", "resources", "replay", "run", "schedule.json"), 3);
    private static final ScheduleReplay PLAN = ScheduleReplay.of(SCHEDULE, "replay-x", "");

    /** The replay's schedule: every step as in the original, started {@code shiftMs} later. */
    private static ScheduleComparison shifted(double shiftMs) {
        List<RecordedStep> steps = PLAN.steps().stream().map(step -> {
            RecordedStep before = SCHEDULE.step(PLAN.origins().get(step.index()));
            return new RecordedStep(step.index(), step.action().kind(), before.f(), before.plannedAtMs(),
                    before.startedAtMs() + shiftMs, before.endedAtMs() + shiftMs, "ok", step.action(), null);
        }).toList();
        return ScheduleComparison.of(PLAN, SCHEDULE, new RecordedSchedule("schedule.json", "scenario", steps));
    }

    private static ReplayReport report(int originalExitCode, int... replayExitCodes) {
        ReplayReport report = new ReplayReport(ORIGINAL, originalExitCode, PLAN, Path.of("replay-scenario.json"),
                replayExitCodes.length);
        for (int i = 0; i < replayExitCodes.length; i++) {
            report.add(new ReplayReport.Run(i + 1, Path.of("replays", "r" + (i + 1)), replayExitCodes[i],
                    shifted(10 * (i + 1)), null));
        }
        return report;
    }

    @Test
    void everyReplayWithTheOriginalVerdictExitsZero() {
        ReplayReport report = report(1, 1, 1, 1);

        assertThat(report.exitCode()).isZero();
        assertThat(report.summary()).isEqualTo("reproduced the original verdict (INVALID) in 3 of 3 runs; "
                + "largest offset deviation 30.0 ms (tolerance 500 ms)");
        assertThat(report.line(report.runs().get(0))).isEqualTo("replay 1 of 3: INVALID, reproduced; 18 of 18 steps "
                + "applied, targets same, largest offset deviation 10.0 ms; replays/r1");
    }

    @Test
    void aReplayWithAnotherVerdictExitsOneAndIsCounted() {
        ReplayReport report = report(1, 1, 0, 1);

        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.reproducedCount()).isEqualTo(2);
        assertThat(report.summary()).startsWith("reproduced the original verdict (INVALID) in 2 of 3 runs");
        assertThat(report.line(report.runs().get(1))).startsWith("replay 2 of 3: VALID, not reproduced; ");
    }

    @Test
    void aReplayThatCouldNotRunExitsThreeUnlessTheOriginalDidNotRunEither() {
        assertThat(report(0, 0, 3).exitCode()).isEqualTo(3);
        assertThat(report(3, 3).exitCode()).isZero();
    }

    @Test
    void aReplayWithoutScheduleSaysWhy() {
        ReplayReport report = new ReplayReport(ORIGINAL, 0, PLAN, null, 1);
        report.add(new ReplayReport.Run(1, Path.of("r1"), 3, null, "no schedule.json (the replay did not reach its workload)"));

        assertThat(report.line(report.runs().get(0))).isEqualTo("replay 1 of 1: ERROR, not reproduced; no schedule.json "
                + "(the replay did not reach its workload); r1");
        assertThat(report.toMap().get("runs")).asList().first().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("schedule",
                Map.of("problem", "no schedule.json (the replay did not reach its workload)"));
    }

    @Test
    void replayJsonNamesTheOriginalAndEachRunWithItsScheduleComparison() {
        Map<String, Object> map = report(1, 1, 0).toMap();

        assertThat(map.get("original")).isEqualTo(Map.of("folder", ORIGINAL.toString(), "verdict", "INVALID",
                "exit-code", 1));
        assertThat(map).containsEntry("reproduced", 1L).containsEntry("runs-done", 2)
                .containsEntry("steps-replayed", 18).containsEntry("max-deviation-ms", 20.0)
                .containsEntry("replay-scenario", "replay-scenario.json");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> runs = (List<Map<String, Object>>) map.get("runs");
        assertThat(runs.get(1)).containsEntry("run", 2).containsEntry("folder", Path.of("replays", "r2").toString())
                .containsEntry("verdict", "VALID").containsEntry("reproduced", false);
        assertThat(runs.get(1).get("schedule")).isEqualTo(shifted(20).toMap());
    }
}
