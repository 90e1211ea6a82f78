package io.rafttorture.nemesis.scenario;

import io.rafttorture.nemesis.schedule.AppliedStep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How closely a replay's schedule.json followed the original's: per replayed step, its kind, when it started in the
 * original and in the replay (ms since the workload's start) and the difference, and whether it hit the same
 * targets (the same nodes killed, the same grudge, ...). Step offsets can differ by how long the previous step's
 * Docker or Toxiproxy call took; {@link #TOLERANCE_MS} is the deviation a replay is expected to stay within.
 *
 * @param rows one per step of the replay scenario, in order
 */
public record ScheduleComparison(List<Row> rows) {
    /** The start-offset deviation a faithful replay stays within, in ms. */
    public static final double TOLERANCE_MS = 500;

    /**
     * One replayed step.
     *
     * @param step            the replay scenario's step index
     * @param originalIndex   the original schedule.json entry it repeats
     * @param kind            the step kind (partition, kill, heal, ...)
     * @param originalF       what the original recorded in the history, e.g. "start-kill"
     * @param replayF         what the replay recorded (null when the step never ran)
     * @param originalStartMs when the original started it
     * @param replayStartMs   when the replay started it (null when it never ran: the run ended first)
     * @param targetsSame     whether the replay acted on the same targets (false when it did nothing: never ran,
     *                        skipped, failed)
     * @param originalOutcome ok or timed-out
     * @param replayOutcome   the replay's outcome (null when it never ran)
     */
    public record Row(int step, int originalIndex, String kind, String originalF, String replayF,
                      double originalStartMs, Double replayStartMs, boolean targetsSame, String originalOutcome,
                      String replayOutcome) {
        /** Replay start minus original start, ms; null when the step never ran in the replay. */
        public Double deltaMs() {
            return replayStartMs == null ? null : round(replayStartMs - originalStartMs);
        }

        /** Whether the replay carried this step out (same kind, outcome ok or timed-out, as the original's). */
        public boolean applied() {
            return replayStartMs != null && (AppliedStep.OK.equals(replayOutcome)
                    || AppliedStep.TIMED_OUT.equals(replayOutcome));
        }

        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("step", step);
            map.put("original-index", originalIndex);
            map.put("kind", kind);
            map.put("original-f", originalF);
            map.put("replay-f", replayF);
            map.put("original-start-ms", originalStartMs);
            map.put("replay-start-ms", replayStartMs);
            map.put("delta-ms", deltaMs());
            map.put("targets-same", targetsSame);
            map.put("original-outcome", originalOutcome);
            map.put("replay-outcome", replayOutcome);
            return map;
        }
    }

    public ScheduleComparison {
        rows = List.copyOf(rows);
    }

    /**
     * Compares the {@code replayed} schedule with the {@code original} one, step by step of {@code replay} (the
     * scenario the replay ran). A replay entry counts as the same step when its kind is the scenario step's.
     */
    public static ScheduleComparison of(ScheduleReplay replay, RecordedSchedule original, RecordedSchedule replayed) {
        List<Row> rows = new ArrayList<>();
        for (Step step : replay.steps()) {
            RecordedStep before = original.step(replay.origins().get(step.index()));
            RecordedStep after = replayed.step(step.index());
            boolean ran = after != null && after.kind().equals(step.action().kind());
            rows.add(new Row(step.index(), before.index(), step.action().kind(), before.f(),
                    after == null ? null : after.f(), before.startedAtMs(), ran ? after.startedAtMs() : null,
                    ran && Objects.equals(after.action(), step.action()), before.outcome(),
                    after == null ? null : after.outcome()));
        }
        return new ScheduleComparison(rows);
    }

    /** The largest |replay start - original start| over the steps the replay started, ms (0 when none). */
    public double maxDeviationMs() {
        return rows.stream().filter(r -> r.replayStartMs() != null).mapToDouble(r -> Math.abs(r.deltaMs())).max()
                .orElse(0);
    }

    /** Every step applied by the replay, in order, with the same kind. */
    public boolean allApplied() {
        return rows.stream().allMatch(Row::applied);
    }

    /** Every step hit the same targets. */
    public boolean allTargetsSame() {
        return rows.stream().allMatch(Row::targetsSame);
    }

    /** Every step applied, on the same targets, within {@link #TOLERANCE_MS} of its original start. */
    public boolean faithful() {
        return allApplied() && allTargetsSame() && maxDeviationMs() <= TOLERANCE_MS;
    }

    /** One line: "12 of 12 steps applied, targets same, largest offset deviation 41.3 ms". */
    public String describe() {
        long applied = rows.stream().filter(Row::applied).count();
        long same = rows.stream().filter(Row::targetsSame).count();
        return applied + " of " + rows.size() + " steps applied, " + (same == rows.size() ? "targets same"
                : same + " of " + rows.size() + " with the same targets") + ", largest offset deviation "
                + round(maxDeviationMs()) + " ms";
    }

    /** As replay.json holds it: summary fields, then one map per step. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("steps-applied", rows.stream().filter(Row::applied).count());
        map.put("steps", rows.size());
        map.put("targets-same", allTargetsSame());
        map.put("max-deviation-ms", round(maxDeviationMs()));
        map.put("tolerance-ms", TOLERANCE_MS);
        map.put("within-tolerance", faithful());
        map.put("per-step", rows.stream().map(Row::toMap).toList());
        return map;
    }

    private static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }
}
