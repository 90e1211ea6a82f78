package io.rafttorture.harness.runner;

import io.rafttorture.harness.cluster.Cluster;
import io.rafttorture.harness.cluster.Endpoint;
import io.rafttorture.nemesis.scenario.ClusterView;
import io.rafttorture.nemesis.scenario.Primitives;
import io.rafttorture.nemesis.scenario.RunClock;
import io.rafttorture.nemesis.scenario.Scenario;
import io.rafttorture.nemesis.scenario.ScenarioRunner;
import io.rafttorture.nemesis.schedule.Fault;
import io.rafttorture.nemesis.schedule.FaultRunner;
import io.rafttorture.nemesis.schedule.Faults;
import io.rafttorture.nemesis.schedule.NemesisRunner;
import io.rafttorture.nemesis.schedule.NemesisSchedule;
import io.rafttorture.nemesis.schedule.ScheduleLog;
import io.rafttorture.results.format.HistoryWriter;
import io.rafttorture.results.html.ReportPage;
import io.rafttorture.results.history.Op;
import io.rafttorture.workloads.client.ClientPool;
import io.rafttorture.workloads.client.FinalReads;
import io.rafttorture.workloads.client.Recorder;
import io.rafttorture.workloads.generator.Generators;
import io.rafttorture.workloads.generator.Workload;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Carries out one {@link TortureTest}, phase by phase: set up the cluster; run clients and nemesis for the time
 * limit; heal everything (resume, restart, remove toxics) and wait for a leader; read every key from every node;
 * save each node's stored Raft log; remove the containers; check the history and Raft's properties; write the run
 * folder ({@link RunReporter}) and its report.html ({@link ReportPage}).
 *
 * <p>Ctrl-C (any JVM shutdown) at any point: a shutdown hook stops clients and nemesis, skips heal and final
 * reads, and waits while this thread checks what was recorded and writes the results; the cluster's own hook
 * removes the containers.
 */
public final class TortureRun {
    /** After the time limit, how long clients may take to finish their last operation (beyond the op timeout). */
    private static final Duration DRAIN_SLACK = Duration.ofSeconds(5);
    private static final Duration LEADER_AFTER_HEAL = Duration.ofSeconds(30);
    private static final Duration INTERRUPTED_CHECK_BUDGET = Duration.ofSeconds(20);
    private static final int FINAL_READ_ATTEMPTS = 3;

    private final TortureTest test;
    private final PrintStream progress;
    private final Map<String, Long> phases = new LinkedHashMap<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean interrupted;
    private volatile Thread runner;
    private volatile ClientPool pool;
    private volatile FaultRunner nemesis;
    private volatile ScheduleLog schedule;
    private volatile Long startEpochMs;

    private TortureRun(TortureTest test, PrintStream progress) {
        this.test = test;
        this.progress = progress;
    }

    /** Runs {@code test}; progress lines go to {@code progress} (e.g. System.err). Never throws for a run that fails. */
    public static RunResult execute(TortureTest test, PrintStream progress) {
        return new TortureRun(test, progress).run();
    }

