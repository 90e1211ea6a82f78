package io.rafttorture.node.simulation;

import java.util.Comparator;
import java.util.PriorityQueue;

/** Simulated time in milliseconds: actions run in (time, insertion order), so a seed replays exactly. */
final class EventQueue {
    private record Scheduled(long time, long order, Runnable action) {}

    private final PriorityQueue<Scheduled> queue = new PriorityQueue<>(
            Comparator.comparingLong(Scheduled::time).thenComparingLong(Scheduled::order));
    private long now;
    private long order;

    long now() {
        return now;
    }

    void after(long delayMs, Runnable action) {
        queue.add(new Scheduled(now + Math.max(0, delayMs), order++, action));
    }

    /** Runs the next action if it is due no later than {@code until}; false when none is. */
    boolean runNext(long until) {
        Scheduled next = queue.peek();
        if (next == null || next.time() > until) return false;
        queue.poll();
        now = next.time();
        next.action().run();
        return true;
    }
}
