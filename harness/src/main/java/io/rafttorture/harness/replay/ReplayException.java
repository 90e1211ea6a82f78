package io.rafttorture.harness.replay;

/**
 * A run folder that cannot be replayed (missing or malformed test.json, schedule.json or results.json), or a replay
 * that cannot be set up. The message is one line naming the file and the field, e.g. {@code
 * results/kv-none/20261123-010203/test.json: seed: expected a whole number, got "x"}.
 */
public final class ReplayException extends RuntimeException {
    public ReplayException(String message) {
        super(message);
    }
}
