package io.rafttorture.node.raft;

import java.util.ArrayDeque;

/**
 * What a leader knows about one follower (Figure 2's nextIndex/matchIndex) plus the flow-control state of etcd's
 * Progress: PROBE sends one AppendEntries at a time and waits for its answer (used until the follower's log is
 * known to match); REPLICATE pipelines up to maxInflightAppends batches, advancing nextIndex optimistically.
 */
final class Progress {
    enum State { PROBE, REPLICATE }

    /** One AppendEntries with entries, not yet acknowledged: the last index it carried and when it was sent. */
    record Inflight(long lastIndex, long sentTick) {}

    State state = State.PROBE;
    long nextIndex;
    long matchIndex;
    /** Highest heartbeat round this follower echoed in the current term (ReadIndex confirmation, thesis §6.4). */
    long ackedRound;
    /** The round of the last AppendEntries logged as an event: pipelined batches are logged once per round. */
    long loggedSentRound = -1;
    boolean probeOutstanding;
    long probeSentTick;
    final ArrayDeque<Inflight> inflight = new ArrayDeque<>();

    Progress(long nextIndex) {
        this.nextIndex = nextIndex;
    }

    void becomeProbe() {
        state = State.PROBE;
        nextIndex = Math.max(nextIndex, matchIndex + 1);
        probeOutstanding = false;
        inflight.clear();
    }

    void becomeReplicate() {
        state = State.REPLICATE;
        nextIndex = matchIndex + 1;
        probeOutstanding = false;
        inflight.clear();
    }

    /** Records an acknowledged match; returns true if matchIndex advanced. */
    boolean maybeUpdate(long match) {
        while (!inflight.isEmpty() && inflight.peekFirst().lastIndex() <= match) inflight.pollFirst();
        if (match <= matchIndex) return false;
        matchIndex = match;
        nextIndex = Math.max(nextIndex, match + 1);
        return true;
    }
}
