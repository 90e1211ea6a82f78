package io.rafttorture.results.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.rafttorture.results.checker.CheckResult;
import io.rafttorture.results.checker.Verdict;
import io.rafttorture.results.raft.RaftCheck;

import java.util.List;
import java.util.Map;

/**
 * The content of results.json.
 *
 * @param valid        Jepsen's :valid?: true, false or "unknown" (of the run, availability included)
 * @param exitCode     what {@code torture run} exits with: 0 valid, 1 invalid, 2 unknown, 3 error
 * @param problems     every reason the run is not a clean pass, one sentence each (empty on a pass)
 * @param name         workload-nemesis
 * @param seed         the run's seed
 * @param interrupted  true when Ctrl-C cut the run short (heal and final reads skipped)
 * @param check        the checker's result: verdict, per-key results, anomaly explanation
 * @param raft         Raft's safety properties checked from the nodes' events and final logs (null when not checked)
 * @param stats        counts per f, latency percentiles, throughput
 * @param availability the no-silent-pass rules' findings
 * @param recovery     availability metrics of the workload phase: longest gap without an ok operation, failover
 *                     after each fault, elections, throughput, latency ({@link Recovery}); null when not measured
 * @param nemesis      every fault event: time (ms), f and value
 * @param phasesMillis time spent in each phase of the run
 * @param error        what went wrong when the run could not be carried out (exit 3), else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"valid", "exitCode", "problems", "name", "seed", "interrupted", "check", "raft", "stats", "availability",
        "recovery", "nemesis", "phasesMillis", "error"})
public record RunReport(Object valid, int exitCode, List<String> problems, String name, long seed,
                        boolean interrupted, CheckResult check, RaftCheck raft, Stats stats, Availability availability,
                        Recovery recovery, List<Map<String, Object>> nemesis, Map<String, Long> phasesMillis, String error) {
    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int UNKNOWN = 2;
    public static final int ERROR = 3;

    /**
     * The run's outcome: the checker's verdict, invalid when a Raft property broke, turned from valid into unknown
     * when the run was unavailable (unless {@code allowUnavailable}) or interrupted. Invalid stays invalid whatever
     * else happened.
     */
    public static int exitCode(Verdict verdict, RaftCheck raft, Availability availability, boolean allowUnavailable,
                               boolean interrupted) {
        if (raft != null && !raft.valid()) return INVALID;
        return switch (verdict) {
            case INVALID -> INVALID;
            case UNKNOWN -> UNKNOWN;
            case VALID -> interrupted || (!availability.available() && !allowUnavailable) ? UNKNOWN : VALID;
        };
    }

    /** Jepsen's :valid? value for an exit code. */
    public static Object valid(int exitCode) {
        return switch (exitCode) {
            case VALID -> true;
            case INVALID -> false;
            default -> "unknown";
        };
    }
}
