package io.rafttorture.node.raft;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Deliberate, flag-selected deviations from correct Raft, so the harness can prove it catches them (node/BUGS.md). */
public enum Bug {
    NONE("none"),
    /** Any node answers reads from its local state. */
    STALE_READ("stale-read"),
    /** The leader answers reads locally without confirming it is still leader. */
    LEADER_READ_NO_QUORUM("leader-read-no-quorum"),
    /** The leader acknowledges a write once it is in its own log, before commit. */
    EARLY_ACK("early-ack"),
    /** votedFor is not persisted, so a restarted node can vote twice in one term. */
    FORGET_VOTE("forget-vote"),
    /** A follower appends without deleting conflicting entries. */
    SKIP_TRUNCATE("skip-truncate");

    private final String flag;

    Bug(String flag) {
        this.flag = flag;
    }

    public String flag() {
        return flag;
    }

    public static Bug fromFlag(String flag) {
        for (Bug b : values()) if (b.flag.equals(flag)) return b;
        throw new IllegalArgumentException("unknown bug '" + flag + "'; known: "
                + Arrays.stream(values()).map(Bug::flag).collect(Collectors.joining(", ")));
    }
}
