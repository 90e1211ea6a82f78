package io.rafttorture.harness.sweep.workload;

import io.rafttorture.harness.runner.RunResult;
import io.rafttorture.harness.runner.TortureRun;
import io.rafttorture.harness.runner.TortureTest;
import io.rafttorture.results.report.RunReport;
import io.rafttorture.results.sweep.ElectionRange;
import io.rafttorture.results.sweep.workload.Trial;
import io.rafttorture.results.sweep.workload.WorkloadComparison;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torture sweep --experiment workload}: for each setting, {@code trials} torture runs of {@code base} with
 * that setting's Raft timeouts ({@link ElectionRange#heartbeatMs()}, min, max, {@link ElectionRange#tickMs()}) and
 * seeds base seed, +1, ..., the same seeds under every setting so that settings face the same client choices and
 * fault schedule. Runs go to {@code sweepDir/runs}, one after the other; then {@link WorkloadComparison} writes
 * workload.txt, workload.json and one PNG per metric into {@code sweepDir}.
 *
 * <p>Ctrl-C during a run ends that run as {@code torture run} does; the sweep then skips the remaining runs and
 * writes the comparison of those that finished.
 */
public final class WorkloadSweep {
    /** Worst first: what {@link #run} returns when several runs differ. */
    private static final List<Integer> SEVERITY = List.of(RunReport.INVALID, RunReport.ERROR, RunReport.UNKNOWN,
            RunReport.VALID);

    private final TortureTest base;
    private final List<ElectionRange> settings;
    private final int trials;
    private final Path sweepDir;
    private WorkloadComparison comparison;

    /**
     * @param base     the run to repeat: everything but the Raft timeouts, seed and results folder is kept
     * @param settings election timeout ranges, in the order run and shown; at least one
     * @param trials   runs per setting, at least 1
     * @param sweepDir the sweep folder (created if absent)
     * @throws IllegalArgumentException naming the problem, when a setting does not make a valid test (checked for
     *                                  all settings before any run starts)
     */
    public WorkloadSweep(TortureTest base, List<ElectionRange> settings, int trials, Path sweepDir) {
        if (settings.isEmpty()) throw new IllegalArgumentException("a workload sweep needs at least one setting");
        if (trials < 1) throw new IllegalArgumentException("--trials must be at least 1, got " + trials);
        this.base = base;
        this.settings = List.copyOf(settings);
        this.trials = trials;
        this.sweepDir = sweepDir;
        settings.forEach(s -> test(s, 0));
    }

    /**
     * Runs every trial (progress lines on {@code progress}), then writes the comparison, whose table {@link
     * #comparison()} then gives.
     *
     * @return the worst exit code of the runs (invalid 1 beats error 3 beats unknown 2 beats valid 0); 3 when the
     *         comparison cannot be written and no run was invalid
     */
    public int run(PrintStream progress) {
        List<Trial> done = new ArrayList<>();
        int worst = RunReport.VALID;
        int total = settings.size() * trials;
        sweep:
        for (ElectionRange setting : settings) {
            for (int t = 0; t < trials; t++) {
                TortureTest test = test(setting, t);
                progress.println("torture sweep: run " + (done.size() + 1) + "/" + total + ": setting " + setting
                        + " ms (heartbeat " + setting.heartbeatMs() + " ms, tick " + setting.tickMs() + " ms), trial "
                        + (t + 1) + "/" + trials + ", seed " + test.seed());
                RunResult result = TortureRun.execute(test, progress);
                Trial trial = Trial.of(setting.toString(), t, result.report(), relative(result.folder()));
                done.add(trial);
                worst = worse(worst, result.exitCode());
                progress.println("torture sweep: " + setting + " trial " + (t + 1) + ": " + trial.verdict()
                        + (trial.longestGapMs() == null ? " (" + result.report().error() + ")" : ", longest gap "
                        + trial.longestGapMs() + " ms, failovers " + trial.failoverMs() + " ms"));
                if (result.report().interrupted()) {
                    progress.println("torture sweep: interrupted; comparing the " + done.size() + " runs done");
                    break sweep;
                }
            }
        }
        return worse(worst, writeComparison(done, progress));
    }

    /** The comparison written by {@link #run}, or null before. */
    public WorkloadComparison comparison() {
        return comparison;
    }

    private int writeComparison(List<Trial> done, PrintStream progress) {
        comparison = WorkloadComparison.of(title(), baseOptions(), settings.stream().map(ElectionRange::toString)
                .toList(), done);
        try {
            comparison.write(sweepDir);
        } catch (IOException | RuntimeException e) {
            progress.println("torture sweep: cannot write the comparison into " + sweepDir + ": " + e);
            return RunReport.ERROR;
        }
        progress.println("torture sweep: comparison in " + sweepDir.resolve("workload.txt") + ", .json and "
                + "workload-*.png");
        return RunReport.VALID;
    }

    /** {@code base} under {@code setting}, trial {@code t}. */
    private TortureTest test(ElectionRange setting, int t) {
        try {
            return base.toBuilder().raftTimeouts(setting.heartbeatMs(), setting.minMs(), setting.maxMs())
                    .tickMs(setting.tickMs()).seed(base.seed() + t).resultsDir(sweepDir.resolve("runs")).build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting " + setting + ": " + e.getMessage(), e);
        }
    }

    private String title() {
        return "workload sweep: " + base.name() + ", " + base.nodes() + " nodes, " + base.timeLimit().toMillis() / 1000.0
                + " s workload, " + base.concurrency() + " clients at " + base.rate() + " ops/s; " + trials
                + (trials == 1 ? " run" : " runs") + " per setting, seed" + (trials == 1 ? " " + base.seed()
                : "s " + base.seed() + "-" + (base.seed() + trials - 1)) + " (the same under every setting)";
    }

    /** test.json of the base, without what the sweep sets per run. */
    private Map<String, Object> baseOptions() {
        Map<String, Object> options = new LinkedHashMap<>(base.toMap());
        for (String varied : List.of("tick-ms", "heartbeat-ms", "election-min-ms", "election-max-ms", "results-dir")) {
            options.remove(varied);
        }
        options.put("trials", trials);
        options.put("heartbeat", "half the minimum election timeout");
        options.put("tick-ms", settings.get(0).tickMs());
        return options;
    }

    private String relative(Path folder) {
        return sweepDir.toAbsolutePath().normalize().relativize(folder.toAbsolutePath().normalize()).toString();
    }

    /** The worse of two exit codes: invalid beats error beats unknown beats valid. */
    static int worse(int a, int b) {
        return SEVERITY.indexOf(a) <= SEVERITY.indexOf(b) ? a : b;
    }
}
