package io.rafttorture.results.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.rafttorture.results.history.History;
import io.rafttorture.results.history.Op;
import io.rafttorture.results.history.Operation;
import io.rafttorture.results.raft.NodeEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * How quickly the cluster served clients again after trouble: the {@code recovery} section of results.json, and the
 * per-run metrics a timeout sweep compares. Everything is measured over the <b>workload phase</b> [fromMs, toMs) of
 * the history's clock (ms since the run started; heal and final reads excluded):
 * <ul>
 *   <li><b>longest gap</b>: the longest span of the workload phase in which no client operation completed ok, from
 *       the phase's start, one ok completion, or the next, to the next ok completion or the phase's end;</li>
 *   <li><b>failover</b>, for each fault start ({@code start-X} nemesis event) in the phase: the time from the fault
 *       start until the first ok completion of an operation <i>invoked at or after</i> the fault start (operations
 *       already in flight do not count: they may have been served by the old leader). Null ("not recovered") when no
 *       such operation completed ok before the phase ended. A fault that leaves the leader and a majority alone
 *       shows a failover of about one operation's latency; a fault that takes the majority away shows the fault's
 *       whole duration plus the election after it;</li>
 *   <li><b>elections</b>: {@code election-started} node events (a node became candidate) in the phase;
 *       <b>leaderChanges</b>: {@code election-won} events (a new term's leader, possibly the same node) in the phase.
 *       Both null when the node events could not be placed on the history's clock;</li>
 *   <li><b>okPerSecond</b>: ok completions in the phase per second of the phase; <b>latencyMs</b>: percentiles of
 *       the latency of every ok operation invoked in the phase, all f pooled ({@link Stats.Latency}), null when none
 *       succeeded.</li>
 * </ul>
 *
 * @param fromMs        the workload phase's start, ms on the history's clock
 * @param toMs          its end
 * @param longestGap    the longest span without an ok completion
 * @param failovers     one per fault start in the phase, in order
 * @param elections     election-started events in the phase (null: node events not available)
 * @param leaderChanges election-won events in the phase (null: node events not available)
 * @param okPerSecond   ok completions per second of the phase
 * @param latencyMs     ok operations' latency percentiles, all f pooled (null: no ok operation)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"fromMs", "toMs", "longestGap", "failovers", "elections", "leaderChanges", "okPerSecond",
        "latencyMs"})
