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

    /**
     * An answer names the request it answers by that request's term ({@code requestTerm}), beside its own
     * {@code term}, the responder's currentTerm. The two differ when a node refuses a request of an older term:
     * it answers with its own term so the sender steps down (§5.1), and if the sender has meanwhile been elected
     * in exactly that term, only requestTerm tells it that the answer is not about anything it asked as leader.
     */
    sealed interface Response extends Message {
        long requestTerm();
    }

    record RequestVote(int from, int to, long term, long lastLogIndex, long lastLogTerm) implements Message {}

    record RequestVoteResponse(int from, int to, long term, long requestTerm, boolean granted) implements Response {}

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
     * {@code requestTerm} and {@code round} together name the AppendEntries answered (rounds restart every term).
     */
    record AppendEntriesResponse(int from, int to, long term, long requestTerm, boolean success, long matchIndex,
                                 long conflictIndex, long conflictTerm, long round) implements Response {}
}
