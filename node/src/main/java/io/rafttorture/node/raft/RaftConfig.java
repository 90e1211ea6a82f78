package io.rafttorture.node.raft;

import java.util.HashSet;
import java.util.List;

/**
 * Everything one node's Raft core is tuned by. Times are in milliseconds; the core counts them in ticks of
 * {@code tickMs} (rounded down, at least one tick each).
 *
 * <ul>
 *   <li>{@code id}: this node (1..8); {@code members}: every node id of the cluster including {@code id};</li>
 *   <li>{@code heartbeatMs}: a leader's AppendEntries period (§5.2);</li>
 *   <li>{@code electionMinMs}..{@code electionMaxMs}: the randomized election timeout range (§5.2);</li>
 *   <li>{@code rpcTimeoutMs}: after this long without an answer, a leader re-sends AppendEntries (falling back
 *       to probing) and a candidate re-sends RequestVote;</li>
 *   <li>{@code requestTimeoutMs}: a client request not answered by then gets TIMEOUT or UNAVAILABLE;</li>
 *   <li>{@code seed}: the only source of randomness (with {@code id}), so every schedule replays exactly;</li>
 *   <li>{@code bug}: a deliberate deviation (node/BUGS.md), {@link Bug#NONE} for correct Raft;</li>
 *   <li>{@code maxEntriesPerAppend}, {@code maxInflightAppends}: batching and pipelining per follower.</li>
 * </ul>
 * The compact constructor rejects inconsistent values with an {@link IllegalArgumentException} naming the field.
 */
public record RaftConfig(int id, List<Integer> members, int tickMs, int heartbeatMs, int electionMinMs,
                         int electionMaxMs, int rpcTimeoutMs, int requestTimeoutMs, long seed, Bug bug,
                         int maxEntriesPerAppend, int maxInflightAppends) {

    public static final int MAX_MEMBERS = 8;

    public RaftConfig {
        members = List.copyOf(members);
        validateMembers(id, members);
        positive("tickMs", tickMs);
        atLeast("heartbeatMs", heartbeatMs, "tickMs", tickMs);
        if (electionMinMs <= heartbeatMs) {
            throw new IllegalArgumentException("electionMinMs (" + electionMinMs
                    + ") must be greater than heartbeatMs (" + heartbeatMs + ")");
        }
        atLeast("electionMaxMs", electionMaxMs, "electionMinMs", electionMinMs);
        atLeast("rpcTimeoutMs", rpcTimeoutMs, "tickMs", tickMs);
        atLeast("requestTimeoutMs", requestTimeoutMs, "tickMs", tickMs);
        if (bug == null) throw new IllegalArgumentException("bug must not be null (use Bug.NONE)");
        positive("maxEntriesPerAppend", maxEntriesPerAppend);
        positive("maxInflightAppends", maxInflightAppends);
    }

    /**
     * Tick 10 ms, heartbeat 50, election 150-300, rpc timeout 100, request timeout 1000, seed 0, Bug.NONE, and
     * up to 4 AppendEntries of up to 64 entries in flight per follower.
     */
    public static RaftConfig defaults(int id, List<Integer> members) {
        return new RaftConfig(id, members, 10, 50, 150, 300, 100, 1000, 0L, Bug.NONE, 64, 4);
    }

    public RaftConfig withTickMs(int ms) {
        return new RaftConfig(id, members, ms, heartbeatMs, electionMinMs, electionMaxMs, rpcTimeoutMs,
                requestTimeoutMs, seed, bug, maxEntriesPerAppend, maxInflightAppends);
    }

    public RaftConfig withHeartbeatMs(int ms) {
        return new RaftConfig(id, members, tickMs, ms, electionMinMs, electionMaxMs, rpcTimeoutMs,
                requestTimeoutMs, seed, bug, maxEntriesPerAppend, maxInflightAppends);
    }

    public RaftConfig withElectionMs(int minMs, int maxMs) {
        return new RaftConfig(id, members, tickMs, heartbeatMs, minMs, maxMs, rpcTimeoutMs,
                requestTimeoutMs, seed, bug, maxEntriesPerAppend, maxInflightAppends);
    }

    public RaftConfig withRpcTimeoutMs(int ms) {
        return new RaftConfig(id, members, tickMs, heartbeatMs, electionMinMs, electionMaxMs, ms,
                requestTimeoutMs, seed, bug, maxEntriesPerAppend, maxInflightAppends);
    }

    public RaftConfig withRequestTimeoutMs(int ms) {
        return new RaftConfig(id, members, tickMs, heartbeatMs, electionMinMs, electionMaxMs, rpcTimeoutMs,
                ms, seed, bug, maxEntriesPerAppend, maxInflightAppends);
    }

    public RaftConfig withSeed(long newSeed) {
        return new RaftConfig(id, members, tickMs, heartbeatMs, electionMinMs, electionMaxMs, rpcTimeoutMs,
                requestTimeoutMs, newSeed, bug, maxEntriesPerAppend, maxInflightAppends);
    }

    public RaftConfig withBug(Bug newBug) {
        return new RaftConfig(id, members, tickMs, heartbeatMs, electionMinMs, electionMaxMs, rpcTimeoutMs,
                requestTimeoutMs, seed, newBug, maxEntriesPerAppend, maxInflightAppends);
    }

    public RaftConfig withBatching(int entriesPerAppend, int inflightAppends) {
        return new RaftConfig(id, members, tickMs, heartbeatMs, electionMinMs, electionMaxMs, rpcTimeoutMs,
                requestTimeoutMs, seed, bug, entriesPerAppend, inflightAppends);
    }

    /** Votes (or matching logs) needed to win an election or commit: a strict majority of members. */
    public int quorum() {
        return members.size() / 2 + 1;
    }

    /** {@code ms} as a whole number of ticks, at least 1. */
    public int ticks(int ms) {
        return Math.max(1, ms / tickMs);
    }

    private static void validateMembers(int id, List<Integer> members) {
        if (members.isEmpty() || members.size() > MAX_MEMBERS) {
            throw new IllegalArgumentException("members must list 1.." + MAX_MEMBERS + " node ids, got " + members);
        }
        if (new HashSet<>(members).size() != members.size()) {
            throw new IllegalArgumentException("members must not repeat an id, got " + members);
        }
        for (int m : members) {
            if (m < 1 || m > MAX_MEMBERS) {
                throw new IllegalArgumentException("member id " + m + " is outside 1.." + MAX_MEMBERS);
            }
        }
        if (!members.contains(id)) {
            throw new IllegalArgumentException("id " + id + " is not among members " + members);
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }

    private static void atLeast(String name, int value, String otherName, int other) {
        if (value < other) {
            throw new IllegalArgumentException(name + " (" + value + ") must be at least " + otherName
                    + " (" + other + ")");
        }
    }
}
