package io.rafttorture.harness.cli;

import io.rafttorture.harness.runner.TortureTest;
import io.rafttorture.node.raft.Bug;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options that describe a torture test except its Raft timeouts: shared by {@code torture run} and {@code torture
 * sweep --experiment workload} (a picocli mixin). {@link #builder()} turns them into a {@link TortureTest.Builder}.
 */
final class TestOptions {
    @Spec(Spec.Target.MIXEE)
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

    @Option(names = "--seed", paramLabel = "N", description = "Seeds client choices, the nemesis and the nodes' election "
            + "timers (node i: seed*1000+i). Default: random (printed, and saved in test.json).")
    Long seed;

    @Option(names = "--bug", paramLabel = "NAME", defaultValue = "none", description = "Run the nodes with a deliberate "
            + "bug (node/BUGS.md): none, stale-read, leader-read-no-quorum, early-ack, forget-vote, skip-truncate. "
            + "Default: ${DEFAULT-VALUE}.")
    String bug;

    @Option(names = "--results-dir", paramLabel = "DIR", defaultValue = "results",
            description = "Where run folders go. Default: ${DEFAULT-VALUE} (relative to the working directory).")
    Path resultsDir;

    @Option(names = "--op-timeout-ms", paramLabel = "MS", defaultValue = "1000",
            description = "A request without an answer after this long is recorded as info. Default: ${DEFAULT-VALUE}.")
    long opTimeoutMs;

    @Option(names = "--check-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Checker time budget; when it runs out the verdict is unknown. Default: ${DEFAULT-VALUE}.")
    double checkTimeout;

    @Option(names = "--allow-unavailable", description = "Exit 0 for a valid run even if an operation type never "
            + "succeeded or almost nothing succeeded outside fault windows (default: such a run exits 2).")
    boolean allowUnavailable;

    @Option(names = "--max-node-log-mb", paramLabel = "MB", defaultValue = "64", description = "Cap of each node "
            + "log file; past it the file ends with one log-capped line. Default: ${DEFAULT-VALUE}.")
    long maxNodeLogMb;

    @Option(names = "--node-jar", paramLabel = "FILE", description = "The node jar to run in the containers. "
            + "Default: the launcher's node/target/node.jar.")
    Path nodeJar;

    /**
     * A builder with every option but the Raft timeouts set; IllegalArgumentException naming the option for a bad
     * value (the caller turns it into a usage error).
     */
    TortureTest.Builder builder() {
        TortureTest.Builder builder = TortureTest.builder().nodes(nodes).timeLimit(seconds("--time-limit", timeLimit))
                .concurrency(concurrency).rate(rate).workload(workload).keys(keys).readRatio(readRatio)
                .nemesisInterval(seconds("--nemesis-interval", nemesisInterval)).bug(Bug.fromFlag(bug))
                .resultsDir(resultsDir).opTimeout(Duration.ofMillis(opTimeoutMs))
                .checkTimeout(seconds("--check-timeout", checkTimeout)).allowUnavailable(allowUnavailable)
                .nodeJar(nodeJar).maxNodeLogBytes(maxNodeLogMb << 20);
        if (seed != null) builder.seed(seed);
        // The default --nemesis gives way to --scenario; only one given explicitly conflicts with it.
        if (scenario == null || spec.commandLine().getParseResult().hasMatchedOption("--nemesis")) {
            builder.nemesis(nemesis);
        }
        return builder.scenario(scenario);
    }

    static Duration seconds(String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(option + " must be a positive number of seconds, got " + value);
        }
        return Duration.ofMillis(Math.max(1, Math.round(value * 1000)));
    }
}
