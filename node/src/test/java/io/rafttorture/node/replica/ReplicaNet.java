package io.rafttorture.node.replica;

import io.rafttorture.node.kv.ClientResponse;
import io.rafttorture.node.raft.Bug;
import io.rafttorture.node.raft.HardState;
import io.rafttorture.node.raft.Message;
import io.rafttorture.node.raft.RaftConfig;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Replicas 1..n driven by hand; node 1 times out first. Cut nodes neither send nor receive. */
final class ReplicaNet {
    final Replica[] replicas;
    final List<Message> inFlight = new ArrayList<>();
    final List<ClientResponse> answers = new ArrayList<>();
    final List<Ready> readies = new ArrayList<>();
    final Set<Integer> cut = new HashSet<>();

    ReplicaNet(int n, Bug bug) {
        List<Integer> members = new ArrayList<>();
        for (int i = 1; i <= n; i++) members.add(i);
        replicas = new Replica[n + 1];
        for (int id : members) {
            int election = id == 1 ? 150 : 300;
            RaftConfig config = RaftConfig.defaults(id, members).withElectionMs(election, election).withBug(bug);
            replicas[id] = Replica.restore(config, HardState.INITIAL, List.of());
        }
    }

    /** Node 1 leads and has committed its no-op on every node. */
    static ReplicaNet withLeader(int n, Bug bug) {
        ReplicaNet net = new ReplicaNet(n, bug);
        net.tick(1, 15);
        net.stabilize();
        net.tick(1, 5); // a heartbeat tells the followers the no-op is committed
        net.stabilize();
        return net;
    }

    Replica r(int id) {
        return replicas[id];
    }

    void tick(int id, int times) {
        for (int i = 0; i < times; i++) {
            r(id).tick();
            drain(id);
        }
    }

    /** Submits and drains, so the request's messages are in flight. */
    void submit(int id, io.rafttorture.node.kv.ClientRequest request) {
        r(id).submit(request);
        drain(id);
    }

    void drain(int id) {
        while (r(id).hasReady()) {
            Ready rd = r(id).ready();
            readies.add(rd);
            if (!cut.contains(id)) inFlight.addAll(rd.messages());
            answers.addAll(rd.responses());
            r(id).advance(rd);
        }
    }

    void stabilize() {
        while (!inFlight.isEmpty()) {
            List<Message> batch = new ArrayList<>(inFlight);
            inFlight.clear();
            for (Message m : batch) {
                if (cut.contains(m.to())) continue;
                r(m.to()).step(m);
                drain(m.to());
            }
        }
    }

    ClientResponse lastAnswer() {
        return answers.get(answers.size() - 1);
    }
}