public record Recovery(double fromMs, double toMs, Gap longestGap, List<Failover> failovers, Integer elections,
                       Integer leaderChanges, double okPerSecond, Stats.Latency latencyMs) {
    /** A span without an ok completion, ms on the history's clock; {@code ms} is its length. */
    public record Gap(double fromMs, double toMs, double ms) {
        static Gap of(long fromNanos, long toNanos) {
            return new Gap(millis(fromNanos), millis(toNanos), millis(toNanos - fromNanos));
        }
    }

    /**
     * One fault start and when clients were served again.
     *
     * @param fault       the fault's name (partition, kill, ...)
     * @param atMs        the fault start, ms on the history's clock
     * @param recoveredMs the first ok completion of an operation invoked since, or null (not recovered in the phase)
     * @param failoverMs  recoveredMs - atMs, or null when not recovered
     */
    public record Failover(String fault, double atMs, Double recoveredMs, Double failoverMs) {
        static Failover of(String fault, long atNanos, Long recoveredNanos) {
            return new Failover(fault, millis(atNanos), recoveredNanos == null ? null : millis(recoveredNanos),
                    recoveredNanos == null ? null : millis(recoveredNanos - atNanos));
        }
    }

    public Recovery {
        failovers = List.copyOf(failovers);
    }

    /** The node event types these metrics read: pass to {@code NodeEvents.read} as a filter. */
    public static boolean relevant(NodeEvent e) {
        return e.type().equals("election-started") || e.type().equals("election-won");
    }

    /**
     * @param history      the run's history (client and nemesis events; times in ns since the run started)
     * @param fromNanos    the workload phase's start on the history's clock
     * @param toNanos      its end; operations invoked at or after it (final reads) are left out
     * @param nodeEvents   the nodes' events (only election-started and election-won are read; others are ignored)
     * @param startEpochMs the wall-clock instant of history time 0, which places node events on the history's
     *                     clock; null when unknown (elections and leaderChanges are then null)
     */
    public static Recovery of(History history, long fromNanos, long toNanos, List<NodeEvent> nodeEvents,
                              Long startEpochMs) {
        List<Operation> phase = history.operations().stream()
                .filter(op -> op.invoke().time() != null && op.invoke().time() >= fromNanos
                        && op.invoke().time() < toNanos)
                .toList();
        List<Long> okTimes = okCompletions(phase, toNanos);
        List<Long> latencies = new ArrayList<>();
        for (Operation op : phase) {
            if (op.outcome() == Op.Type.OK && op.completion().time() != null) {
                latencies.add(op.completion().time() - op.invoke().time());
            }
        }
        double seconds = (toNanos - fromNanos) / 1e9;
        double rate = seconds > 0 ? Math.round(okTimes.size() / seconds * 10) / 10.0 : 0;
        return new Recovery(millis(fromNanos), millis(toNanos), longestGap(okTimes, fromNanos, toNanos),
                failovers(history.nemesisOps(), phase, fromNanos, toNanos),
                count(nodeEvents, "election-started", fromNanos, toNanos, startEpochMs),
                count(nodeEvents, "election-won", fromNanos, toNanos, startEpochMs), rate,
                latencies.isEmpty() ? null : Stats.Latency.of(latencies));
    }

    /** Failover times that were measured (recovered faults only). */
    public List<Double> failoverMs() {
        return failovers.stream().map(Failover::failoverMs).filter(f -> f != null).toList();
    }

    /** Fault starts after which no operation succeeded before the workload phase ended. */
    public int notRecovered() {
        return (int) failovers.stream().filter(f -> f.recoveredMs() == null).count();
    }

    /** Sorted ok completion times within the phase. */
    private static List<Long> okCompletions(List<Operation> phase, long toNanos) {
        List<Long> times = new ArrayList<>();
        for (Operation op : phase) {
            Long done = op.completion() == null ? null : op.completion().time();
            if (op.outcome() == Op.Type.OK && done != null && done < toNanos) times.add(done);
        }
        times.sort(null);
        return times;
    }

    static Gap longestGap(List<Long> okTimes, long fromNanos, long toNanos) {
        long bestFrom = fromNanos;
        long bestTo = fromNanos;
        long previous = fromNanos;
        List<Long> bounds = new ArrayList<>(okTimes);
        bounds.add(toNanos);
        for (long t : bounds) {
            if (t - previous > bestTo - bestFrom) {
                bestFrom = previous;
                bestTo = t;
            }
            previous = Math.max(previous, t);
        }
        return Gap.of(bestFrom, bestTo);
    }

    private static List<Failover> failovers(List<Op> nemesisOps, List<Operation> phase, long fromNanos,
                                            long toNanos) {
        List<Failover> failovers = new ArrayList<>();
        for (Op event : nemesisOps) {
            if (event.time() == null || !event.f().startsWith("start-")) continue;
            long at = event.time();
            if (at < fromNanos || at >= toNanos) continue;
            Long recovered = phase.stream()
                    .filter(op -> op.outcome() == Op.Type.OK && op.invoke().time() >= at
                            && op.completion().time() != null && op.completion().time() < toNanos)
                    .map(op -> op.completion().time()).min(Long::compare).orElse(null);
            failovers.add(Failover.of(event.f().substring("start-".length()), at, recovered));
        }
        return failovers;
    }

    private static Integer count(List<NodeEvent> events, String type, long fromNanos, long toNanos, Long startEpochMs) {
        if (startEpochMs == null) return null;
        return (int) events.stream().filter(e -> e.type().equals(type)).filter(e -> {
            long nanos = (e.ts() - startEpochMs) * 1_000_000L;
            return nanos >= fromNanos && nanos < toNanos;
        }).count();
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }
}
