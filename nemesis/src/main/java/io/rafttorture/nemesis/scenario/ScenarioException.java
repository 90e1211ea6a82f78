package io.rafttorture.nemesis.scenario;

/**
 * A scenario file that cannot be used. The message is one line a user can act on:
 * {@code FILE:LINE:COLUMN: FIELD: PROBLEM}, e.g. {@code scenarios/x.yaml:7:5: steps[2].target: unknown target
 * "leeder" (expected leader, followers, random-node, all or node ids)}.
 */
public final class ScenarioException extends IllegalArgumentException {
    public ScenarioException(String message) {
        super(message);
    }
}
