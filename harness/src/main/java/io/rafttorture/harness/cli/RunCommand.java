package io.rafttorture.harness.cli;

import io.rafttorture.harness.runner.Keep;
import io.rafttorture.harness.runner.RunPruner;
import io.rafttorture.harness.runner.RunResult;
import io.rafttorture.harness.runner.TortureRun;
import io.rafttorture.harness.runner.TortureTest;
import io.rafttorture.node.raft.Bug;
import io.rafttorture.results.report.RunReport;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "5", description = "Cluster size, 1-8. Default: ${DEFAULT-VALUE}.")
    int nodes;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long clients and nemesis run. Default: ${DEFAULT-VALUE}.")
    double timeLimit;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "10",
            description = "Client threads; process p talks to node (p mod nodes)+1. Default: ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--rate", paramLabel = "OPS", defaultValue = "200",
            description = "Invocations per second, across all clients. Default: ${DEFAULT-VALUE}.")
    double rate;

    @Option(names = "--workload", paramLabel = "NAME", defaultValue = "kv",
            description = "register (one key: read/write/cas) or kv (--keys independent keys). Default: ${DEFAULT-VALUE}.")
    String workload;

    @Option(names = "--keys", paramLabel = "N", defaultValue = "10", description = "Keys of the kv workload. Default: ${DEFAULT-VALUE}.")
    int keys;

    @Option(names = "--read-ratio", paramLabel = "R", defaultValue = "0.333",
            description = "Share of reads in the mix, 0-1; writes and cas share the rest evenly. Read bugs show "
                    + "sooner with more reads (0.8). Default: ${DEFAULT-VALUE}.")
    double readRatio;

    @Option(names = "--nemesis", paramLabel = "FAULTS", defaultValue = "partition,kill,pause", split = ",",
            description = "none, or faults to choose from: partition (random halves, isolate one, majorities ring, "
                    + "bridge, one-way), partition-leader (the leader cut off in the smaller half), kill (leader or random node, restarted), pause (leader or random node, "
                    + "resumed), latency (75±25 ms on peer links). Default: ${DEFAULT-VALUE}.")
    List<String> nemesis;

    @Option(names = "--scenario", paramLabel = "FILE", description = "Fault steps from a JSON or YAML file "
            + "(scenarios/README.md) instead of the random --nemesis; validated before any container starts.")
    Path scenario;

    @Option(names = "--nemesis-interval", paramLabel = "SECONDS", defaultValue = "5",
            description = "Each fault lasts this long, then the cluster gets as long to recover. Default: ${DEFAULT-VALUE}.")
    double nemesisInterval;

    @Option(names = "--seed", paramLabel = "N", description = "Seeds client choices and the nemesis. Default: random "
            + "(printed, and saved in test.json).")
    Long seed;

    @Option(names = "--heartbeat-ms", paramLabel = "MS", defaultValue = "50", description = "Raft heartbeat. Default: ${DEFAULT-VALUE}.")
    int heartbeatMs;

    @Option(names = "--election-min-ms", paramLabel = "MS", defaultValue = "150",
            description = "Raft election timeout, low end. Default: ${DEFAULT-VALUE}.")
    int electionMinMs;

    @Option(names = "--election-max-ms", paramLabel = "MS", defaultValue = "300",
            description = "Raft election timeout, high end. Default: ${DEFAULT-VALUE}.")
    int electionMaxMs;

    @Option(names = "--bug", paramLabel = "NAME", defaultValue = "none", description = "Run the nodes with a deliberate "
            + "bug (node/BUGS.md): none, stale-read, leader-read-no-quorum, early-ack, forget-vote, skip-truncate. "
            + "Default: ${DEFAULT-VALUE}.")
    String bug;

    @Option(names = "--results-dir", paramLabel = "DIR", defaultValue = "results",
            description = "Where run folders go. Default: ${DEFAULT-VALUE} (relative to the working directory).")
    Path resultsDir;

    @Option(names = "--test-count", paramLabel = "N", defaultValue = "1",
            description = "Repeat runs (seed, seed+1, ...); stop at the first invalid one. Default: ${DEFAULT-VALUE}.")
    int testCount;

    @Option(names = "--op-timeout-ms", paramLabel = "MS", defaultValue = "1000",
            description = "A request without an answer after this long is recorded as info. Default: ${DEFAULT-VALUE}.")
    long opTimeoutMs;

    @Option(names = "--check-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Checker time budget; when it runs out the verdict is unknown. Default: ${DEFAULT-VALUE}.")
    double checkTimeout;

    @Option(names = "--allow-unavailable", description = "Exit 0 for a valid run even if an operation type never "
            + "succeeded or almost nothing succeeded outside fault windows (default: such a run exits 2).")
    boolean allowUnavailable;

    @Option(names = "--keep", paramLabel = "WHICH", defaultValue = "all",
            description = "Which run folders to keep: all, or failures (a valid run's folder is deleted after its "
                    + "summary is printed, and the latest links move to the newest remaining run; for nightly jobs). "
                    + "Default: ${DEFAULT-VALUE}.")
    String keep;

    @Option(names = "--max-node-log-mb", paramLabel = "MB", defaultValue = "64", description = "Cap of each node "
            + "log file; past it the file ends with one log-capped line. Default: ${DEFAULT-VALUE}.")
    long maxNodeLogMb;

    @Option(names = "--node-jar", paramLabel = "FILE", description = "The node jar to run in the containers. "
            + "Default: the launcher's node/target/node.jar.")
    Path nodeJar;

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
            TortureTest.Builder builder = TortureTest.builder().nodes(nodes).timeLimit(seconds("--time-limit", timeLimit))
                    .concurrency(concurrency).rate(rate).workload(workload).keys(keys).readRatio(readRatio)
                    .nemesisInterval(seconds("--nemesis-interval", nemesisInterval))
                    .raftTimeouts(heartbeatMs, electionMinMs, electionMaxMs).bug(Bug.fromFlag(bug))
                    .resultsDir(resultsDir).opTimeout(Duration.ofMillis(opTimeoutMs))
                    .checkTimeout(seconds("--check-timeout", checkTimeout)).allowUnavailable(allowUnavailable)
                    .nodeJar(nodeJar).maxNodeLogBytes(maxNodeLogMb << 20);
            if (seed != null) builder.seed(seed);
            // The default --nemesis gives way to --scenario; only one given explicitly conflicts with it.
            if (scenario == null || spec.commandLine().getParseResult().hasMatchedOption("--nemesis")) {
                builder.nemesis(nemesis);
            }
            return builder.scenario(scenario).build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage().replace("unknown bug", "--bug: unknown bug"));
        }
    }

    private static Duration seconds(String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(option + " must be a positive number of seconds, got " + value);
        }
        return Duration.ofMillis(Math.max(1, Math.round(value * 1000)));
    }
}
