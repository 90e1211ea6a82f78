package io.rafttorture.harness.sweep.leadercrash;

import io.rafttorture.results.sweep.ElectionRange;
import io.rafttorture.results.sweep.LeaderCrashReport;
import io.rafttorture.results.sweep.LeaderCrashTrial;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torture sweep --experiment leader-crash}: a {@link LeaderCrashExperiment} per setting, one after the other
 * (each on a fresh cluster, so settings never share a machine's load), then the comparison ({@link
 * LeaderCrashReport}) written into the sweep folder: {@code leader-crash.txt}, {@code .json} and {@code -cdf.png},
 * rewritten every {@value #CHECKPOINT_TRIALS} trials and after each setting (Ctrl-C keeps what was measured); each
 * setting's node logs in {@code clusters/<setting>/}.
 */
public final class LeaderCrashSweep {
    private static final int CHECKPOINT_TRIALS = 10;
    private final List<ElectionRange> settings;
    private final int nodes;
    private final int trials;
    private final Duration trialTimeout;
    private final long seed;
    private final Path sweepDir;
    private final Path nodeJar;

    /** @param nodeJar the node jar, or null for the default */
    public LeaderCrashSweep(List<ElectionRange> settings, int nodes, int trials, Duration trialTimeout, long seed,
                            Path sweepDir, Path nodeJar) {
        if (settings.isEmpty()) throw new IllegalArgumentException("a leader-crash sweep needs at least one setting");
        this.settings = List.copyOf(settings);
        this.nodes = nodes;
        this.trials = trials;
        this.trialTimeout = trialTimeout;
        this.seed = seed;
        this.sweepDir = sweepDir;
        this.nodeJar = nodeJar;
    }

    /**
     * Runs every setting and writes the comparison, also after a setting failed (its trials so far are kept, the
     * error goes to {@code progress}). Returns the report, whose table the caller prints.
     *
     * @throws SweepFailure when a setting could not be run; the comparison of the others is written first
     */
    public LeaderCrashReport run(PrintStream progress) throws InterruptedException {
        List<LeaderCrashTrial> all = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        LeaderCrashReport report = null;
        for (int i = 0; i < settings.size(); i++) {
            ElectionRange setting = settings.get(i);
            progress.println("torture sweep: setting " + setting + " ms (heartbeat " + setting.heartbeatMs() + " ms, tick "
                    + setting.tickMs() + " ms), " + trials + " trials");
            LeaderCrashExperiment experiment = new LeaderCrashExperiment(setting, nodes, trials, trialTimeout, seed + i,
                    sweepDir.resolve("clusters").resolve(setting.toString()), nodeJar);
            try {
                experiment.run(progress, trial -> {
                    all.add(trial);
                    if (all.size() % CHECKPOINT_TRIALS == 0) write(all);
                });
            } catch (RuntimeException e) {
                failures.add(setting + ": " + e.getMessage());
                progress.println("torture sweep: setting " + setting + " failed: " + e.getMessage());
            }
            report = write(all);
        }
        if (!failures.isEmpty()) throw new SweepFailure(report, failures);
        return report;
    }

    /** The comparison of the trials so far: rewritten as the sweep goes, so an interrupted sweep keeps its data. */
    private LeaderCrashReport write(List<LeaderCrashTrial> trials) {
        LeaderCrashReport report = new LeaderCrashReport(settings, trials, trialTimeout.toMillis(), options());
        try {
            report.write(sweepDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the comparison into " + sweepDir, e);
        }
        return report;
    }

    private Map<String, Object> options() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("nodes", nodes);
        options.put("trials", trials);
        options.put("trial-timeout-s", trialTimeout.toMillis() / 1000.0);
        options.put("seed", seed);
        options.put("election-ms", settings.stream().map(ElectionRange::toString).toList());
        options.put("heartbeat", "half the minimum election timeout");
        options.put("tick-ms", 1);
        return options;
    }

    /** Some settings could not be run; the comparison of the rest was written. */
    public static final class SweepFailure extends RuntimeException {
        private final transient LeaderCrashReport report;

        SweepFailure(LeaderCrashReport report, List<String> failures) {
            super(String.join("; ", failures));
            this.report = report;
        }

        public LeaderCrashReport report() {
            return report;
        }
    }
}
