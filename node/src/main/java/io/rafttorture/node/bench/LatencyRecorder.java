package io.rafttorture.node.bench;

import java.util.Arrays;

/** Latencies (nanoseconds) of one client thread; merged after the run to compute percentiles. Not thread-safe. */
final class LatencyRecorder {
    private long[] nanos = new long[1 << 12];
    private int count;
    private long errors;

    void record(long latencyNanos) {
        if (count == nanos.length) nanos = Arrays.copyOf(nanos, count * 2);
        nanos[count++] = latencyNanos;
    }

    void error() {
        errors++;
    }

    int count() {
        return count;
    }

    long errors() {
        return errors;
    }

    /** All recorded latencies of {@code recorders}, sorted. */
    static long[] mergeSorted(Iterable<LatencyRecorder> recorders) {
        int total = 0;
        for (LatencyRecorder r : recorders) total += r.count;
        long[] all = new long[total];
        int at = 0;
        for (LatencyRecorder r : recorders) {
            System.arraycopy(r.nanos, 0, all, at, r.count);
            at += r.count;
        }
        Arrays.sort(all);
        return all;
    }

    /** The {@code p}-th percentile (0..100) of sorted values, nearest-rank; 0 when empty. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
