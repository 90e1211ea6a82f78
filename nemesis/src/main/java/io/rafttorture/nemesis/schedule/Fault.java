package io.rafttorture.nemesis.schedule;

import java.util.Random;

/**
 * One kind of fault on a real cluster (a Jepsen nemesis package without its schedule). {@link #plan} chooses what
 * to break and says so (the value recorded in the history) before anything is done; {@link Planned#apply()} does
 * it; {@link #stop()} undoes whatever this fault did and says what it undid. Called from one thread at a time.
 */
public interface Fault {
    /** The fault's name as {@code --nemesis} spells it: partition, kill, pause, latency. */
    String name();

    /** Chooses targets with {@code random} (and, for some faults, the cluster's current leader). */
    Planned plan(Random random);

    /** Undoes everything this fault did; returns the value to record (the nodes or links restored). */
    Object stop();

    /** What a fault is about to do ({@code value}, for the history) and the action that does it. */
    record Planned(Object value, Runnable apply) {
    }
}
