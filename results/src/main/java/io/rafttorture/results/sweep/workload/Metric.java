package io.rafttorture.results.sweep.workload;

import java.util.List;
import java.util.function.Function;

/**
 * The quantities a workload sweep compares, in table order. Each gives zero or more values per trial: one for most,
 * one per recovered fault for {@link #FAILOVER} (so a setting's failover spread covers every fault of every trial).
 */
public enum Metric {
    LONGEST_GAP("longest-gap-ms", "longest gap without an ok (ms)", t -> one(t.longestGapMs())),
    FAILOVER("failover-ms", "failover after a fault (ms)", Trial::failoverMs),
    THROUGHPUT("throughput", "throughput (ok/s)", t -> one(t.okPerSecond())),
    P50("p50-ms", "latency p50 (ms)", t -> one(t.p50Ms())),
    P99("p99-ms", "latency p99 (ms)", t -> one(t.p99Ms())),
    ELECTIONS("elections", "elections started", t -> one(t.elections())),
    LEADER_CHANGES("leader-changes", "leader changes", t -> one(t.leaderChanges()));

    private final String key;
    private final String label;
    private final Function<Trial, List<Double>> values;

    Metric(String key, String label, Function<Trial, List<Double>> values) {
        this.key = key;
        this.label = label;
        this.values = values;
    }

    /** The name in workload.json and of the PNG (workload-KEY.png). */
    public String key() {
        return key;
    }

    /** Column heading and plot axis title, with the unit. */
    public String label() {
        return label;
    }

    /** This metric's values in {@code trial} (none when the trial did not measure it). */
    public List<Double> values(Trial trial) {
        return values.apply(trial);
    }

    private static List<Double> one(Number value) {
        return value == null ? List.of() : List.of(value.doubleValue());
    }
}