    private RunResult run() {
        runner = Thread.currentThread();
        Thread hook = new Thread(this::onShutdown, "torture-run-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return runPhases();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waited for this very moment
            }
        }
    }

    private RunResult runPhases() {
        ResultsFolder folder = ResultsFolder.create(test.resultsDir(), test.name(), LocalDateTime.now());
        folder.writeJson("test.json", test.toMap());
        copyScenario(folder);
        folder.linkLatest();
        progress.println("torture: run " + test.name() + " (seed " + test.seed() + ") -> " + folder.dir());
        Cluster cluster = newCluster(folder);
        Recorder recorder = null;
        String setupError = null;
        String laterError = null;
        try {
            phase("setup", cluster::start);
            recorder = new Recorder(HistoryWriter.open(folder.file("history.jsonl")));
            recordStart(folder);
            Recorder r = recorder;
            phase("workload", () -> runWorkload(cluster, r));
            if (!interrupted) phase("heal", () -> heal(cluster));
            if (!interrupted) phase("final-reads", () -> finalReads(cluster, r));
        } catch (IOException e) {
            setupError = "cannot write " + folder.file("history.jsonl") + ": " + e.getMessage();
        } catch (RuntimeException e) {
            if (!interrupted && recorder == null) setupError = "the cluster failed to start: " + describe(e);
            if (!interrupted && recorder != null) laterError = describe(e);
        } finally {
            stopClientsAndNemesis();
            if (schedule != null) folder.writeJson("schedule.json", schedule.toMap());
            if (!interrupted && recorder != null) phase("save-logs", () -> saveStoredLogs(cluster));
            phase("teardown", cluster::close);
        }
        Thread.interrupted(); // a Ctrl-C interrupt must not reach the checker's threads
        List<Op> history = recorder == null ? List.of() : recorder.ops();
        if (recorder != null) recorder.close();
        RunResult result = new RunReporter(test, folder, phases, startEpochMs).report(history, interrupted,
                setupError, laterError,
                interrupted ? min(test.checkTimeout(), INTERRUPTED_CHECK_BUDGET) : test.checkTimeout());
        writeReportPage(folder);
        return result;
    }

    /** test.json gains the wall-clock instant of history time 0, which places node events on the history's axis. */
    private void recordStart(ResultsFolder folder) {
        Map<String, Object> test = new LinkedHashMap<>(this.test.toMap());
        startEpochMs = System.currentTimeMillis();
        test.put("startEpochMs", startEpochMs);
        folder.writeJson("test.json", test);
    }

    /** report.html and its charts; a failure costs the page only, never the run's verdict. */
    private void writeReportPage(ResultsFolder folder) {
        if (!Files.isRegularFile(folder.file("history.jsonl"))) return;
        try {
            ReportPage.write(folder.dir());
        } catch (IOException | RuntimeException e) {
            progress.println("torture: cannot write report.html: " + describe(e));
        }
    }

    private Cluster newCluster(ResultsFolder folder) {
        Cluster cluster = new Cluster().withNodes(test.nodes()).withBug(test.bug()).withRunDir(folder.dir())
                .withTimeouts(test.heartbeatMs(), test.electionMinMs(), test.electionMaxMs(),
                        Math.max(test.heartbeatMs(), 100))
                .withTickMs(test.tickMs()).withSeed(test.seed())
                .withMaxNodeLogBytes(test.maxNodeLogBytes());
        if (test.nodeJar() != null) cluster.withNodeJar(test.nodeJar());
        return cluster;
    }

    private void runWorkload(Cluster cluster, Recorder recorder) {
        Map<Integer, InetSocketAddress> endpoints = new LinkedHashMap<>();
        cluster.endpoints().forEach((id, e) -> endpoints.put(id, address(e)));
        Workload workload = test.workloadValue();
        pool = new ClientPool(Generators.clients(workload, test.rate(), test.timeLimit()), recorder, endpoints::get,
                test.nodes(), test.concurrency(), test.opTimeout(), test.seed());
        nemesis = newNemesis(cluster, recorder);
        progress.println("torture: workload " + test.workload() + " for " + test.timeLimit().toSeconds() + " s, "
                + test.concurrency() + " clients at " + test.rate() + " ops/s, "
                + (test.scenario() != null ? "scenario " + test.scenario().source()
                : "nemesis " + (test.nemesis().isEmpty() ? "none" : String.join(",", test.nemesis()))));
        pool.start();
        nemesis.start();
        try {
            pool.await(test.timeLimit().plus(test.opTimeout()).plus(DRAIN_SLACK));
        } catch (InterruptedException e) {
            Thread.interrupted(); // Ctrl-C: go on to check what was recorded
        }
    }

    private FaultRunner newNemesis(Cluster cluster, Recorder recorder) {
        NemesisRunner.Events events = (f, value) -> {
            recorder.nemesis(f, value);
            progress.println("torture: nemesis " + f + " " + value);
        };
        Scenario scenario = test.scenario();
        if (scenario != null) {
            long late = scenario.steps().stream().filter(s -> s.at().compareTo(test.timeLimit()) >= 0).count();
            if (late > 0) {
                progress.println("torture: " + late + " scenario step(s) are planned at or after the time limit ("
                        + test.timeLimit().toMillis() / 1000.0 + " s) and will not run");
            }
            schedule = new ScheduleLog(Map.of("source", "scenario", "scenario", scenario.source(),
                    "name", scenario.name(), "seed", test.seed()));
            return new ScenarioRunner(scenario, Primitives.of(cluster.nemesis()), view(cluster),
                    RunClock.of(recorder::now), events, schedule, test.seed());
        }
        schedule = new ScheduleLog(Map.of("source", "nemesis", "nemesis", test.nemesis(), "seed", test.seed()));
        Map<String, Fault> faults = new LinkedHashMap<>();
        for (String name : test.nemesis()) {
            faults.put(name, Faults.byName(name, cluster.nemesis(), cluster.nodeIds(), cluster::leader));
        }
        NemesisSchedule random = new NemesisSchedule(test.nemesis(), test.nemesisInterval(), test.seed());
        return new NemesisRunner(random.steps(test.timeLimit()), faults, recorder::now, events, test.seed(), schedule);
    }

    /** What a scenario asks of the cluster while it runs: the leader and each node's commitIndex, asked now. */
    private static ClusterView view(Cluster cluster) {
        return new ClusterView() {
            public List<Integer> nodeIds() {
                return cluster.nodeIds();
            }

            public Optional<Integer> leader() {
                return cluster.leader();
            }

            public OptionalLong commitIndex(int node) {
                return cluster.status(node).map(s -> OptionalLong.of(s.commitIndex())).orElse(OptionalLong.empty());
            }
        };
    }

    /** The scenario file as it was for this run, next to test.json, so the run can be repeated even if it changes. */
    private void copyScenario(ResultsFolder folder) {
        if (test.scenario() == null) return;
        Path source = Path.of(test.scenario().source());
        try {
            Files.copy(source, folder.file("scenario" + extension(source)));
        } catch (IOException e) {
            progress.println("torture: cannot copy the scenario into the run folder: " + e);
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? ".yaml" : name.substring(dot);
    }

    private void heal(Cluster cluster) {
        stopClientsAndNemesis();
        cluster.nemesis().healAll();
        int leader = cluster.awaitLeader(LEADER_AFTER_HEAL);
        progress.println("torture: healed; leader n" + leader);
    }

    private void finalReads(Cluster cluster, Recorder recorder) {
        Map<Integer, InetSocketAddress> endpoints = new LinkedHashMap<>();
        cluster.endpoints().forEach((id, e) -> endpoints.put(id, address(e)));
        long firstProcess = recorder.ops().stream().filter(op -> op.process() instanceof Long)
                .mapToLong(op -> (Long) op.process()).max().orElse(-1) + 1;
        // Final reads go to every node, and only the leader answers: each node gets the op timeout per key.
        int ok = FinalReads.run(test.workloadValue(), recorder, endpoints::get, cluster.nodeIds(), firstProcess,
                test.opTimeout(), FINAL_READ_ATTEMPTS);
        progress.println("torture: final reads: " + ok + " ok");
    }

    /** The nodes' Raft logs as stored, for the Raft checks and the report; a failure costs those checks only. */
    private void saveStoredLogs(Cluster cluster) {
        cluster.saveStoredLogs().forEach(failure -> progress.println("torture: cannot save a node's log: " + failure));
    }

    private void stopClientsAndNemesis() {
        try {
            if (nemesis != null) nemesis.stop(TimeUnit.SECONDS.toMillis(40));
            if (pool != null) {
                pool.stop();
                pool.await(test.opTimeout().plus(DRAIN_SLACK));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void phase(String name, Runnable body) {
        long start = System.nanoTime();
        try {
            body.run();
        } finally {
            phases.put(name, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
    }

    /** Ctrl-C: stop the run where it is and wait until the results are written. */
    private void onShutdown() {
        interrupted = true;
        progress.println("torture: interrupted; checking what was recorded and writing the results");
        ClientPool p = pool;
        if (p != null) p.stop();
        Thread t = runner;
        if (t != null) t.interrupt();
        try {
            finished.await(INTERRUPTED_CHECK_BUDGET.toSeconds() + 60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static InetSocketAddress address(Endpoint endpoint) {
        return new InetSocketAddress(endpoint.host(), endpoint.port());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return e.getClass().getSimpleName() + ": " + text;
    }
}
