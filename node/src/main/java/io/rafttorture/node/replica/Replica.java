package io.rafttorture.node.replica;

import io.rafttorture.node.kv.ClientRequest;
import io.rafttorture.node.kv.ClientResponse;
import io.rafttorture.node.kv.ClientResponse.Status;
import io.rafttorture.node.kv.Command;
import io.rafttorture.node.kv.KvStateMachine;
import io.rafttorture.node.raft.Bug;
import io.rafttorture.node.raft.Entry;
import io.rafttorture.node.raft.HardState;
import io.rafttorture.node.raft.Message;
import io.rafttorture.node.raft.RaftConfig;
import io.rafttorture.node.raft.RaftCore;
import io.rafttorture.node.raft.ReadState;
import io.rafttorture.node.raft.Role;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One node's whole replicated state machine, pure: the Raft core, the key-value map and the client requests
 * waiting for an answer. No threads, sockets, files or clocks; the event loop feeds it and does its I/O:
 * <pre>
 *   every config.tickMs(): replica.tick();   on a peer message: replica.step(m);   on a client: replica.submit(r);
 *   while (replica.hasReady()) { Ready rd = replica.ready();
 *       persist rd.hardState() and rd.entries(), fsync;   then send rd.messages() and rd.responses();
 *       print rd.events();   replica.advance(rd); }
 * </pre>
 * Client answers (see {@link ClientResponse} for what each status lets a client conclude):
 * <ul>
 *   <li>WRITE/CAS: a leader appends a COMMAND entry ({@link Command}) and answers when it is applied; a
 *       non-leader answers NOT_LEADER with the leader it knows (0 if none).</li>
 *   <li>READ: linearizable through ReadIndex (thesis §6.4): answered once leadership is confirmed and
 *       lastApplied reaches the read index.</li>
 *   <li>STATUS: answered at once with {@link NodeStatus#toJson()}.</li>
 *   <li>Not answered within requestTimeoutMs, or the leader stepped down: writes get TIMEOUT (they may still
 *       commit), reads UNAVAILABLE.</li>
 * </ul>
 */
public final class Replica {
    /** Requests beyond this many waiting are refused with UNAVAILABLE instead of queued without bound. */
    static final int MAX_PENDING = 4096;

    private record PendingWrite(ClientRequest request, long term, long deadlineTick) {}

    private static final class PendingRead {
        final ClientRequest request;
        final long deadlineTick;
        long readIndex; // set once leadership is confirmed

        PendingRead(ClientRequest request, long deadlineTick) {
            this.request = request;
            this.deadlineTick = deadlineTick;
        }
    }

    private final RaftConfig config;
    private final RaftCore core;
    private final KvStateMachine kv = new KvStateMachine();
    private final int requestTimeoutTicks;
    private final List<Message> messages = new ArrayList<>();
    private final List<ClientResponse> responses = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final TreeMap<Long, PendingWrite> pendingWrites = new TreeMap<>();
    private final Map<Long, PendingRead> pendingReads = new LinkedHashMap<>();
    /** Confirmed reads in confirmation order; their read indexes never decrease, so serve from the front. */
    private final ArrayDeque<PendingRead> confirmedReads = new ArrayDeque<>();
    private long pendingTerm;
    private long nextReadId;
    private long lastApplied;
    /** Applied ranges are reported once per tick, not once per entry. */
    private long reportedApplied;
    private long now;
    private HardState persistedHardState;
    private HardState readyHardState;
    private long readyLastIndex;
    private long readyGeneration;

    private Replica(RaftConfig config, HardState hardState, List<Entry> log) {
        this.config = config;
        this.core = new RaftCore(config, hardState, log, (type, fields) -> events.add(Event.of(type, fields)));
        this.requestTimeoutTicks = config.ticks(config.requestTimeoutMs());
        this.persistedHardState = hardState;
    }

    /**
     * Recovery: a replica from what storage held ({@link HardState#INITIAL} and an empty log on first start).
     * The log must be contiguous from index 1. The key-value map is rebuilt by re-applying entries as this node
     * learns they are committed (commitIndex is not persisted, §5.2).
     */
    public static Replica restore(RaftConfig config, HardState hardState, List<Entry> log) {
        Replica replica = new Replica(config, hardState, log);
        replica.events.add(Event.of("restored", "id", config.id(), "term", hardState.term(), "votedFor",
                hardState.votedFor(), "lastLogIndex", log.size(), "bug", config.bug().flag()));
        return replica;
    }

    /** Advances logical time by one tick (call every config.tickMs()). */
    public void tick() {
        now++;
        if (lastApplied > reportedApplied) {
            events.add(Event.of("entries-applied", "first", reportedApplied + 1, "last", lastApplied));
            reportedApplied = lastApplied;
        }
        core.tick();
        afterInput();
        expireRequests();
    }

    /** Handles a peer message; messages may arrive lost, duplicated or reordered. */
    public void step(Message message) {
        core.step(message);
        afterInput();
    }

    /** Accepts a client request; its answer appears in a later {@link Ready#responses()}. */
    public void submit(ClientRequest request) {
        String problem = requestProblem(request);
        if (problem != null) {
            respond(request, Status.BAD_REQUEST, null, problem);
        } else if (request.op() == ClientRequest.Op.STATUS) {
            respond(request, Status.OK, status().toJson(), "");
        } else if (request.op() == ClientRequest.Op.READ) {
            submitRead(request);
        } else {
            submitWrite(request);
        }
        afterInput();
    }

    /** True when {@link #ready()} has something to persist, send or print. */
    public boolean hasReady() {
        return !messages.isEmpty() || !responses.isEmpty() || !events.isEmpty()
                || !core.hardState().equals(persistedHardState)
                || core.log().stableIndex() < core.log().lastIndex();
    }

    /** What to do now (see {@link Ready} for the order); the lists are handed over, call advance() when done. */
    public Ready ready() {
        HardState hs = core.hardState();
        HardState toPersist = hs.equals(persistedHardState) ? null : persistable(hs);
        List<Entry> entries = core.log().unstableEntries();
        readyHardState = hs;
        readyLastIndex = entries.isEmpty() ? core.log().stableIndex() : entries.get(entries.size() - 1).index();
        readyGeneration = core.log().generation();
        Ready ready = new Ready(toPersist, entries, messages, responses, events);
        messages.clear();
        responses.clear();
        events.clear();
        return ready;
    }

    /** Records that {@code ready}'s hard state and entries are durable. */
    public void advance(Ready ready) {
        if (readyHardState != null) persistedHardState = readyHardState;
        core.log().markStable(readyLastIndex, readyGeneration);
        readyHardState = null;
    }

    public NodeStatus status() {
        return new NodeStatus(config.id(), core.role(), core.term(), core.votedFor(), core.leader(),
                core.commitIndex(), lastApplied, core.log().lastIndex(), core.log().lastTerm());
    }

    /** The value this replica's state machine holds for {@code key} (tests and debugging; not linearizable). */
    public String localValue(String key) {
        return kv.get(key);
    }

    // ---- client requests ----

    private static String requestProblem(ClientRequest r) {
        if (r.op() == null) return "op is missing";
        if (r.op() != ClientRequest.Op.STATUS && r.key() == null) return "key is missing for " + r.op();
        return null;
    }

    private void submitRead(ClientRequest request) {
        boolean leader = core.role() == Role.LEADER;
        if (config.bug() == Bug.STALE_READ || (config.bug() == Bug.LEADER_READ_NO_QUORUM && leader)) {
            // BUG stale-read / leader-read-no-quorum: answers from local state, without ReadIndex
            respond(request, Status.OK, kv.get(request.key()), "");
        } else if (!leader) {
            respond(request, Status.NOT_LEADER, null, "not the leader");
        } else if (pendingReads.size() + confirmedReads.size() >= MAX_PENDING) {
            respond(request, Status.UNAVAILABLE, null, "too many pending reads");
        } else {
            adoptPendingTerm();
            long readId = ++nextReadId;
            pendingReads.put(readId, new PendingRead(request, now + requestTimeoutTicks));
            core.requestRead(readId);
        }
    }

    private void submitWrite(ClientRequest request) {
        if (core.role() != Role.LEADER) {
            respond(request, Status.NOT_LEADER, null, "not the leader");
            return;
        }
        if (pendingWrites.size() >= MAX_PENDING) {
            respond(request, Status.UNAVAILABLE, null, "too many pending writes");
            return;
        }
        adoptPendingTerm();
        long index = core.propose(Command.encode(request));
        if (config.bug() == Bug.EARLY_ACK) {
            KvStateMachine.Result r = kv.evaluate(request); // BUG early-ack: answers before commit
            respond(request, r.status(), r.value(), "");
            return;
        }
        pendingWrites.put(index, new PendingWrite(request, core.term(), now + requestTimeoutTicks));
    }

    private void adoptPendingTerm() {
        if (pendingTerm != core.term()) failAllPending("leader of a new term");
        pendingTerm = core.term();
    }

    // ---- after every input: apply, serve reads, fail what leadership loss orphaned ----

    private void afterInput() {
        applyCommitted();
        for (ReadState rs : core.takeReadStates()) {
            PendingRead read = pendingReads.remove(rs.readId());
            if (read == null) continue;
            read.readIndex = rs.readIndex();
            confirmedReads.addLast(read);
        }
        serveReads();
        if (core.role() != Role.LEADER || core.term() != pendingTerm) failAllPending("leadership lost");
        messages.addAll(core.takeMessages());
    }

    private void applyCommitted() {
        while (lastApplied < core.commitIndex()) {
            Entry e = core.log().entry(++lastApplied);
            KvStateMachine.Result result = e.kind() == Entry.COMMAND ? kv.apply(Command.decode(e.data())) : null;
            PendingWrite w = pendingWrites.remove(e.index());
            if (w == null) continue;
            if (e.term() == w.term() && result != null) {
                respond(w.request(), result.status(), result.value(), result.status() == Status.TIMEOUT
                        ? "a later seq of this client was applied first; this one was not applied now" : "");
            } else {
                respond(w.request(), Status.TIMEOUT, null, "entry " + e.index() + " was replaced");
            }
        }
    }

    private void serveReads() {
        while (!confirmedReads.isEmpty() && confirmedReads.peekFirst().readIndex <= lastApplied) {
            PendingRead read = confirmedReads.pollFirst();
            respond(read.request, Status.OK, kv.get(read.request.key()), "");
        }
    }

    private void failAllPending(String why) {
        for (PendingWrite w : pendingWrites.values()) respond(w.request(), Status.TIMEOUT, null, why);
        for (PendingRead r : pendingReads.values()) respond(r.request, Status.UNAVAILABLE, null, why);
        for (PendingRead r : confirmedReads) respond(r.request, Status.UNAVAILABLE, null, why);
        pendingWrites.clear();
        pendingReads.clear();
        confirmedReads.clear();
    }

    /** Deadlines grow with submission order (and log index), so each queue is scanned only up to its first live one. */
    private void expireRequests() {
        while (!pendingWrites.isEmpty() && pendingWrites.firstEntry().getValue().deadlineTick() <= now) {
            respond(pendingWrites.pollFirstEntry().getValue().request(), Status.TIMEOUT, null,
                    "not committed within requestTimeoutMs");
        }
        expireReads(pendingReads.values().iterator(), "leadership not confirmed within requestTimeoutMs");
        expireReads(confirmedReads.iterator(), "not applied up to the read index within requestTimeoutMs");
    }

    private void expireReads(Iterator<PendingRead> reads, String why) {
        while (reads.hasNext()) {
            PendingRead r = reads.next();
            if (r.deadlineTick > now) return;
            respond(r.request, Status.UNAVAILABLE, null, why);
            reads.remove();
        }
    }

    private void respond(ClientRequest r, Status status, String value, String message) {
        responses.add(new ClientResponse(r.clientId(), r.seq(), status, value, core.leader(), message));
    }

    /** The hard state as storage should record it; Bug.FORGET_VOTE drops votedFor there (memory keeps it). */
    private HardState persistable(HardState hs) {
        return config.bug() == Bug.FORGET_VOTE ? new HardState(hs.term(), 0) : hs; // BUG forget-vote
    }
}
