package io.rafttorture.node.simulation;

import io.rafttorture.node.raft.Entry;
import io.rafttorture.node.raft.HardState;
import io.rafttorture.node.replica.Ready;

import java.util.ArrayList;
import java.util.List;

/** Exactly what a node's Ready asked to persist; what survives a simulated crash. */
final class SimStorage {
    HardState hardState = HardState.INITIAL;
    final List<Entry> log = new ArrayList<>();

    /** Applies Ready's persistence rule: entries at or below the last stored index replace the stored suffix. */
    void persist(Ready ready) {
        if (ready.hardState() != null) hardState = ready.hardState();
        if (ready.entries().isEmpty()) return;
        long first = ready.entries().get(0).index();
        if (first > log.size() + 1) {
            throw new IllegalStateException("Ready entries start at " + first + " but storage ends at " + log.size());
        }
        while (log.size() >= first) log.remove(log.size() - 1);
        log.addAll(ready.entries());
    }

    long term(long index) {
        return index < 1 || index > log.size() ? 0 : log.get((int) index - 1).term();
    }
}
