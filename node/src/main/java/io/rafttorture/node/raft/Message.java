package io.rafttorture.node.raft;

import java.util.List;

/**
 * The peer RPCs of Figure 2, as values. Every message names its sender and receiver by node id (1..8) and
 * carries the sender's currentTerm. The wire encoding lives in {@code io.rafttorture.node.wire}.
 */
public sealed interface Message {
    int from();

    int to();

    long term();

    record RequestVote(int from, int to, long term, long lastLogIndex, long lastLogTerm) implements Message {}

    record RequestVoteResponse(int from, int to, long term, boolean granted) implements Message {}

    /**
     * {@code round} numbers the leader's heartbeat rounds; a follower echoes it so the leader can confirm
     * leadership for ReadIndex reads (§6.4 of the Raft thesis) without trusting clocks.
     */
    record AppendEntries(int from, int to, long term, long prevLogIndex, long prevLogTerm, List<Entry> entries,
                         long leaderCommit, long round) implements Message {
        public AppendEntries {
            entries = List.copyOf(entries);
        }
    }

    /**
     * On success {@code matchIndex} is the last index known to match the leader. On a consistency-check failure
     * {@code conflictTerm}/{@code conflictIndex} let the leader skip a whole term per round trip (§5.3's optimisation).
     */
    record AppendEntriesResponse(int from, int to, long term, boolean success, long matchIndex, long conflictIndex,
                                 long conflictTerm, long round) implements Message {}
}
