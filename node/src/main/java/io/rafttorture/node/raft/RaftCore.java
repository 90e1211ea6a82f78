package io.rafttorture.node.raft;

import io.rafttorture.node.raft.Message.AppendEntries;
import io.rafttorture.node.raft.Message.AppendEntriesResponse;
import io.rafttorture.node.raft.Message.RequestVote;
import io.rafttorture.node.raft.Message.RequestVoteResponse;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The Raft consensus algorithm (Figure 2 of the Raft paper) as a pure state machine, shaped like etcd's RawNode:
 * inputs are {@link #tick()}, {@link #step(Message)}, {@link #propose(byte[])} and {@link #requestRead(long)};
 * outputs are {@link #takeMessages()}, {@link #takeReadStates()}, the log's unstable entries, the hard state and
 * commitIndex. No threads, sockets, files or clocks: time is the tick count, chance a seeded SplittableRandom.
 *
 * <p>The caller must persist the hard state and unstable entries before sending the messages taken after them.
 * Messages may be lost, duplicated or reordered; nothing here assumes delivery.
 *
 * <p>This class is longer than the others because it is the whole of Figure 2; each handler stays short.
 */
public final class RaftCore {
    private record PendingRead(long readId, long readIndex, long round) {}

    private final RaftConfig config;
    private final int id;
    private final List<Integer> peers;
    private final SplittableRandom random;
    private final EventSink events;
    private final RaftLog log;
    private final int heartbeatTicks;
    private final int rpcTimeoutTicks;

    private long term;
    private int votedFor;
    private Role role = Role.FOLLOWER;
    private int leader;
    private long commitIndex;
    private long now;
    private int electionElapsed;
    private int electionTimeout;
    private int heartbeatElapsed;

    private final Set<Integer> votesGranted = new HashSet<>();
    private final Map<Integer, Long> voteSentTick = new HashMap<>();
    private final Map<Integer, Progress> progress = new TreeMap<>();
    private long round;
    private final List<Long> waitingReads = new ArrayList<>();
    private final ArrayDeque<PendingRead> registeredReads = new ArrayDeque<>();
    private final List<ReadState> readStates = new ArrayList<>();
    private final List<Message> outbox = new ArrayList<>();
    /** Lowest index appended or rewritten since the last flushEvents(), 0 if none. */
    private long appendedFrom;
    private long reportedCommitIndex;
    /** A follower logs successful AppendEntries once per leader round: the last (term, round) logged. */
    private long loggedHandledTerm;
    private long loggedHandledRound = -1;

    /** Recovers a node from its persisted hard state and log (§5.2: currentTerm, votedFor and log[] survive). */
    public RaftCore(RaftConfig config, HardState hardState, List<Entry> storedLog, EventSink events) {
        this.config = config;
        this.id = config.id();
        this.peers = config.members().stream().filter(m -> m != config.id()).sorted().toList();
        this.random = new SplittableRandom(config.seed() + config.id());
        this.events = events;
        this.log = new RaftLog(storedLog);
        this.heartbeatTicks = config.ticks(config.heartbeatMs());
        this.rpcTimeoutTicks = config.ticks(config.rpcTimeoutMs());
        this.term = hardState.term();
        this.votedFor = hardState.votedFor();
        resetElectionTimer();
    }

    // ---- inputs ----

    /** Advances logical time by one tick: election timeout (§5.2), heartbeats, RPC re-sends. */
    public void tick() {
        now++;
        flushEvents();
        if (role == Role.LEADER) {
            tickLeader();
        } else {
            tickElection();
        }
    }

    /** Handles one peer message. Any message with a higher term first turns this node into a follower (§5.1). */
    public void step(Message m) {
        if (m.to() != id || !peers.contains(m.from())) {
            events.emit("message-ignored", "from", m.from(), "to", m.to(), "reason", "not addressed to a peer pair");
            return;
        }
        if (m.term() > term) {
            becomeFollower(m.term(), m instanceof AppendEntries ? m.from() : 0);
        } else if (m.term() < term) {
            rejectStale(m);
            return;
        }
        if (m instanceof Message.Response r && r.requestTerm() != term) {
            ignoreEarlierTermAnswer(r);
            return;
        }
        if (m instanceof RequestVote rv) {
            handleRequestVote(rv);
        } else if (m instanceof RequestVoteResponse r) {
            // A voter answers only after persisting its vote, so this is evidence the vote is durable (also when
            // it arrives after the election is decided).
            events.emit("vote-answered", "from", r.from(), "term", term, "granted", r.granted());
            if (role == Role.CANDIDATE) handleVoteResponse(r);
        } else if (m instanceof AppendEntries ae) {
            handleAppendEntries(ae);
        } else if (m instanceof AppendEntriesResponse r) {
            if (role == Role.LEADER) handleAppendResponse(r);
        }
    }

    /** Appends a client command if leader (§5.3); returns its index, or 0 when this node is not the leader. */
    public long propose(byte[] command) {
        if (role != Role.LEADER) return 0;
        long index = appendLocal(new Entry(log.lastIndex() + 1, term, Entry.COMMAND, command));
        for (int peer : peers) sendAppends(peer);
        maybeCommit();
        return index;
    }

    /**
     * Queues a linearizable read (thesis §6.4); returns false when not leader. Once this leader has committed an
     * entry of its term and a heartbeat round started after the read was queued is acknowledged by a majority, a
     * {@link ReadState} with readIndex = commitIndex at the round's start appears in {@link #takeReadStates()}.
     */
    public boolean requestRead(long readId) {
        if (role != Role.LEADER) return false;
        waitingReads.add(readId);
        maybeStartReadRound();
        return true;
    }

    // ---- outputs ----

    public List<Message> takeMessages() {
        List<Message> out = List.copyOf(outbox);
        outbox.clear();
        return out;
    }

    public List<ReadState> takeReadStates() {
        List<ReadState> out = List.copyOf(readStates);
        readStates.clear();
        return out;
    }

    /**
     * Emits the appended and committed ranges since the last flush as one event each. Called on every tick, so
     * at high write rates the event volume stays at a few lines per tick instead of lines per entry.
     */
    public void flushEvents() {
        if (appendedFrom > 0 && appendedFrom <= log.lastIndex()) {
            // The terms at both ends let an observer see the log's shape (terms never decrease along it, §5.3).
            events.emit("entries-appended", "first", appendedFrom, "last", log.lastIndex(), "term", term,
                    "firstTerm", log.term(appendedFrom), "lastTerm", log.lastTerm());
        }
        if (commitIndex > reportedCommitIndex) {
            events.emit("entries-committed", "first", reportedCommitIndex + 1, "last", commitIndex, "term", term);
        }
        appendedFrom = 0;
        reportedCommitIndex = commitIndex;
    }

    public HardState hardState() {
        return new HardState(term, votedFor);
    }

    public RaftLog log() {
        return log;
    }

    public Role role() {
        return role;
    }

    public long term() {
        return term;
    }

    public int votedFor() {
        return votedFor;
    }

    /** The leader this node currently follows (itself when leader), 0 if unknown. */
    public int leader() {
        return leader;
    }

    public long commitIndex() {
        return commitIndex;
    }

    public RaftConfig config() {
        return config;
    }

    /** True once this leader has committed an entry of its own term, the precondition of ReadIndex (§6.4). */
    public boolean committedInTerm() {
        return role == Role.LEADER && log.term(commitIndex) == term;
    }

    // ---- timers ----

    private void tickElection() {
        electionElapsed++;
        if (electionElapsed >= electionTimeout) {
            campaign();
        } else if (role == Role.CANDIDATE) {
            resendVoteRequests();
        }
    }

    private void tickLeader() {
        heartbeatElapsed++;
        if (heartbeatElapsed >= heartbeatTicks) {
            broadcastRound();
        }
        for (int peer : peers) maybeResendAppends(peer);
    }

    private void resetElectionTimer() {
        electionElapsed = 0;
        int min = config.ticks(config.electionMinMs());
        int max = Math.max(min, config.ticks(config.electionMaxMs()));
        electionTimeout = min + random.nextInt(max - min + 1);
    }

    // ---- role transitions ----

    private void becomeFollower(long newTerm, int newLeader) {
        if (newTerm > term) {
            events.emit("term-changed", "from", term, "to", newTerm);
            term = newTerm;
            votedFor = 0;
        }
        Role old = role;
        role = Role.FOLLOWER;
        if (old != Role.FOLLOWER || newLeader != leader) {
            events.emit("role-changed", "term", term, "role", "FOLLOWER", "leader", newLeader);
        }
        leader = newLeader;
        // Figure 2: only AppendEntries from the leader or a granted vote restart a running election timer, so a
        // stale candidate bumping terms cannot postpone elections forever; a former leader starts a fresh one.
        if (old == Role.LEADER) resetElectionTimer();
        clearLeaderState();
    }

    /** §5.2: increment currentTerm, vote for self, reset the election timer, send RequestVote to all others. */
    private void campaign() {
        term++;
        votedFor = id;
        role = Role.CANDIDATE;
        leader = 0;
        resetElectionTimer();
        clearLeaderState();
        votesGranted.clear();
        votesGranted.add(id);
        voteSentTick.clear();
        events.emit("election-started", "term", term, "lastLogIndex", log.lastIndex(), "lastLogTerm", log.lastTerm());
        events.emit("role-changed", "term", term, "role", "CANDIDATE", "leader", 0);
        if (votesGranted.size() >= config.quorum()) {
            becomeLeader();
            return;
        }
        for (int peer : peers) sendRequestVote(peer);
    }

    /** §5.2 and §8: a new leader resets nextIndex/matchIndex and appends a no-op of its term. */
    private void becomeLeader() {
        role = Role.LEADER;
        leader = id;
        heartbeatElapsed = 0;
        clearLeaderState();
        for (int peer : peers) progress.put(peer, new Progress(log.lastIndex() + 1));
        events.emit("election-won", "term", term, "votes", votesGranted.size());
        events.emit("role-changed", "term", term, "role", "LEADER", "leader", id);
        appendLocal(Entry.noop(log.lastIndex() + 1, term));
        broadcastRound();
        maybeCommit();
    }

    private void clearLeaderState() {
        progress.clear();
        waitingReads.clear();
        registeredReads.clear();
        round = 0;
    }

    // ---- RequestVote (§5.2, §5.4.1) ----

    private void sendRequestVote(int peer) {
        voteSentTick.put(peer, now);
        outbox.add(new RequestVote(id, peer, term, log.lastIndex(), log.lastTerm()));
        events.emit("vote-requested", "to", peer, "term", term);
    }

    private void resendVoteRequests() {
        for (int peer : peers) {
            Long sent = voteSentTick.get(peer);
            if (sent != null && now - sent >= rpcTimeoutTicks) sendRequestVote(peer);
        }
    }

    private void handleRequestVote(RequestVote rv) {
        String refusal = voteRefusal(rv);
        if (refusal == null) {
            votedFor = rv.from();
            resetElectionTimer();
            events.emit("vote-granted", "term", term, "candidate", rv.from());
        } else {
            events.emit("vote-refused", "term", term, "candidate", rv.from(), "reason", refusal);
        }
        outbox.add(new RequestVoteResponse(id, rv.from(), term, rv.term(), refusal == null));
    }

    /** Why this node must not vote for the candidate, or null to grant (§5.2 one vote per term, §5.4.1). */
    private String voteRefusal(RequestVote rv) {
        if (votedFor != 0 && votedFor != rv.from()) return "already voted for " + votedFor;
        if (!log.isUpToDate(rv.lastLogIndex(), rv.lastLogTerm())) {
            return "candidate log (" + rv.lastLogIndex() + "@" + rv.lastLogTerm() + ") is behind ours ("
                    + log.lastIndex() + "@" + log.lastTerm() + ")";
        }
        return null;
    }

    private void handleVoteResponse(RequestVoteResponse r) {
        voteSentTick.remove(r.from());
        if (!r.granted()) return;
        votesGranted.add(r.from());
        if (votesGranted.size() >= config.quorum()) becomeLeader();
    }

    private void rejectStale(Message m) {
        if (m instanceof RequestVote rv) {
            events.emit("vote-refused", "term", term, "candidate", rv.from(), "reason", "stale term " + rv.term());
            outbox.add(new RequestVoteResponse(id, rv.from(), term, rv.term(), false));
        } else if (m instanceof AppendEntries ae) {
            events.emit("append-handled", "from", ae.from(), "to", id, "term", ae.term(), "prevLogIndex",
                    ae.prevLogIndex(), "entries", ae.entries().size(), "leaderCommit", ae.leaderCommit(),
                    "success", false, "reason", "stale term");
            outbox.add(new AppendEntriesResponse(id, ae.from(), term, ae.term(), false, 0, 0, 0, ae.round()));
        }
    }

    /**
     * An answer, in this term, to a request of an earlier one: a node refused an old request (delivered late, e.g.
     * from a queue built up while it was down) after it moved on to the term this node now holds. It answers
     * nothing asked in this term, so it must not count as a vote, a match, or an acknowledgement of a ReadIndex
     * round: rounds restart every term, and an old round can be far ahead of this term's.
     */
    private void ignoreEarlierTermAnswer(Message.Response r) {
        long round = r instanceof AppendEntriesResponse a ? a.round() : 0;
        events.emit("message-ignored", "from", r.from(), "to", id, "term", term, "requestTerm", r.requestTerm(),
                "round", round, "reason", "answers a request of term " + r.requestTerm());
    }

    // ---- AppendEntries, follower side (§5.3) ----

    private void handleAppendEntries(AppendEntries ae) {
        if (role != Role.FOLLOWER || leader != ae.from()) becomeFollower(term, ae.from());
        electionElapsed = 0;
        String rejection = appendRejection(ae);
        if (rejection != null) {
            rejectAppend(ae, rejection);
            return;
        }
        long lastNew = appendFrom(ae);
        long newCommit = Math.min(ae.leaderCommit(), lastNew);
        if (newCommit > commitIndex) setCommitIndex(newCommit);
        emitAppendHandled(ae, true, "");
        outbox.add(new AppendEntriesResponse(id, ae.from(), term, ae.term(), true, lastNew, 0, 0, ae.round()));
    }

    /** Null when the consistency check passes, else why (§5.3). */
    private String appendRejection(AppendEntries ae) {
        for (int i = 0; i < ae.entries().size(); i++) {
            if (ae.entries().get(i).index() != ae.prevLogIndex() + 1 + i) return "entries are not contiguous";
        }
        if (ae.prevLogIndex() > log.lastIndex()) return "log too short";
        if (log.term(ae.prevLogIndex()) != ae.prevLogTerm()) return "term mismatch at prevLogIndex";
        return null;
    }

    /** Rejects with a hint so the leader can skip a whole conflicting term per round trip (§5.3's optimisation). */
    private void rejectAppend(AppendEntries ae, String reason) {
        long conflictIndex;
        long conflictTerm;
        if (ae.prevLogIndex() > log.lastIndex()) {
            conflictIndex = log.lastIndex() + 1;
            conflictTerm = 0;
        } else {
            conflictTerm = log.term(ae.prevLogIndex());
            conflictIndex = log.firstIndexOfTerm(ae.prevLogIndex());
        }
        emitAppendHandled(ae, false, reason);
        outbox.add(new AppendEntriesResponse(id, ae.from(), term, ae.term(), false, 0, conflictIndex, conflictTerm,
                ae.round()));
    }

    /**
     * Appends the entries not already present; an existing entry with a different term is deleted with all that
     * follow it (§5.3, Figure 2 step 3). Matching entries are kept, so a duplicated or reordered old
     * AppendEntries never shortens a longer matching log. Returns the index of the last new entry.
     */
    private long appendFrom(AppendEntries ae) {
        for (Entry e : ae.entries()) {
            if (e.index() <= log.lastIndex()) {
                if (log.term(e.index()) == e.term()) continue;
                if (e.index() <= commitIndex) {
                    events.emit("committed-entry-conflict", "index", e.index(), "term", log.term(e.index()),
                            "newTerm", e.term());
                }
                if (config.bug() == Bug.SKIP_TRUNCATE) {
                    log.overwrite(e); // BUG skip-truncate: keeps the stale suffix after the new entry
                    noteAppended(e.index());
                    continue;
                }
                events.emit("entries-truncated", "from", e.index(), "last", log.lastIndex());
                log.truncateFrom(e.index());
            }
            appendLocal(e);
        }
        return ae.prevLogIndex() + ae.entries().size();
    }

    private void emitAppendHandled(AppendEntries ae, boolean success, String reason) {
        if (success && ae.term() == loggedHandledTerm && ae.round() == loggedHandledRound) return;
        loggedHandledTerm = ae.term();
        loggedHandledRound = ae.round();
        events.emit("append-handled", "from", ae.from(), "to", id, "term", ae.term(), "prevLogIndex",
                ae.prevLogIndex(), "entries", ae.entries().size(), "leaderCommit", ae.leaderCommit(),
                "success", success, "reason", reason);
    }

    // ---- AppendEntries, leader side (§5.3, §5.4.2) ----

    /** Starts a heartbeat round (numbered, for ReadIndex): a probe or an empty AppendEntries to every follower. */
    private void broadcastRound() {
        heartbeatElapsed = 0;
        round++;
        registerWaitingReads();
        for (int peer : peers) {
            Progress pr = progress.get(peer);
            if (pr.state == Progress.State.PROBE && !pr.probeOutstanding) {
                sendProbe(peer, pr);
            } else {
                sendAppendEntries(peer, pr.matchIndex, List.of());
            }
        }
        confirmReads();
    }

    /** Sends what the follower's flow-control state allows: one probe, or batches up to maxInflightAppends. */
    private void sendAppends(int peer) {
        Progress pr = progress.get(peer);
        if (pr.state == Progress.State.PROBE) {
            if (!pr.probeOutstanding) sendProbe(peer, pr);
            return;
        }
        while (pr.inflight.size() < config.maxInflightAppends() && pr.nextIndex <= log.lastIndex()) {
            List<Entry> batch = log.slice(pr.nextIndex, pr.nextIndex + config.maxEntriesPerAppend() - 1);
            sendAppendEntries(peer, pr.nextIndex - 1, batch);
            long last = batch.get(batch.size() - 1).index();
            pr.inflight.addLast(new Progress.Inflight(last, now));
            pr.nextIndex = last + 1;
        }
    }

    private void sendProbe(int peer, Progress pr) {
        List<Entry> batch = log.slice(pr.nextIndex, pr.nextIndex + config.maxEntriesPerAppend() - 1);
        sendAppendEntries(peer, pr.nextIndex - 1, batch);
        pr.probeOutstanding = true;
        pr.probeSentTick = now;
    }

    private void sendAppendEntries(int peer, long prevLogIndex, List<Entry> entries) {
        outbox.add(new AppendEntries(id, peer, term, prevLogIndex, log.term(prevLogIndex), entries, commitIndex,
                round));
        Progress pr = progress.get(peer);
        if (pr.state == Progress.State.REPLICATE && pr.loggedSentRound == round) return; // pipelined batch
        pr.loggedSentRound = round;
        events.emit("append-sent", "from", id, "to", peer, "term", term, "prevLogIndex", prevLogIndex,
                "entries", entries.size(), "leaderCommit", commitIndex, "round", round);
    }

    /** A follower that has not answered within rpcTimeout falls back to probing from matchIndex + 1. */
    private void maybeResendAppends(int peer) {
        Progress pr = progress.get(peer);
        boolean replicateTimedOut = pr.state == Progress.State.REPLICATE && !pr.inflight.isEmpty()
                && now - pr.inflight.peekFirst().sentTick() >= rpcTimeoutTicks;
        boolean probeTimedOut = pr.state == Progress.State.PROBE && pr.probeOutstanding
                && now - pr.probeSentTick >= rpcTimeoutTicks;
        if (replicateTimedOut || probeTimedOut) {
            events.emit("rpc-timeout", "to", peer, "term", term, "matchIndex", pr.matchIndex);
            pr.nextIndex = pr.matchIndex + 1;
            pr.becomeProbe();
            sendProbe(peer, pr);
        }
    }

    private void handleAppendResponse(AppendEntriesResponse r) {
        Progress pr = progress.get(r.from());
        boolean firstOfRound = r.round() > pr.ackedRound;
        pr.ackedRound = Math.max(pr.ackedRound, r.round());
        if (!r.success() || firstOfRound) {
            events.emit("append-answered", "from", r.from(), "to", id, "term", r.term(), "success", r.success(),
                    "matchIndex", r.matchIndex(), "conflictIndex", r.conflictIndex(), "round", r.round());
        }
        if (r.success()) {
            handleAppendSuccess(r.from(), pr, r);
        } else {
            handleAppendRejection(r.from(), pr, r);
        }
        confirmReads();
    }

    private void handleAppendSuccess(int peer, Progress pr, AppendEntriesResponse r) {
        long match = Math.min(r.matchIndex(), log.lastIndex()); // never trust a peer beyond our own log
        boolean advanced = pr.maybeUpdate(match);
        if (pr.state == Progress.State.PROBE && match >= pr.nextIndex - 1) pr.becomeReplicate();
        if (advanced) maybeCommit();
        sendAppends(peer);
    }

    private void handleAppendRejection(int peer, Progress pr, AppendEntriesResponse r) {
        long next = r.conflictIndex();
        if (r.conflictTerm() != 0) {
            long lastOfTerm = log.lastIndexOfTerm(r.conflictTerm());
            if (lastOfTerm > 0) next = lastOfTerm + 1;
        }
        // Stale: the follower already matches beyond the hint. Judged on the hint, not on conflictIndex: a follower
        // whose old-term run starts below matchIndex still gives a useful hint through the leader's end of that term.
        if (next <= pr.matchIndex) return;
        pr.nextIndex = Math.max(pr.matchIndex + 1, Math.min(next, log.lastIndex() + 1));
        pr.becomeProbe();
        sendProbe(peer, pr);
    }

    /** §5.3/§5.4.2: commit the highest index stored on a majority, but only if it is an entry of this term. */
    private void maybeCommit() {
        long[] matches = new long[peers.size() + 1];
        int i = 0;
        for (Progress pr : progress.values()) matches[i++] = pr.matchIndex;
        matches[i] = log.lastIndex();
        Arrays.sort(matches);
        long majorityMatch = matches[matches.length - config.quorum()];
        if (majorityMatch > commitIndex && log.term(majorityMatch) == term) {
            setCommitIndex(majorityMatch);
            maybeStartReadRound();
        }
    }

    private void setCommitIndex(long index) {
        commitIndex = index;
    }

    // ---- ReadIndex (thesis §6.4) ----

    private void maybeStartReadRound() {
        if (!waitingReads.isEmpty() && committedInTerm() && registeredReads.isEmpty()) broadcastRound();
    }

    private void registerWaitingReads() {
        if (waitingReads.isEmpty() || !committedInTerm()) return;
        for (long readId : waitingReads) registeredReads.addLast(new PendingRead(readId, commitIndex, round));
        waitingReads.clear();
    }

    /** Reads whose round a majority (this leader included) has echoed are confirmed. */
    private void confirmReads() {
        if (registeredReads.isEmpty()) return;
        long[] rounds = new long[peers.size() + 1];
        int i = 0;
        for (Progress pr : progress.values()) rounds[i++] = pr.ackedRound;
        rounds[i] = round;
        Arrays.sort(rounds);
        long confirmed = rounds[rounds.length - config.quorum()];
        while (!registeredReads.isEmpty() && registeredReads.peekFirst().round() <= confirmed) {
            PendingRead read = registeredReads.pollFirst();
            readStates.add(new ReadState(read.readId(), read.readIndex()));
        }
        maybeStartReadRound();
    }

    private long appendLocal(Entry e) {
        log.append(e);
        noteAppended(e.index());
        return e.index();
    }

    private void noteAppended(long index) {
        if (appendedFrom == 0 || index < appendedFrom) appendedFrom = index;
    }
}
