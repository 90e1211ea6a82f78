package io.rafttorture.results.sweep.workload;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.rafttorture.results.report.Recovery;
import io.rafttorture.results.report.RunReport;

import java.util.List;

/**
 * One run of a workload sweep and the metrics the sweep compares, taken from its results.json ({@link
 * RunReport#recovery()}). A run that could not be carried out (exit 3) has no metrics: they are null, and {@code
 * failoverMs} is empty.
 *
 * @param setting       the election timeout setting, e.g. "150-300"
 * @param trial         0, 1, ... within the setting
 * @param seed          the run's seed (the same trial number has the same seed under every setting)
 * @param exitCode      the run's exit code: 0 valid, 1 invalid, 2 unknown, 3 error
 * @param folder        the run folder
 * @param longestGapMs  the longest span of the workload without an ok operation
 * @param failoverMs    one failover time per fault that was recovered from
 * @param notRecovered  faults after which nothing succeeded before the workload ended
 * @param okPerSecond   ok operations per second of the workload
 * @param p50Ms         median latency of ok operations
 * @param p99Ms         99th percentile latency of ok operations
 * @param elections     elections started during the workload
 * @param leaderChanges elections won during the workload
 */
@JsonPropertyOrder({"setting", "trial", "seed", "exitCode", "verdict", "folder", "longestGapMs", "failoverMs",
        "notRecovered", "okPerSecond", "p50Ms", "p99Ms", "elections", "leaderChanges"})
public record Trial(String setting, int trial, long seed, int exitCode, String folder, Double longestGapMs,
                    List<Double> failoverMs, int notRecovered, Double okPerSecond, Double p50Ms, Double p99Ms,
                    Integer elections, Integer leaderChanges) {
    public Trial {
        failoverMs = List.copyOf(failoverMs);
    }

    /** The trial's metrics from its run's report; {@code folder} as it should appear in the comparison. */
    public static Trial of(String setting, int trial, RunReport report, String folder) {
        Recovery r = report.recovery();
        if (r == null) {
            return new Trial(setting, trial, report.seed(), report.exitCode(), folder, null, List.of(), 0, null, null,
                    null, null, null);
        }
        return new Trial(setting, trial, report.seed(), report.exitCode(), folder, r.longestGap().ms(),
                r.failoverMs(), r.notRecovered(), r.okPerSecond(), r.latencyMs() == null ? null : r.latencyMs().p50(),
                r.latencyMs() == null ? null : r.latencyMs().p99(), r.elections(), r.leaderChanges());
    }

    /** "valid", "invalid", "unknown" or "error". */
    @JsonProperty("verdict")
    public String verdict() {
        return verdictOf(exitCode);
    }

    static String verdictOf(int exitCode) {
        return switch (exitCode) {
            case RunReport.VALID -> "valid";
            case RunReport.INVALID -> "invalid";
            case RunReport.UNKNOWN -> "unknown";
            default -> "error";
        };
    }
}
