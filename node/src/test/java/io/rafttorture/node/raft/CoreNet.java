package io.rafttorture.node.raft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A hand-driven network of RaftCores for unit tests: messages move only when the test says so. */
final class CoreNet {
    final Map<Integer, RaftCore> cores = new LinkedHashMap<>();
    final List<Message> inFlight = new ArrayList<>();

    /** Nodes 1..n; node 1 times out after 150 ms, the others after 300 ms, so node 1 campaigns first. */
    static CoreNet of(int n) {
        CoreNet net = new CoreNet();
        List<Integer> members = new ArrayList<>();
        for (int i = 1; i <= n; i++) members.add(i);
        for (int id : members) {
            int election = id == 1 ? 150 : 300;
            net.cores.put(id, new RaftCore(RaftConfig.defaults(id, members).withElectionMs(election, election),
                    HardState.INITIAL, List.of(), EventSink.NONE));
        }
        return net;
    }

    RaftCore core(int id) {
        return cores.get(id);
    }

    /** Ticks {@code id} n times, collecting what it sends. */
    void tick(int id, int n) {
        for (int i = 0; i < n; i++) core(id).tick();
        collect();
    }

    void collect() {
        for (RaftCore c : cores.values()) inFlight.addAll(c.takeMessages());
    }

    /** Delivers every in-flight message (and their answers) until none is left, dropping those {@code drop} matches. */
    void stabilize(Predicate<Message> drop) {
        while (!inFlight.isEmpty()) {
            List<Message> batch = new ArrayList<>(inFlight);
            inFlight.clear();
            for (Message m : batch) {
                if (!drop.test(m)) core(m.to()).step(m);
            }
            collect();
        }
    }

    void stabilize() {
        stabilize(m -> false);
    }

    /** Node 1 campaigns and wins; all messages delivered. */
    static CoreNet withLeader(int n) {
        CoreNet net = of(n);
        net.tick(1, 15);
        net.stabilize();
        return net;
    }

    /** Removes and returns the in-flight messages matching {@code which}. */
    List<Message> take(Predicate<Message> which) {
        List<Message> out = inFlight.stream().filter(which).toList();
        inFlight.removeAll(out);
        return out;
    }
}
