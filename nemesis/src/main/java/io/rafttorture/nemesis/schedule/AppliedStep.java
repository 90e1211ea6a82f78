package io.rafttorture.nemesis.schedule;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One fault step as it was actually applied: one entry of a run's schedule.json.
 *
 * @param index        position in the schedule (or scenario), from 0
 * @param kind         what the step does: partition, kill, heal, wait-for-leader, ... (random nemesis: its fault name)
 * @param f            the history op(s) it recorded, e.g. "start-partition" (several joined by ",")
 * @param plannedNanos when it was due, run time
 * @param startNanos   when it actually started, run time
 * @param endNanos     when it was done, run time
 * @param resolved     the concrete targets: node ids, a grudge, a leader (null when skipped)
 * @param outcome      {@link #OK}, {@link #SKIPPED}, {@link #TIMED_OUT}, {@link #ERROR} or {@link #INTERRUPTED}
 * @param reason       why it was skipped, timed out or failed (null when ok)
 * @param step         the step with resolved targets in scenario syntax, so schedule.json replays as a scenario
 *                     (null when it cannot be expressed as one)
 */
public record AppliedStep(int index, String kind, String f, long plannedNanos, long startNanos, long endNanos,
                          Object resolved, String outcome, String reason, Map<String, Object> step) {
    public static final String OK = "ok";
    public static final String SKIPPED = "skipped";
    public static final String TIMED_OUT = "timed-out";
    public static final String ERROR = "error";
    public static final String INTERRUPTED = "interrupted";

    /** As schedule.json holds it; times in milliseconds since the workload's start. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("index", index);
        map.put("kind", kind);
        map.put("f", f);
        map.put("planned-at-ms", millis(plannedNanos));
        map.put("started-at-ms", millis(startNanos));
        map.put("ended-at-ms", millis(endNanos));
        map.put("resolved", resolved);
        map.put("outcome", outcome);
        if (reason != null) map.put("reason", reason);
        if (step != null) map.put("step", step);
        return map;
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }
}
