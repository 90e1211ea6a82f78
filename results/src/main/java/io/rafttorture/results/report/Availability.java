package io.rafttorture.results.report;

import io.rafttorture.results.history.History;
import io.rafttorture.results.history.Op;
import io.rafttorture.results.history.Operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Did the system do anything at all? A linearizability checker passes a history in which nothing succeeded, so a
 * run must also show (Jepsen's stats checker, Maelstrom's availability threshold):
 * <ul>
 *   <li>every operation type invoked succeeded at least once ({@code neverOk} lists those that did not);</li>
 *   <li>in at least {@code minQuietFraction} of the quiet seconds (whole seconds of the workload phase that overlap
 *       no fault window, nor the {@code grace} after one, while the cluster elects a leader again) at least one
 *       operation completed ok.</li>
 * </ul>
 * Seconds, not operations: clients stay pinned to their node and followers answer not-leader, so most operations
 * fail even in a healthy cluster; what must not happen is a healthy cluster that answers nothing.
 *
 * @param problems one sentence per failed rule; empty when the run was available
 */
public record Availability(List<String> neverOk, int quietSeconds, int quietSecondsWithOk, double minQuietFraction,
                           List<String> problems) {
    public boolean available() {
        return problems.isEmpty();
    }

    /**
     * @param faults           when faults were in force
     * @param fromNanos        start of the workload phase on the history's clock
     * @param toNanos          its end (final reads excluded)
     * @param graceNanos       time after each fault that is not yet quiet
     * @param minQuietFraction share of quiet seconds that must see an ok operation
     */
    public static Availability of(History history, FaultWindows faults, long fromNanos, long toNanos,
                                  long graceNanos, double minQuietFraction) {
        Map<String, Integer> okByF = new TreeMap<>();
        List<Long> okTimes = new ArrayList<>();
        for (Operation op : history.operations()) {
            okByF.merge(op.f(), op.outcome() == Op.Type.OK ? 1 : 0, Integer::sum);
            if (op.outcome() == Op.Type.OK && op.completion().time() != null) okTimes.add(op.completion().time());
        }
        List<String> neverOk = okByF.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
        int quiet = 0;
        int quietWithOk = 0;
        long second = 1_000_000_000L;
        for (long t = fromNanos; t + second <= toNanos; t += second) {
            if (faults.overlaps(t, t + second, graceNanos)) continue;
            quiet++;
            long from = t;
            if (okTimes.stream().anyMatch(ok -> ok >= from && ok < from + second)) quietWithOk++;
        }
        List<String> problems = new ArrayList<>();
        if (!neverOk.isEmpty()) problems.add("no " + String.join(", ", neverOk) + " ever succeeded");
        if (quiet > 0 && quietWithOk < minQuietFraction * quiet) {
            problems.add("only " + quietWithOk + " of " + quiet + " fault-free seconds had an ok operation (at least "
                    + Math.round(minQuietFraction * 100) + "% expected)");
        }
        return new Availability(neverOk, quiet, quietWithOk, minQuietFraction, problems);
    }
}
