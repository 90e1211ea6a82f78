package io.rafttorture.harness.cli;

import io.rafttorture.harness.replay.ReplayException;
import io.rafttorture.harness.replay.ReplayReport;
import io.rafttorture.harness.replay.TortureReplay;
import io.rafttorture.results.report.RunReport;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code torture replay RESULTS_DIR [--test-count N]}: runs a recorded run again with the same options, seed and
 * fault schedule ({@link TortureReplay}) and reports how often the original verdict reproduced. Progress goes to
 * stderr; one line per replay and the summary to stdout.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a recorded run again: the same options and seed (its test.json) and the same faults at "
            + "the same offsets on the same nodes (its schedule.json, every target resolved: the leader it killed then "
            + "is killed again by node id). Replays go to <results-dir>/replays/<time>/: replay-scenario.json, "
            + "replay.json (per replay: folder, verdict, reproduced, and each step's original and replay start offset "
            + "and targets) and each replay's run folder. A faithful replay starts every step within "
            + "500 ms of the original; thread interleavings, network timing and election timing are not replayed, so "
            + "which node leads and whether a bug shows may differ (scenarios/README.md, \"Replaying a run\").", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every replay reproduced the original verdict",
            "1:at least one replay ended with another verdict",
            "3:error (not a run folder, a malformed test.json, schedule.json or results.json, bad option, or a replay "
                    + "that could not run)"})
public final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "A run folder (results/kv-partition/20261123-"
            + "010203), a latest link, or a results directory (its latest run).")
    Path run;

    @Option(names = "--test-count", paramLabel = "N", defaultValue = "1",
            description = "How many replays, each with the same seed and schedule. Default: ${DEFAULT-VALUE}.")
    int testCount;

    @Option(names = "--results-dir", paramLabel = "DIR", description = "Where the replays/ folder goes. Default: the "
            + "original run's results directory.")
    Path resultsDir;

    @Option(names = "--node-jar", paramLabel = "FILE", description = "The node jar to run in the containers. "
            + "Default: the original's (test.json), else the launcher's node/target/node.jar.")
    Path nodeJar;

    @Override
    public Integer call() {
        if (testCount < 1) {
            throw new ParameterException(spec.commandLine(), "--test-count must be at least 1, got " + testCount);
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            ReplayReport report = TortureReplay.execute(new TortureReplay.Options(run, testCount, resultsDir, nodeJar),
                    System.err, out);
            return report.exitCode();
        } catch (ReplayException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("torture replay: " + e.getMessage());
            err.flush();
            return RunReport.ERROR;
        }
    }
}
