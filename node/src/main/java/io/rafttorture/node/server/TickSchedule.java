package io.rafttorture.node.server;

/**
 * When the event loop ticks the Raft core: once every {@code tickNanos} of wall time. Ticks missed while the loop
 * was busy (an fsync, a GC, a CPU shared with other nodes) are made up, up to {@code maxCatchUp} at once, so the Raft
 * timers keep wall-clock time under ordinary delays; past that (a SIGSTOP of seconds) the rest are dropped, so a
 * resumed node does not start an election before it has read the heartbeats that queued up meanwhile.
 */
final class TickSchedule {
    private final long tickNanos;
    private final int maxCatchUp;
    private long next;

    TickSchedule(long startNanos, long tickNanos, int maxCatchUp) {
        if (tickNanos <= 0 || maxCatchUp < 1) throw new IllegalArgumentException("tick and catch-up must be positive");
        this.tickNanos = tickNanos;
        this.maxCatchUp = maxCatchUp;
        this.next = startNanos + tickNanos;
    }

    /** When the next tick is due (System.nanoTime() scale). */
    long next() {
        return next;
    }

    /** How many ticks to deliver at {@code nowNanos}; moves the schedule on. */
    int due(long nowNanos) {
        int due = 0;
        while (nowNanos - next >= 0 && due < maxCatchUp) {
            due++;
            next += tickNanos;
        }
        if (nowNanos - next >= 0) next = nowNanos + tickNanos; // the rest of a long stall is dropped
        return due;
    }
}
