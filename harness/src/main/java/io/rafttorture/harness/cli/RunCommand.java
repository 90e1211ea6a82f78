package io.rafttorture.harness.cli;

import io.rafttorture.harness.runner.Keep;
import io.rafttorture.harness.runner.RunPruner;
import io.rafttorture.harness.runner.RunResult;
import io.rafttorture.harness.runner.TortureRun;
import io.rafttorture.harness.runner.TortureTest;
import io.rafttorture.results.report.RunReport;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code torture run}: starts a cluster, runs a workload under a nemesis, checks the history and writes a run
 * folder (see {@link TortureRun}). Progress goes to stderr, the summary to stdout. With {@code --test-count N} it
 * repeats runs (seed, seed+1, ...) and stops at the first invalid one. With {@code --keep failures} each valid run's
 * folder is deleted as soon as its summary is printed ({@link RunPruner}).
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Starts a Raft cluster in Docker, hammers it with concurrent clients while faults come and go, "
            + "checks the history for linearizability and writes a results folder "
            + "<results-dir>/<workload>-<nemesis>/<time>/ (history.jsonl, history.edn, results.json, test.json, "
            + "summary.txt, nodes/n1.log ...), linked as <results-dir>/latest.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:valid (linearizable, and the cluster was available)", "1:invalid (not linearizable, or a Raft safety property broke)",
            "2:unknown (checker budget ran out, run interrupted, or unavailable without --allow-unavailable)",
            "3:error (bad option, cluster failed to start)"})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TestOptions options = new TestOptions();

    @Option(names = "--tick-ms", paramLabel = "MS", defaultValue = "10", description = "The nodes' clock tick; "
            + "Raft timeouts are whole ticks (use 1 for timeouts that are not multiples of 10). Default: ${DEFAULT-VALUE}.")
    int tickMs;

    @Option(names = "--heartbeat-ms", paramLabel = "MS", defaultValue = "50", description = "Raft heartbeat. Default: ${DEFAULT-VALUE}.")
    int heartbeatMs;

    @Option(names = "--election-min-ms", paramLabel = "MS", defaultValue = "150",
            description = "Raft election timeout, low end. Default: ${DEFAULT-VALUE}.")
    int electionMinMs;

    @Option(names = "--election-max-ms", paramLabel = "MS", defaultValue = "300",
            description = "Raft election timeout, high end (equal to the low end: no randomness). Default: ${DEFAULT-VALUE}.")
    int electionMaxMs;

    @Option(names = "--test-count", paramLabel = "N", defaultValue = "1",
            description = "Repeat runs (seed, seed+1, ...); stop at the first invalid one. Default: ${DEFAULT-VALUE}.")
    int testCount;

    @Option(names = "--keep", paramLabel = "WHICH", defaultValue = "all",
            description = "Which run folders to keep: all, or failures (a valid run's folder is deleted after its "
                    + "summary is printed, and the latest links move to the newest remaining run; for nightly jobs). "
                    + "Default: ${DEFAULT-VALUE}.")
    String keep;

    @Override
    public Integer call() {
        if (testCount < 1) throw new ParameterException(spec.commandLine(), "--test-count must be at least 1, got " + testCount);
        Keep keeping = keep();
        TortureTest first = test();
        PrintWriter out = spec.commandLine().getOut();
        int worst = RunReport.VALID;
        for (int i = 0; i < testCount; i++) {
            TortureTest test = first.toBuilder().seed(first.seed() + i).build();
            if (testCount > 1) System.err.println("torture: run " + (i + 1) + " of " + testCount);
            RunResult result;
            try {
                result = TortureRun.execute(test, System.err);
            } catch (UncheckedIOException e) {
                // The results folder cannot be written: nothing to report into.
                spec.commandLine().getErr().println("torture run: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return RunReport.ERROR;
            }
            out.print(result.summary());
            out.flush();
            applyKeep(keeping, first.resultsDir(), result, spec.commandLine().getErr());
            worst = worse(worst, result.exitCode());
            if (result.exitCode() == RunReport.INVALID || result.exitCode() == RunReport.ERROR) break;
        }
        return worst;
    }

    private Keep keep() {
        try {
            return Keep.fromFlag(keep);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * --keep failures: deletes a valid run's folder (and repairs the latest links), saying so on {@code err}; a failure
     * to delete is reported there and never changes the exit code.
     */
    static void applyKeep(Keep keep, Path resultsDir, RunResult result, PrintWriter err) {
        if (keep.keeps(result.exitCode())) return;
        Path folder = result.folder();
        try {
            RunPruner.delete(resultsDir, folder);
            err.println("torture: --keep failures: deleted the valid run's folder " + folder);
        } catch (IOException | IllegalArgumentException e) {
            err.println("torture: --keep failures: cannot delete " + folder + ": " + e.getMessage());
        }
        err.flush();
    }

    /** Invalid beats error beats unknown beats valid. */
    static int worse(int a, int b) {
        List<Integer> order = List.of(RunReport.INVALID, RunReport.ERROR, RunReport.UNKNOWN, RunReport.VALID);
        return order.indexOf(a) <= order.indexOf(b) ? a : b;
    }

    private TortureTest test() {
        try {
            return options.builder().raftTimeouts(heartbeatMs, electionMinMs, electionMaxMs).tickMs(tickMs).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage().replace("unknown bug", "--bug: unknown bug"));
        }
    }
}
