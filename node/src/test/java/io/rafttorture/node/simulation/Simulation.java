package io.rafttorture.node.simulation;

import io.rafttorture.node.kv.ClientRequest;
import io.rafttorture.node.kv.ClientResponse;
import io.rafttorture.node.kv.ClientResponse.Status;
import io.rafttorture.node.raft.Message;
import io.rafttorture.node.raft.RaftConfig;
import io.rafttorture.node.raft.Role;
import io.rafttorture.node.replica.Ready;
import io.rafttorture.node.replica.Replica;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A deterministic simulation of a Replica cluster: simulated time, an in-memory network that drops, delays,
 * duplicates, reorders and partitions, nodes that crash (losing all memory) and restart from what their Ready
 * persisted, and clients issuing reads, writes and cas. Checks safety after every Ready ({@link SafetyChecker}),
 * liveness after healing, and the clients' history at the end ({@link RegisterChecker}).
 */
final class Simulation {
    private static final int CLIENT_DELAY_MS = 2;
    /** What a link holds for a down node at most: the transport's queue bound (TransportOptions' default). */
    private static final int HELD_CAPACITY = 1024;
    /** A held backlog arrives up to this long after its node restarted (reconnect backoff plus a proxy's dial). */
    private static final int HELD_DELIVERY_MAX_MS = 2000;

    /** A directed link between two nodes. */
    private record Link(int from, int to) {}

    private final class SimClient {
        final long id;
        long seq;
        int leaderHint;
        ClientOp outstanding;
        final Map<String, String> lastSeen = new HashMap<>();

        SimClient(long id) {
            this.id = id;
        }
    }

    private final SimOptions options;
    private final EventQueue queue = new EventQueue();
    private final Random random;
    private final SimNetwork network;
    private final List<Integer> members;
    private final Replica[] replicas = new Replica[9];
    private final SimStorage[] storages = new SimStorage[9];
    private final int[] incarnation = new int[9];
    private final boolean[] crashBeforePersist = new boolean[9];
    /**
     * Messages sent to a down node, per link: the sender's queue, or a proxy still dialling the dead
     * node, holds them and delivers them as one late burst after the restart, behind messages sent later on a new
     * connection. This is how a term-2 AppendEntries reaches a node that has since moved on to term 8.
     */
    private final Map<Link, ArrayDeque<Message>> heldForDownNode = new HashMap<>();
    /** A paused node (SIGSTOP, a long GC) neither ticks nor handles input; what reaches it waits here. */
    private final List<List<Runnable>> heldWhilePaused = new ArrayList<>();
    private final SafetyChecker checker = new SafetyChecker();
    private final Map<Long, SimClient> clients = new HashMap<>();
    private final List<ClientOp> history = new ArrayList<>();
    private final List<String> trace = new ArrayList<>();
    private final long[] lastLeaderTerm = new long[9];
    private long healedAt = -1;
    private int partitionGeneration;
    /** Each node's tick period (9-11 ms): clocks drift, and nothing in Raft may depend on them agreeing. */
    private final int[] tickPeriod = new int[9];
    private long livenessMetAt = -1;

    private Simulation(SimOptions options) {
        this.options = options;
        this.random = new Random(options.seed());
        this.network = new SimNetwork(queue, random, this::deliver);
        network.maxDelayMs = options.maxDelayMs();
        network.dropRate = options.dropRate();
        network.duplicateRate = options.duplicateRate();
        this.members = IntStream.rangeClosed(1, options.nodes()).boxed().toList();
        for (int i = 0; i <= 8; i++) heldWhilePaused.add(null);
    }

    static SimResult run(SimOptions options) {
        return new Simulation(options).run();
    }

    private SimResult run() {
        for (int id : members) {
            storages[id] = new SimStorage();
            start(id);
            tickPeriod[id] = 9 + random.nextInt(3);
            int phase = random.nextInt(10);
            queue.after(phase, () -> tickLoop(id));
        }
        for (long c = 1; c <= options.clients(); c++) {
            SimClient client = new SimClient(c);
            clients.put(c, client);
            queue.after(random.nextInt(50), () -> invoke(client));
        }
        queue.after(options.nemesisEveryMs(), this::nemesis);
        queue.after(options.chaosMs(), this::heal);
        long end = (long) options.chaosMs() + options.livenessMs();
        while (checker.violation == null && queue.runNext(end)) {
            if (livenessMetAt >= 0 && queue.now() > livenessMetAt + 100) break;
        }
        return result();
    }

