package io.rafttorture.nemesis.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A replay's schedule against the original's: offsets, deviations, targets, steps that never ran. */
class ScheduleComparisonTest {
    private static final RecordedSchedule ORIGINAL =
            ScheduleReader.read(Path.of("src", "test", "resources", "replay", "scenario-schedule.json"), 3);
    private static final ScheduleReplay REPLAY = ScheduleReplay.of(ORIGINAL, "every-step-kind", "");

    /** What the replay run would record: each replay step, started {@code shiftMs} after the original did. */
    private static List<RecordedStep> replayed(double shiftMs) {
        List<RecordedStep> steps = new ArrayList<>();
        for (Step step : REPLAY.steps()) {
            RecordedStep before = ORIGINAL.step(REPLAY.origins().get(step.index()));
            steps.add(new RecordedStep(step.index(), step.action().kind(), before.f(), before.plannedAtMs(),
                    before.startedAtMs() + shiftMs, before.endedAtMs() + shiftMs, "ok", step.action(), null));
        }
        return steps;
    }

    @Test
    void aReplayThatAppliedEveryStepOnTheSameTargetsIsFaithful() {
        ScheduleComparison comparison = ScheduleComparison.of(REPLAY, ORIGINAL,
                new RecordedSchedule("replay/schedule.json", "scenario", replayed(12.5)));

        assertThat(comparison.rows()).hasSize(18).allSatisfy(row -> {
            assertThat(row.deltaMs()).isEqualTo(12.5);
            assertThat(row.targetsSame()).isTrue();
        });
        assertThat(comparison.maxDeviationMs()).isEqualTo(12.5);
        assertThat(comparison.faithful()).isTrue();
        assertThat(comparison.describe()).isEqualTo("18 of 18 steps applied, targets same, largest offset deviation 12.5 ms");
    }

    @Test
    void anOffsetBeyondTheToleranceIsNotFaithful() {
        ScheduleComparison comparison = ScheduleComparison.of(REPLAY, ORIGINAL,
                new RecordedSchedule("replay/schedule.json", "scenario", replayed(-600)));

        assertThat(comparison.allApplied()).isTrue();
        assertThat(comparison.allTargetsSame()).isTrue();
        assertThat(comparison.maxDeviationMs()).isEqualTo(600);
        assertThat(comparison.faithful()).as("600 ms > %s ms", ScheduleComparison.TOLERANCE_MS).isFalse();
    }

    @Test
    void otherTargetsAndStepsThatNeverRanAreReported() {
        List<RecordedStep> steps = replayed(0);
        RecordedStep kill = steps.get(11);
        steps.set(11, new RecordedStep(11, "kill", "start-kill", kill.plannedAtMs(), kill.startedAtMs(),
                kill.endedAtMs(), "ok", new Action.Kill(Target.nodes(List.of(2))), null));
        RecordedStep resume = steps.get(15);
        steps.set(15, new RecordedStep(15, "resume", "nemesis-error", resume.plannedAtMs(), resume.startedAtMs() + 900,
                resume.endedAtMs(), "error", null, "outcome error: resume failed"));
        List<RecordedStep> cutShort = steps.subList(0, 16); // the run ended before steps 16 and 17

        ScheduleComparison comparison = ScheduleComparison.of(REPLAY, ORIGINAL,
                new RecordedSchedule("replay/schedule.json", "scenario", cutShort));

        assertThat(comparison.rows().get(11).targetsSame()).as("killed n2 instead of n3").isFalse();
        assertThat(comparison.rows().get(15).applied()).as("failed").isFalse();
        assertThat(comparison.rows().get(15).deltaMs()).as("but started").isEqualTo(900);
        assertThat(comparison.rows().get(15).targetsSame()).isFalse();
        assertThat(comparison.rows().get(16).applied()).isFalse();
        assertThat(comparison.rows().get(16).deltaMs()).isNull();
        assertThat(comparison.allApplied()).isFalse();
        assertThat(comparison.faithful()).isFalse();
        assertThat(comparison.describe()).isEqualTo("15 of 18 steps applied, 14 of 18 with the same targets, "
                + "largest offset deviation 900.0 ms");
    }

    @Test
    void replayJsonHoldsTheSummaryAndOneRowPerStep() {
        Map<String, Object> map = ScheduleComparison.of(REPLAY, ORIGINAL,
                new RecordedSchedule("replay/schedule.json", "scenario", replayed(3))).toMap();

        assertThat(map).containsEntry("steps-applied", 18L).containsEntry("steps", 18)
                .containsEntry("max-deviation-ms", 3.0).containsEntry("tolerance-ms", 500.0)
                .containsEntry("within-tolerance", true);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) map.get("per-step");
        assertThat(rows.get(11)).containsEntry("kind", "kill").containsEntry("original-start-ms", 7502.939)
                .containsEntry("replay-start-ms", 7505.939).containsEntry("delta-ms", 3.0)
                .containsEntry("targets-same", true);
    }
}
