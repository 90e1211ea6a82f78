package io.rafttorture.workloads.client;

import io.rafttorture.node.kv.ClientResponse;
import io.rafttorture.results.history.Op;
import io.rafttorture.workloads.generator.Invocation;

import java.util.Locale;

/**
 * What a client may conclude from each answer (shared/docs/faults.md): nothing sent → fail; a definite failure
 * status (cas mismatch, not leader, unavailable, bad request) → fail; the node's TIMEOUT status, a lost connection
 * or no answer after the request was written → info; OK → ok with the value read (a read) or the invoke's value.
 * A NOT_LEADER answer is a fail and is not followed: the process stays pinned to its node.
 */
public final class Outcomes {
    private Outcomes() {
    }

    public static Completion of(Invocation op, ClientResponse response) {
        return switch (response.status()) {
            case OK -> new Completion(Op.Type.OK, op.f().equals(Invocation.READ)
                    ? op.historyValue(parseValue(response.value())) : op.historyValue(), null);
            case TIMEOUT -> new Completion(Op.Type.INFO, op.historyValue(), "timeout");
            default -> new Completion(Op.Type.FAIL, op.historyValue(), errorName(response.status()));
        };
    }

    /** The request was never written. */
    public static Completion notSent(Invocation op) {
        return new Completion(Op.Type.FAIL, op.historyValue(), "not-sent");
    }

    /** The request was written but no answer came (timeout or connection lost). */
    public static Completion indeterminate(Invocation op) {
        return new Completion(Op.Type.INFO, op.historyValue(), "indeterminate");
    }

    /** The node stores decimal text; the history holds longs (null for an absent key). */
    static Long parseValue(String stored) {
        if (stored == null) return null;
        try {
            return Long.parseLong(stored);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("the node returned \"" + stored + "\", which this workload never wrote", e);
        }
    }

    private static String errorName(ClientResponse.Status status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
