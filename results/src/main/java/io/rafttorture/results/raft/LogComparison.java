package io.rafttorture.results.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The log checks of {@link RaftInvariants} on the nodes' final logs: each log alone, then every pair. */
final class LogComparison {
    private LogComparison() {
    }

    static List<Violation> compare(Map<Integer, List<LogEntry>> logs, Map<Integer, Long> committed) {
        List<Violation> found = new ArrayList<>();
        logs.forEach((node, log) -> {
            Violation v = termRegression(node, log);
            if (v != null) found.add(v);
        });
        List<Integer> nodes = new ArrayList<>(logs.keySet());
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                int a = nodes.get(i);
                int b = nodes.get(j);
                Violation v = committedDiffer(a, logs.get(a), committed.getOrDefault(a, 0L), b, logs.get(b),
                        committed.getOrDefault(b, 0L));
                if (v == null) v = matchingPrefixDiffers(a, logs.get(a), b, logs.get(b));
                if (v != null) found.add(v);
            }
        }
        return found;
    }

    private static Violation termRegression(int node, List<LogEntry> log) {
        for (int k = 1; k < log.size(); k++) {
            LogEntry before = log.get(k - 1);
            LogEntry after = log.get(k);
            if (after.term() < before.term()) {
                long stale = log.subList(k, log.size()).stream().filter(e -> e.term() < before.term()).count();
                return new Violation("log-matching", node, after.term(), 0, "n" + node + "'s final log holds an entry "
                        + "of term " + after.term() + " at index " + after.index() + " after one of term " + before.term()
                        + " at index " + before.index() + " (" + stale + " entries of older terms follow a newer one): "
                        + "stale entries survived a newer leader's AppendEntries. A follower deletes a conflicting "
                        + "entry and all that follow it (§5.3, AppendEntries step 3), so terms never decrease along a log.");
            }
        }
        return null;
    }

    /** §5.4.3: entries both nodes committed are the same. */
    private static Violation committedDiffer(int a, List<LogEntry> logA, long committedA, int b, List<LogEntry> logB,
                                             long committedB) {
        long upTo = Math.min(Math.min(committedA, committedB), Math.min(logA.size(), logB.size()));
        int k = firstDifference(logA, logB, upTo);
        if (k < 0) return null;
        return new Violation("state-machine-safety", b, logB.get(k).term(), 0, "n" + a + " and n" + b
                + " both committed index " + logA.get(k).index() + " but hold different entries there (n" + a + ": "
                + logA.get(k).describe() + "; n" + b + ": " + logB.get(k).describe() + "): they applied different "
                + "commands at one index. A committed entry is in every later leader's log and is never overwritten "
                + "(§5.4.3, State Machine Safety).");
    }

    /** §5.3: two logs with an entry of the same index and term are identical up to it. */
    private static Violation matchingPrefixDiffers(int a, List<LogEntry> logA, int b, List<LogEntry> logB) {
        int last = Math.min(logA.size(), logB.size()) - 1;
        while (last >= 0 && logA.get(last).term() != logB.get(last).term()) last--;
        if (last < 0) return null;
        int k = firstDifference(logA, logB, last + 1);
        if (k < 0) return null;
        LogEntry shared = logA.get(last);
        return new Violation("log-matching", b, shared.term(), 0, "n" + a + " and n" + b + " both hold an entry of "
                + "term " + shared.term() + " at index " + shared.index() + " but differ at index "
                + logA.get(k).index() + " (n" + a + ": " + logA.get(k).describe() + "; n" + b + ": "
                + logB.get(k).describe() + "). If two logs contain an entry with the same index and term, they are "
                + "identical in all entries up through that index (§5.3, Log Matching).");
    }

    /** The first position below {@code upTo} where the logs differ in term or command, or -1. */
    private static int firstDifference(List<LogEntry> logA, List<LogEntry> logB, long upTo) {
        for (int k = 0; k < upTo; k++) {
            LogEntry x = logA.get(k);
            LogEntry y = logB.get(k);
            if (x.index() != y.index() || x.term() != y.term() || !x.command().equals(y.command())) return k;
        }
        return -1;
    }
}