    private SimResult result() {
        for (int id : members) {
            trace.add(queue.now() + " ms: final " + (replicas[id] == null ? "node " + id + " down"
                    : replicas[id].status().toJson()) + (heldWhilePaused.get(id) != null ? " (paused)" : ""));
        }
        String violation = checker.violation;
        if (violation == null && livenessMetAt < 0) {
            violation = "liveness: no write begun after healing at " + healedAt + " ms was acknowledged within "
                    + options.livenessMs() + " ms";
        }
        if (violation == null) violation = RegisterChecker.check(history, checker.committed);
        int acked = (int) history.stream().filter(ClientOp::isOk).count();
        return new SimResult(options, violation, history.size(), acked, checker.committed.size(), trace);
    }

    // ---- nodes ----

    private void start(int id) {
        RaftConfig config = RaftConfig.defaults(id, members).withBug(options.bug())
                .withElectionMs(150, options.electionMaxMs()).withRpcTimeoutMs(options.rpcTimeoutMs())
                .withBatching(options.entriesPerAppend(), options.inflightAppends())
                .withSeed(options.seed() * 1_000_003L + incarnation[id] * 101L);
        SimStorage s = storages[id];
        replicas[id] = Replica.restore(config, s.hardState, List.copyOf(s.log));
        checker.onRestart(id);
        drain(id);
    }

    private void tickLoop(int id) {
        if (replicas[id] != null && heldWhilePaused.get(id) == null) {
            replicas[id].tick();
            drain(id);
        }
        queue.after(tickPeriod[id], () -> tickLoop(id));
    }

    private void deliver(Message m) {
        if (replicas[m.to()] == null) {
            hold(m);
            return;
        }
        whenRunning(m.to(), () -> {
            replicas[m.to()].step(m);
            drain(m.to());
        });
    }

    private void hold(Message m) {
        ArrayDeque<Message> held = heldForDownNode.computeIfAbsent(new Link(m.from(), m.to()),
                link -> new ArrayDeque<>());
        if (held.size() == HELD_CAPACITY) held.pollFirst(); // the transport drops its oldest message when full
        held.addLast(m);
    }

    /** Each link's backlog to a restarted node arrives in order, at once, after its own reconnect delay. */
    private void deliverHeldBacklogs(int to) {
        for (int from : members) {
            ArrayDeque<Message> backlog = heldForDownNode.remove(new Link(from, to));
            if (backlog == null) continue;
            int delay = random.nextInt(HELD_DELIVERY_MAX_MS);
            trace.add(queue.now() + " ms: " + backlog.size() + " messages held from node " + from + " for node " + to
                    + " arrive in " + delay + " ms");
            queue.after(delay, () -> backlog.forEach(this::deliver));
        }
    }

    /** Runs {@code input} on a live node now, on a paused one when it resumes; a crashed node loses it. */
    private void whenRunning(int id, Runnable input) {
        if (replicas[id] == null) return;
        List<Runnable> held = heldWhilePaused.get(id);
        if (held != null) {
            held.add(() -> whenRunning(id, input));
        } else {
            input.run();
        }
    }

    /** The event loop's contract: persist, then send and answer, then advance. */
    private void drain(int id) {
        Replica r = replicas[id];
        while (r.hasReady() && checker.violation == null) {
            Ready rd = r.ready();
            if (crashBeforePersist[id]) {
                // dies mid-Ready: nothing sent; the hard state (written first) may or may not have reached disk
                if (rd.hardState() != null && random.nextBoolean()) storages[id].hardState = rd.hardState();
                crash(id);
                return;
            }
            storages[id].persist(rd);
            checker.afterReady(id, rd, storages[id], r.status());
            rd.messages().forEach(network::send);
            for (ClientResponse resp : rd.responses()) {
                checker.onResponse(id, resp, r.status().lastApplied());
                queue.after(CLIENT_DELAY_MS, () -> onResponse(id, resp));
            }
            r.advance(rd);
        }
        noteLeader(id, r);
    }

