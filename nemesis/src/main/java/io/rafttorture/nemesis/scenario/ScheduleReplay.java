package io.rafttorture.nemesis.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recorded schedule turned back into a scenario that repeats it: every step that did something becomes a step at
 * its original {@code planned-at-ms} offset with its resolved targets made explicit (node ids, grudges), so a replay
 * hits the same nodes; waits and sleeps replay as written. A step planned at the same time as the previous one (a
 * step without {@code at} after a wait) again starts when the previous one ends. Steps that did nothing (skipped,
 * error, interrupted) are left out and listed in {@link #notReplayed()}.
 *
 * @param name        the scenario's name
 * @param description the scenario's description (what it replays)
 * @param steps       the scenario's steps, indexed from 0 in order
 * @param origins     for each step, the {@code index} of the schedule.json entry it repeats
 * @param notReplayed the entries left out, with the reason
 */
public record ScheduleReplay(String name, String description, List<Step> steps, List<Integer> origins,
                             List<NotReplayed> notReplayed) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A schedule.json entry the replay leaves out. */
    public record NotReplayed(int index, String kind, String reason) {
    }

    public ScheduleReplay {
        steps = List.copyOf(steps);
        origins = List.copyOf(origins);
        notReplayed = List.copyOf(notReplayed);
    }

    /** The scenario repeating {@code schedule}, called {@code name}. */
    public static ScheduleReplay of(RecordedSchedule schedule, String name, String description) {
        List<Step> steps = new ArrayList<>();
        List<Integer> origins = new ArrayList<>();
        List<NotReplayed> left = new ArrayList<>();
        Duration previous = Duration.ZERO;
        for (RecordedStep recorded : schedule.steps()) {
            if (!recorded.replayable()) {
                left.add(new NotReplayed(recorded.index(), recorded.kind(), recorded.notReplayed()));
                continue;
            }
            // Whole ms, as scenario files write times; never before the previous step (steps run in order).
            Duration at = Duration.ofMillis(Math.round(recorded.plannedAtMs()));
            if (at.compareTo(previous) < 0) at = previous;
            steps.add(new Step(steps.size(), at, recorded.action()));
            origins.add(recorded.index());
            previous = at;
        }
        return new ScheduleReplay(name, description, steps, origins, left);
    }

    /** True when nothing is left to replay (a run without faults): the replay runs without a nemesis. */
    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** The scenario file's content: name, description and steps in scenario syntax. */
    public Map<String, Object> toScenarioMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("description", description);
        map.put("steps", steps.stream().map(Step::toMap).toList());
        return map;
    }

    /** {@link #toScenarioMap()} as JSON text, which {@link ScenarioReader} reads back to the same steps. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(toScenarioMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scenario map is always JSON", e);
        }
    }
}
