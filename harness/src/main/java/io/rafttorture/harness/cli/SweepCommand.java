package io.rafttorture.harness.cli;

import io.rafttorture.harness.runner.ResultsFolder;
import io.rafttorture.harness.runner.TortureTest;
import io.rafttorture.harness.sweep.leadercrash.LeaderCrashSweep;
import io.rafttorture.harness.sweep.workload.WorkloadSweep;
import io.rafttorture.results.report.RunReport;
import io.rafttorture.results.sweep.ElectionRange;
import io.rafttorture.results.sweep.LeaderCrashReport;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code torture sweep}: the same experiment under several election timeout settings, compared side by side in a
 * sweep folder {@code <results-dir>/sweep-<experiment>/<time>/} (linked as {@code .../latest}). The comparison
 * table goes to stdout, progress to stderr.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs one experiment under each election timeout setting and compares them.", "",
            "leader-crash (the Raft paper's Figure 16): a 5-node cluster per setting; each trial kills the leader at a "
                + "random moment within its heartbeat interval (half the minimum election timeout) and times the "
                + "election that follows from the nodes' events; the node is restarted and caught up before the next "
                + "trial. Writes leader-crash.txt, leader-crash.json and leader-crash-cdf.png.", "",
            "workload: the torture run described by the run options below (workload, nemesis or scenario, time "
                + "limit...) under each setting, --trials runs each; compares availability, failover, throughput, "
                + "latency, elections and verdicts. Writes workload.txt, workload.json and a plot per metric.", "",
            "Every setting runs with a 1 ms tick and a heartbeat of half its minimum election timeout.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every setting ran (workload: and every run was valid)",
            "1:workload: some run was invalid", "2:workload: some run was unknown",
            "3:error (bad option, a cluster failed to start or a setting could not be run)"})
public final class SweepCommand implements Callable<Integer> {
    static final String DEFAULT_SETTINGS = "150-150,150-151,150-155,150-175,150-200,150-300,12-24";

    @Spec
    CommandSpec spec;

    @Option(names = "--experiment", paramLabel = "NAME", defaultValue = "leader-crash",
            description = "leader-crash or workload. Default: ${DEFAULT-VALUE}.")
    String experiment;

    @Option(names = "--election-ms", paramLabel = "MIN-MAX,...", defaultValue = DEFAULT_SETTINGS,
            description = "Election timeout settings in ms, compared in this order. Default: ${DEFAULT-VALUE}.")
    String electionMs;

    @Option(names = "--trials", paramLabel = "N", description = "Trials per setting: leader crashes "
            + "(default 200), or torture runs with seeds seed, seed+1, ... (default 1).")
    Integer trials;

    @Option(names = "--trial-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "leader-crash: a trial with no new leader after this long counts as \"no leader\" "
                    + "(censored). Default: ${DEFAULT-VALUE}.")
    double trialTimeout;

    @Mixin
    TestOptions options = new TestOptions();

    @Override
    public Integer call() throws InterruptedException {
        List<ElectionRange> settings = settings();
        return switch (experiment) {
            case "leader-crash" -> leaderCrash(settings);
            case "workload" -> workload(settings);
            default -> throw new ParameterException(spec.commandLine(),
                    "--experiment must be leader-crash or workload, got \"" + experiment + "\"");
        };
    }

    private int leaderCrash(List<ElectionRange> settings) throws InterruptedException {
        int n = trials == null ? 200 : trials;
        if (n < 1) throw usage("--trials must be at least 1, got " + n);
        if (options.nodes < 3 || options.nodes > 8) {
            throw usage("--nodes must be 3-8 for leader-crash (a majority must survive the crash), got " + options.nodes);
        }
        Duration timeout = duration("--trial-timeout", trialTimeout);
        long seed = options.seed != null ? options.seed : System.nanoTime() & 0xffff_ffffL;
        ResultsFolder folder = sweepFolder("leader-crash", Map.of("nodes", options.nodes, "trials", n,
                "trial-timeout-s", trialTimeout, "seed", seed, "election-ms", electionMs));
        LeaderCrashSweep sweep = new LeaderCrashSweep(settings, options.nodes, n, timeout, seed, folder.dir(),
                options.nodeJar);
        int exit = RunReport.VALID;
        LeaderCrashReport report;
        try {
            report = sweep.run(System.err);
        } catch (LeaderCrashSweep.SweepFailure failure) {
            System.err.println("torture sweep: " + failure.getMessage());
            report = failure.report();
            exit = RunReport.ERROR;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(report.table());
        out.println("Sweep folder: " + folder.dir());
        out.flush();
        return exit;
    }

    private int workload(List<ElectionRange> settings) {
        int n = trials == null ? 1 : trials;
        if (n < 1) throw usage("--trials must be at least 1, got " + n);
        TortureTest base = null;
        for (ElectionRange setting : settings) { // every setting checked before anything is created
            try {
                TortureTest test = options.builder().raftTimeouts(setting.heartbeatMs(), setting.minMs(),
                        setting.maxMs()).tickMs(setting.tickMs()).build();
                if (base == null) base = test;
            } catch (IllegalArgumentException e) {
                throw usage("setting " + setting + ": " + e.getMessage());
            }
        }
        Path folder = sweepFolder("workload", Map.of("test", base.toMap(), "trials", n, "election-ms", electionMs)).dir();
        WorkloadSweep sweep = new WorkloadSweep(base, settings, n, folder);
        int exit = sweep.run(System.err);
        PrintWriter out = spec.commandLine().getOut();
        if (sweep.comparison() != null) out.print(sweep.comparison().table());
        out.println("Sweep folder: " + folder);
        out.flush();
        return exit;
    }

    private ResultsFolder sweepFolder(String experimentName, Map<String, Object> sweepOptions) {
        ResultsFolder folder = ResultsFolder.create(options.resultsDir, "sweep-" + experimentName, LocalDateTime.now());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("experiment", experimentName);
        json.putAll(sweepOptions);
        folder.writeJson("sweep.json", json);
        folder.linkLatestOfName();
        System.err.println("torture sweep: " + experimentName + " into " + folder.dir());
        return folder;
    }

    private List<ElectionRange> settings() {
        try {
            return ElectionRange.parseList(electionMs);
        } catch (IllegalArgumentException e) {
            throw usage("--election-ms: " + e.getMessage());
        }
    }

    private Duration duration(String option, double seconds) {
        try {
            return TestOptions.seconds(option, seconds);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
