package io.rafttorture.nemesis.scenario;

import java.util.List;

/**
 * A run's schedule.json, read back and validated by {@link ScheduleReader}.
 *
 * @param file   where it was read from (for messages)
 * @param source "nemesis" (the random nemesis) or "scenario"
 * @param steps  the entries in file order (the order they were applied)
 */
public record RecordedSchedule(String file, String source, List<RecordedStep> steps) {
    public static final String NEMESIS = "nemesis";
    public static final String SCENARIO = "scenario";

    public RecordedSchedule {
        steps = List.copyOf(steps);
    }

    /** The entry with {@code index}, or null when there is none (a step that never ran). */
    public RecordedStep step(int index) {
        return steps.stream().filter(s -> s.index() == index).findFirst().orElse(null);
    }
}
