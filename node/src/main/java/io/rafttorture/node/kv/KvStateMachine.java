package io.rafttorture.node.kv;

import io.rafttorture.node.kv.ClientResponse.Status;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The replicated key-value map that committed commands are applied to, in log order. Applies each
 * (clientId, seq) at most once: it keeps, per client, the last applied seq and its result, answers a repeat of that
 * seq with the stored result, and refuses an older seq (it may already have applied) with {@link Status#TIMEOUT}.
 * Deterministic: the same commands in the same order give the same map and results on every replica.
 */
public final class KvStateMachine {
    /**
     * What applying a command did: OK, or CAS_MISMATCH with the current value, or TIMEOUT (value null) for a command
     * older than its client's last applied seq, which is not applied now (an earlier copy of it may have been).
     */
    public record Result(Status status, String value) {}

    private record Session(long lastSeq, Result result) {}

    private final Map<String, String> data = new HashMap<>();
    private final Map<Long, Session> sessions = new HashMap<>();

    /** Applies a committed WRITE or CAS (at most once per clientId and seq) and returns its result. */
    public Result apply(ClientRequest command) {
        Session session = sessions.get(command.clientId());
        if (session != null && command.seq() == session.lastSeq()) return session.result();
        if (session != null && command.seq() < session.lastSeq()) {
            return new Result(Status.TIMEOUT, null);
        }
        Result result = evaluate(command);
        if (result.status() == Status.OK) data.put(command.key(), command.value());
        sessions.put(command.clientId(), new Session(command.seq(), result));
        return result;
    }

    /** What {@link #apply} would answer for a fresh command against the current state, without changing it. */
    public Result evaluate(ClientRequest command) {
        if (command.op() == ClientRequest.Op.CAS && !Objects.equals(data.get(command.key()), command.expected())) {
            return new Result(Status.CAS_MISMATCH, data.get(command.key()));
        }
        return new Result(Status.OK, null);
    }

    /** The value of {@code key}, or null when absent. */
    public String get(String key) {
        return data.get(key);
    }

    /** Number of keys present. */
    public int size() {
        return data.size();
    }
}