    private void noteLeader(int id, Replica r) {
        if (r.status().role() == Role.LEADER && lastLeaderTerm[id] != r.status().term()) {
            lastLeaderTerm[id] = r.status().term();
            trace.add(queue.now() + " ms: node " + id + " leads term " + r.status().term());
        }
    }

    // ---- nemesis ----

    private void nemesis() {
        if (healedAt >= 0) return;
        double roll = random.nextDouble();
        if (roll < options.crashWeight()) {
            crashSomeNode();
        } else if (roll < options.crashWeight() + (1 - options.crashWeight()) * 0.3) {
            pauseSomeNode();
        } else {
            partition();
        }
        queue.after(options.nemesisEveryMs() / 2 + random.nextInt(options.nemesisEveryMs()), this::nemesis);
    }

    private void crashSomeNode() {
        List<Integer> up = members.stream().filter(id -> replicas[id] != null).toList();
        if (up.isEmpty()) return;
        int id = up.get(random.nextInt(up.size()));
        if (random.nextBoolean()) {
            crashBeforePersist[id] = true; // dies inside its next Ready, between ready() and fsync
        } else {
            crash(id);
        }
    }

    private void pauseSomeNode() {
        int leader = currentLeader();
        int id = leader > 0 && random.nextBoolean() ? leader : members.get(random.nextInt(members.size()));
        if (replicas[id] == null || heldWhilePaused.get(id) != null) return;
        heldWhilePaused.set(id, new ArrayList<>());
        int pausedFor = 20 + random.nextInt(600);
        trace.add(queue.now() + " ms: pause node " + id + " for " + pausedFor + " ms");
        queue.after(pausedFor, () -> resume(id));
    }

    private void resume(int id) {
        List<Runnable> held = heldWhilePaused.get(id);
        if (held == null) return;
        heldWhilePaused.set(id, null);
        trace.add(queue.now() + " ms: resume node " + id + " (" + held.size() + " inputs waited)");
        held.forEach(Runnable::run);
    }

    private void crash(int id) {
        replicas[id] = null;
        heldWhilePaused.set(id, null);
        crashBeforePersist[id] = false;
        incarnation[id]++;
        int downFor = 10 + random.nextInt(options.maxDownMs());
        trace.add(queue.now() + " ms: crash node " + id + " for " + downFor + " ms");
        int inc = incarnation[id];
        queue.after(downFor, () -> {
            if (replicas[id] == null && incarnation[id] == inc) restart(id);
        });
    }

    private void restart(int id) {
        trace.add(queue.now() + " ms: restart node " + id);
        start(id);
        deliverHeldBacklogs(id);
    }

    /** Jepsen's grudge shapes: a node or minority cut off, a bridge node joining two halves, or one-way loss. */
    private void partition() {
        List<Integer> shuffled = new ArrayList<>(members);
        Collections.shuffle(shuffled, random);
        int leader = currentLeader();
        network.heal();
        String shape;
        int kind = random.nextInt(4);
        if (kind == 0 && members.size() >= 3) {
            int half = (members.size() - 1) / 2;
            List<Integer> left = shuffled.subList(0, half);
            List<Integer> right = shuffled.subList(half + 1, members.size());
            for (int a : left) for (int b : right) network.cutBothWays(a, b);
            shape = "bridge " + shuffled.get(half) + " between " + left + " and " + right;
        } else if (kind == 1) {
            int from = leader > 0 ? leader : shuffled.get(0);
            for (int to : members) if (to != from) network.cut(from, to);
            shape = "one-way: nothing from " + from + " arrives";
        } else {
            List<Integer> side = leader > 0 && random.nextBoolean() ? List.of(leader)
                    : shuffled.subList(0, 1 + random.nextInt(Math.max(1, members.size() / 2)));
            network.split(side, members);
            shape = "partition " + side + " from the rest";
        }
        int lasts = 50 + random.nextInt(800);
        int generation = ++partitionGeneration;
        trace.add(queue.now() + " ms: " + shape + " for " + lasts + " ms");
        queue.after(lasts, () -> {
            if (healedAt < 0 && partitionGeneration == generation) network.heal();
        });
    }

