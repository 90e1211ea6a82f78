package io.rafttorture.node.raft;

/** The state Raft must persist before answering any RPC (§5.2, Figure 2): currentTerm and votedFor (0 = none). */
public record HardState(long term, int votedFor) {
    public static final HardState INITIAL = new HardState(0, 0);
}
