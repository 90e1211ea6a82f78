package io.rafttorture.node.simulation;

import io.rafttorture.node.raft.Message;

import java.util.Collection;
import java.util.Random;
import java.util.function.Consumer;

/**
 * An in-memory network between nodes 1..8 that drops, delays (so reorders) and duplicates messages, and cuts
 * directed links for partitions. A link cut while a message is in flight also loses that message.
 */
final class SimNetwork {
    private final EventQueue queue;
    private final Random random;
    private final Consumer<Message> deliver;
    private final boolean[][] cut = new boolean[9][9];
    double dropRate;
    double duplicateRate;
    int maxDelayMs;

    SimNetwork(EventQueue queue, Random random, Consumer<Message> deliver) {
        this.queue = queue;
        this.random = random;
        this.deliver = deliver;
    }

    void send(Message m) {
        if (cut[m.from()][m.to()] || random.nextDouble() < dropRate) return;
        schedule(m);
        if (random.nextDouble() < duplicateRate) schedule(m);
    }

    private void schedule(Message m) {
        queue.after(1 + random.nextInt(maxDelayMs), () -> {
            if (!cut[m.from()][m.to()]) deliver.accept(m);
        });
    }

    /** Cuts every link between {@code side} and the other members, both ways. */
    void split(Collection<Integer> side, Collection<Integer> members) {
        for (int a : side) {
            for (int b : members) {
                if (!side.contains(b)) cutBothWays(a, b);
            }
        }
    }

    void cut(int from, int to) {
        cut[from][to] = true;
    }

    void cutBothWays(int a, int b) {
        cut[a][b] = true;
        cut[b][a] = true;
    }

    void heal() {
        for (boolean[] row : cut) java.util.Arrays.fill(row, false);
    }

}
