package io.rafttorture.results.report;

import io.rafttorture.results.history.History;
import io.rafttorture.results.history.Op;
import io.rafttorture.results.history.Operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts and speeds of a run's client operations (Jepsen's stats and perf checkers), from the history alone.
 *
 * @param byF              per operation f: ok, fail, info (open operations count as info) and, for fail, the
 *                         errors seen ("not-leader": 12, ...)
 * @param latencyMs        per f, percentiles of the ok operations' latency (invoke to completion) in ms
 * @param okPerSecond      ok operations per second over the history's span (first to last event)
 * @param durationSeconds  that span
 */
public record Stats(Map<String, Counts> byF, Map<String, Latency> latencyMs, double okPerSecond,
                    double durationSeconds) {
    /** Outcomes of one f. */
    public record Counts(int ok, int fail, int info, Map<String, Integer> failErrors) {
    }

    /** Latency percentiles of ok operations, in milliseconds. */
    public record Latency(int count, double p50, double p95, double p99, double max) {
        static Latency of(List<Long> nanos) {
            List<Long> sorted = new ArrayList<>(nanos);
            sorted.sort(null);
            return new Latency(sorted.size(), ms(percentile(sorted, 0.50)), ms(percentile(sorted, 0.95)),
                    ms(percentile(sorted, 0.99)), ms(sorted.get(sorted.size() - 1)));
        }

        /** Nearest-rank percentile of a sorted, non-empty list. */
        static long percentile(List<Long> sorted, double p) {
            int rank = (int) Math.ceil(p * sorted.size());
            return sorted.get(Math.max(0, rank - 1));
        }

        private static double ms(long nanos) {
            return Math.round(nanos / 1e4) / 100.0;
        }
    }

    public static Stats of(History history) {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, Map<String, Integer>> errors = new TreeMap<>();
        Map<String, List<Long>> latencies = new TreeMap<>();
        int ok = 0;
        for (Operation op : history.operations()) {
            int[] c = counts.computeIfAbsent(op.f(), f -> new int[3]);
            Op.Type outcome = op.outcome();
            c[outcome == Op.Type.OK ? 0 : outcome == Op.Type.FAIL ? 1 : 2]++;
            errors.computeIfAbsent(op.f(), f -> new TreeMap<>());
            if (outcome == Op.Type.FAIL) {
                errors.get(op.f()).merge(String.valueOf(op.completion().error()), 1, Integer::sum);
            }
            if (outcome == Op.Type.OK) {
                ok++;
                Long start = op.invoke().time();
                Long end = op.completion().time();
                if (start != null && end != null) latencies.computeIfAbsent(op.f(), f -> new ArrayList<>()).add(end - start);
            }
        }
        Map<String, Counts> byF = new TreeMap<>();
        counts.forEach((f, c) -> byF.put(f, new Counts(c[0], c[1], c[2], errors.get(f))));
        Map<String, Latency> latencyMs = new TreeMap<>();
        latencies.forEach((f, l) -> latencyMs.put(f, Latency.of(l)));
        double seconds = spanSeconds(history.ops());
        double rate = seconds > 0 ? Math.round(ok / seconds * 10) / 10.0 : 0;
        return new Stats(byF, latencyMs, rate, Math.round(seconds * 100) / 100.0);
    }

    private static double spanSeconds(List<Op> ops) {
        Long first = null;
        Long last = null;
        for (Op op : ops) {
            if (op.time() == null) continue;
            if (first == null) first = op.time();
            last = op.time();
        }
        return first == null ? 0 : (last - first) / 1e9;
    }
}
