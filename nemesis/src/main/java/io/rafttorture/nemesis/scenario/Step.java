package io.rafttorture.nemesis.scenario;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One step of a scenario: do {@code action} at run time {@code at} (after the workload's start), or right after
 * the previous step if that one ends later.
 *
 * @param index  position in the file, from 0 ({@code steps[index]} in messages)
 * @param at     planned time; a step without {@code at} in the file gets the previous step's (0 for the first)
 * @param action what to do
 */
public record Step(int index, Duration at, Action action) {
    /** This step in scenario syntax (kind, at in ms, the action's fields): what schedule.json and replay use. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("at", at.toMillis() + "ms");
        map.put("kind", action.kind());
        map.putAll(action.fields());
        return map;
    }
}