    private int currentLeader() {
        for (int id : members) {
            if (replicas[id] != null && replicas[id].status().role() == Role.LEADER) return id;
        }
        return 0;
    }

    private void heal() {
        healedAt = queue.now();
        trace.add(healedAt + " ms: heal network, stop drops, restart crashed nodes");
        network.heal();
        network.dropRate = 0;
        network.duplicateRate = 0;
        for (int id : members) {
            crashBeforePersist[id] = false;
            resume(id);
            if (replicas[id] == null) {
                incarnation[id]++;
                restart(id);
            }
        }
    }

    // ---- clients ----

    private void invoke(SimClient c) {
        ClientOp op = new ClientOp(nextRequest(c), queue.now());
        c.outstanding = op;
        history.add(op);
        attempt(c, op);
    }

    /** Sends the op (again): a retry keeps its (clientId, seq), so it takes effect at most once. */
    private void attempt(SimClient c, ClientOp op) {
        int node = c.leaderHint > 0 && random.nextDouble() < 0.9 ? c.leaderHint
                : members.get(random.nextInt(members.size()));
        op.node = node;
        int attempt = ++op.attempts;
        queue.after(CLIENT_DELAY_MS, () -> whenRunning(node, () -> {
            if (!op.isWrite()) checker.onReadReceived(node, op.request);
            replicas[node].submit(op.request);
            drain(node);
        }));
        queue.after(options.clientTimeoutMs(), () -> {
            if (c.outstanding == op && op.attempts == attempt) attemptFailed(c, op, null);
        });
    }

    private ClientRequest nextRequest(SimClient c) {
        long seq = ++c.seq;
        String key = "k" + random.nextInt(options.keys());
        String value = "c" + c.id + "s" + seq;
        double roll = random.nextDouble();
        if (roll < 0.4) return ClientRequest.read(c.id, seq, key);
        if (roll < 0.8) return ClientRequest.write(c.id, seq, key, value);
        return ClientRequest.cas(c.id, seq, key, c.lastSeen.get(key), value);
    }

    private void onResponse(int from, ClientResponse resp) {
        SimClient c = clients.get(resp.clientId());
        ClientOp op = c.outstanding;
        if (op == null || op.request.seq() != resp.seq()) return; // a finished op's late or duplicate answer
        Status s = resp.status();
        c.leaderHint = s == Status.NOT_LEADER ? resp.leader() : s == Status.OK || s == Status.CAS_MISMATCH ? from : 0;
        if (s == Status.OK || s == Status.CAS_MISMATCH || s == Status.BAD_REQUEST) {
            op.status = s;
            op.completeMs = queue.now();
            if (s == Status.OK) onOk(c, op, resp);
            finish(c, op);
        } else if (from == op.node) { // else a superseded attempt's failure
            attemptFailed(c, op, s);
        }
    }

    /** TIMEOUT or no answer (null) leave the op indeterminate; NOT_LEADER and UNAVAILABLE fail only this attempt. */
    private void attemptFailed(SimClient c, ClientOp op, Status s) {
        if (s == null || s == Status.TIMEOUT) op.indeterminate = true;
        if (op.attempts < 3 && random.nextDouble() < 0.7) {
            attempt(c, op);
            return;
        }
        op.status = op.indeterminate ? Status.TIMEOUT : s;
        op.completeMs = queue.now();
        finish(c, op);
    }

    private void onOk(SimClient c, ClientOp op, ClientResponse resp) {
        if (op.isWrite()) {
            c.lastSeen.put(op.request.key(), op.request.value());
            if (healedAt >= 0 && op.invokeMs >= healedAt && livenessMetAt < 0) livenessMetAt = queue.now();
        } else {
            op.readValue = resp.value();
            c.lastSeen.put(op.request.key(), resp.value());
        }
    }

    private void finish(SimClient c, ClientOp op) {
        c.outstanding = null;
        queue.after(random.nextInt(20), () -> invoke(c));
    }
}
