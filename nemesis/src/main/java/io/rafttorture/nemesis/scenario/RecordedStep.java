package io.rafttorture.nemesis.scenario;

/**
 * One entry of a run's schedule.json, read back ({@link ScheduleReader}).
 *
 * @param index       the entry's {@code index}: its position in the random schedule or the scenario, from 0
 * @param kind        the entry's {@code kind}: partition, kill, heal, ... (random nemesis: the fault name)
 * @param f           the history op(s) it recorded, e.g. "start-partition"; empty when none
 * @param plannedAtMs when it was due, ms since the workload's start
 * @param startedAtMs when it started
 * @param endedAtMs   when it was done
 * @param outcome     ok, skipped, timed-out, error or interrupted
 * @param action      the step with every target explicit (node ids, grudges) that repeats what was done; null when
 *                    nothing was done that can be repeated (see {@code notReplayed})
 * @param notReplayed why {@code action} is null (e.g. "outcome skipped: no leader"); null when it is not
 */
public record RecordedStep(int index, String kind, String f, double plannedAtMs, double startedAtMs,
                           double endedAtMs, String outcome, Action action, String notReplayed) {
    /** Whether a replay repeats this step. */
    public boolean replayable() {
        return action != null;
    }
}
