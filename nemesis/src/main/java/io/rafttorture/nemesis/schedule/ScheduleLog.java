package io.rafttorture.nemesis.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fault steps of one run as applied, in the order they were done: what a run writes as schedule.json.
 * Thread-safe: the fault thread adds, the run reads at the end.
 */
public final class ScheduleLog {
    private final Map<String, Object> header;
    private final List<AppliedStep> steps = new ArrayList<>();

    /** @param header what produced the steps, written first: e.g. {@code source: scenario, scenario: FILE, seed} */
    public ScheduleLog(Map<String, Object> header) {
        this.header = new LinkedHashMap<>(header);
    }

    public synchronized void add(AppliedStep step) {
        steps.add(step);
    }

    public synchronized List<AppliedStep> steps() {
        return List.copyOf(steps);
    }

    /** schedule.json: the header's fields, then {@code steps}, each {@link AppliedStep#toMap()}. */
    public synchronized Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>(header);
        map.put("steps", steps.stream().map(AppliedStep::toMap).toList());
        return map;
    }
}
