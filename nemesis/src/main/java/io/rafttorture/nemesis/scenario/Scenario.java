package io.rafttorture.nemesis.scenario;

import java.util.List;

/**
 * A parsed, validated scenario file.
 *
 * @param name        the file's {@code name}, or its file name without extension
 * @param description the file's {@code description} (may be empty)
 * @param source      where it was read from, as given (for messages and test.json)
 * @param steps       in file order; each step's {@code at} is at or after the previous one's
 */
public record Scenario(String name, String description, String source, List<Step> steps) {
    public Scenario {
        steps = List.copyOf(steps);
    }

    /** The highest node id the steps name explicitly (0 when none): the cluster must have at least this many. */
    public int maxNodeId() {
        return steps.stream().mapToInt(step -> step.action().maxNodeId()).max().orElse(0);
    }
}
