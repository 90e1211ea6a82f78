package io.rafttorture.workloads.client;

import io.rafttorture.results.history.Op;

/**
 * How one operation ended: {@code type} ok, fail or info; {@code value} what the history records (the value read,
 * else the invoke's value); {@code error} a short reason for fail and info (e.g. "not-leader", "timeout"), else
 * null.
 */
public record Completion(Op.Type type, Object value, String error) {
    public Completion {
        if (type == Op.Type.INVOKE) throw new IllegalArgumentException("a completion cannot be an invoke");
    }
}
