package io.rafttorture.harness.replay;

import io.rafttorture.nemesis.scenario.ScheduleComparison;
import io.rafttorture.nemesis.scenario.ScheduleReplay;
import io.rafttorture.results.report.RunReport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the replays of one run showed: per replay, its folder, verdict, whether it reproduced the original verdict,
 * and how closely its schedule followed the original's; what replay.json holds and what {@code torture replay}
 * prints. Not thread-safe: the replaying thread adds runs one by one.
 */
public final class ReplayReport {
    /**
     * One replay run.
     *
     * @param number          1..N
     * @param folder          its run folder
     * @param exitCode        its verdict: 0 valid, 1 invalid, 2 unknown, 3 error
     * @param comparison      its schedule against the original's; null when it wrote no schedule.json
     * @param scheduleProblem why there is no comparison (null when there is one)
     */
    public record Run(int number, Path folder, int exitCode, ScheduleComparison comparison, String scheduleProblem) {
    }

    private final Path originalFolder;
    private final int originalExitCode;
    private final ScheduleReplay plan;
    private final Path scenarioFile;
    private final int count;
    private final List<Run> runs = new ArrayList<>();

    /**
     * @param scenarioFile the replay scenario written for the runs (null when the original applied no faults)
     * @param count        how many replays will run
     */
    public ReplayReport(Path originalFolder, int originalExitCode, ScheduleReplay plan, Path scenarioFile, int count) {
        this.originalFolder = originalFolder;
        this.originalExitCode = originalExitCode;
        this.plan = plan;
        this.scenarioFile = scenarioFile;
        this.count = count;
    }

    public void add(Run run) {
        runs.add(run);
    }

    public List<Run> runs() {
        return List.copyOf(runs);
    }

    /** Whether {@code run} ended with the original's verdict. */
    public boolean reproduced(Run run) {
        return run.exitCode() == originalExitCode;
    }

    /** How many replays so far reproduced the original verdict. */
    public long reproducedCount() {
        return runs.stream().filter(this::reproduced).count();
    }

    /** The largest start-offset deviation over every replay's steps, ms. */
    public double maxDeviationMs() {
        return runs.stream().filter(r -> r.comparison() != null)
                .mapToDouble(r -> r.comparison().maxDeviationMs()).max().orElse(0);
    }

    /**
     * 0 when every replay reproduced the original verdict; 3 when a replay could not be carried out (it ended in an
     * error the original did not); else 1.
     */
    public int exitCode() {
        boolean failed = originalExitCode != RunReport.ERROR
                && runs.stream().anyMatch(r -> r.exitCode() == RunReport.ERROR);
        if (failed) return RunReport.ERROR;
        return reproducedCount() == runs.size() ? RunReport.VALID : RunReport.INVALID;
    }

    /**
     * "replay 1 of 3: INVALID, reproduced; 12 of 12 steps applied, targets same, largest offset deviation 41.0 ms;
     * FOLDER".
     */
    public String line(Run run) {
        String schedule = run.comparison() != null ? run.comparison().describe() : run.scheduleProblem();
        return "replay " + run.number() + " of " + count + ": " + verdict(run.exitCode()) + ", "
                + (reproduced(run) ? "reproduced" : "not reproduced") + "; " + schedule + "; " + run.folder();
    }

    /** "reproduced the original verdict (INVALID) in 2 of 3 runs; largest offset deviation 41.0 ms (tolerance 500 ms)". */
    public String summary() {
        return "reproduced the original verdict (" + verdict(originalExitCode) + ") in " + reproducedCount() + " of "
                + runs.size() + " runs; largest offset deviation " + round(maxDeviationMs()) + " ms (tolerance "
                + Math.round(ScheduleComparison.TOLERANCE_MS) + " ms)";
    }

    /** replay.json. */
    public Map<String, Object> toMap() {
        Map<String, Object> original = new LinkedHashMap<>();
        original.put("folder", originalFolder.toString());
        original.put("verdict", verdict(originalExitCode));
        original.put("exit-code", originalExitCode);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("original", original);
        map.put("replay-scenario", scenarioFile == null ? null : scenarioFile.toString());
        map.put("steps-replayed", plan.steps().size());
        map.put("not-replayed", plan.notReplayed().stream().map(n -> Map.of("index", n.index(), "kind", n.kind(),
                "reason", n.reason())).toList());
        map.put("reproduced", reproducedCount());
        map.put("runs-done", runs.size());
        map.put("max-deviation-ms", round(maxDeviationMs()));
        map.put("tolerance-ms", ScheduleComparison.TOLERANCE_MS);
        map.put("runs", runs.stream().map(this::runMap).toList());
        return map;
    }

    private Map<String, Object> runMap(Run run) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("run", run.number());
        map.put("folder", run.folder().toString());
        map.put("verdict", verdict(run.exitCode()));
        map.put("exit-code", run.exitCode());
        map.put("reproduced", reproduced(run));
        map.put("schedule", run.comparison() != null ? run.comparison().toMap()
                : Map.of("problem", run.scheduleProblem()));
        return map;
    }

    /** VALID, INVALID, UNKNOWN or ERROR for an exit code. */
    static String verdict(int exitCode) {
        return switch (exitCode) {
            case RunReport.VALID -> "VALID";
            case RunReport.INVALID -> "INVALID";
            case RunReport.UNKNOWN -> "UNKNOWN";
            default -> "ERROR";
        };
    }

    private static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }
}
