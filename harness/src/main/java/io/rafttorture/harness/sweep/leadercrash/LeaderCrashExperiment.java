package io.rafttorture.harness.sweep.leadercrash;

import io.rafttorture.harness.cluster.Cluster;
import io.rafttorture.harness.cluster.Leadership;
import io.rafttorture.node.replica.NodeStatus;
import io.rafttorture.results.sweep.ElectionRange;
import io.rafttorture.results.sweep.LeaderCrashTrial;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The Raft paper's leader-election measurement (§9.3, Figure 16) for one election timeout setting, on one cluster
 * reused by every trial. A trial: wait until the cluster is settled (one leader, every node up in its term, every
 * log committed to its end); kill the leader (SIGKILL) at a uniformly random moment within its heartbeat interval;
 * take Docker's record of the process's exit as the crash time; wait for another node's {@code election-won}
 * event; restart the crashed node, which the next trial's settling wait sees catch up.
 */
public final class LeaderCrashExperiment {
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(5);

    private final ElectionRange setting;
    private final int nodes;
    private final int trials;
    private final Duration trialTimeout;
    private final SplittableRandom random;
    private final Path clusterDir;
    private final Path nodeJar;

    /**
     * @param clusterDir where the cluster's node logs and nemesis.log go
     * @param nodeJar    the node jar, or null for the cluster's default
     * @param seed       seeds the crash moments
     */
    public LeaderCrashExperiment(ElectionRange setting, int nodes, int trials, Duration trialTimeout, long seed,
                                 Path clusterDir, Path nodeJar) {
        this.setting = setting;
        this.nodes = nodes;
        this.trials = trials;
        this.trialTimeout = trialTimeout;
        this.random = new SplittableRandom(seed);
        this.clusterDir = clusterDir;
        this.nodeJar = nodeJar;
    }

    /**
     * Starts the cluster, runs trials until {@code trials} of them count (a void one, whose leader had been deposed
     * before the kill, is run again; more void ones than {@code trials} end the setting), a line each on {@code
     * progress} and to {@code onTrial} as it ends, then removes the cluster.
     */
    public void run(PrintStream progress, Consumer<LeaderCrashTrial> onTrial)
            throws InterruptedException {
        ElectionWatch watch = new ElectionWatch();
        Cluster cluster = new Cluster().withNodes(nodes).withTickMs(setting.tickMs())
                .withTimeouts(setting.heartbeatMs(), setting.minMs(), setting.maxMs(), Math.max(setting.heartbeatMs(), 100))
                .withRunDir(clusterDir).withEventListener(watch).withLeaderTimeout(SETTLE_TIMEOUT);
        if (nodeJar != null) cluster.withNodeJar(nodeJar);
        try (cluster) {
            cluster.start();
            int counted = 0;
            for (int number = 1; counted < trials; number++) {
                LeaderCrashTrial trial = trial(cluster, watch, number);
                progress.println(describe(trial));
                onTrial.accept(trial);
                if (!trial.deposedBefore()) counted++;
                if (number - counted > trials) {
                    throw new IllegalStateException("more than " + trials + " void trials: the leader keeps changing "
                            + "before the kill (election timeouts too short for this machine)");
                }
            }
        }
    }

    private LeaderCrashTrial trial(Cluster cluster, ElectionWatch watch, int number) throws InterruptedException {
        NodeStatus leader = awaitSettled(cluster);
        watch.forgetUpTo(leader.term() - 1);
        // The crash's random phase within the heartbeat interval: the experiment's input, not a synchronization.
        double delayMs = random.nextDouble() * setting.heartbeatMs();
        LockSupport.parkNanos((long) (delayMs * 1e6));
        long deadline = System.nanoTime() + trialTimeout.toNanos();
        Crash crash = crash(cluster, leader.id());
        Optional<ElectionWatch.Election> winner = watch.awaitWinnerAfter(leader.term(), deadline);
        double crashMs = epochMillis(crash.at());
        long lastTerm = winner.map(ElectionWatch.Election::term).orElseGet(() -> watch.highestCandidateTerm(leader.term()));
        List<ElectionWatch.Election> firstRound = watch.candidaciesOf(leader.term() + 1);
        Double detectionMs = firstRound.isEmpty() ? null : firstRound.get(0).epochMs() - crashMs;
        Double spreadMs = firstRound.size() < 2 ? null
                : (double) (firstRound.get(firstRound.size() - 1).epochMs() - firstRound.get(0).epochMs());
        // A new leader elected before the kill (the timing requirement broken at short timeouts) voids the trial.
        boolean deposedBefore = winner.isPresent() && winner.get().epochMs() < crashMs;
        LeaderCrashTrial trial = new LeaderCrashTrial(setting.toString(), number, leader.id(), leader.term(), delayMs,
                crash.method(), crashMs, crash.latencyMs(), winner.map(ElectionWatch.Election::node).orElse(null),
                winner.map(ElectionWatch.Election::term).orElse(null),
                winner.map(w -> w.epochMs() - crashMs).orElse(null), detectionMs, firstRound.size(), spreadMs,
                lastTerm - leader.term(), watch.candidacies(leader.term(), lastTerm), winner.isEmpty(), deposedBefore);
        cluster.nemesis().processes().restart(leader.id());
        return trial;
    }

    /** How the leader died: when, by which method, and how long the kill call took until then. */
    private record Crash(Instant at, String method, double latencyMs) {
    }

    /**
     * SIGKILL sent from this host straight to the container's process when it is visible here (a local engine): the
     * crash time is then known to a fraction of a millisecond. Otherwise Docker's kill, whose latency (tens to
     * hundreds of ms under load) is why its exit record (FinishedAt) is the crash time instead. Both end with the
     * nemesis' kill, which waits until Docker reports the container dead and records the fault.
     */
    private static Crash crash(Cluster cluster, int node) {
        Instant requested = Instant.now();
        Long pid = cluster.docker().inspectContainerCmd(cluster.containerId(node)).exec().getState().getPidLong();
        Optional<ProcessHandle> process = pid == null || pid <= 0 ? Optional.empty() : ProcessHandle.of(pid);
        if (process.isPresent()) {
            Instant before = Instant.now();
            if (process.get().destroyForcibly()) {
                Instant after = Instant.now();
                cluster.nemesis().processes().kill(node);
                return new Crash(after, "sigkill-from-host", epochMillis(after) - epochMillis(before));
            }
        }
        cluster.nemesis().processes().kill(node);
        Instant exited = exitTime(cluster, node).orElse(requested);
        return new Crash(exited, "docker-kill", epochMillis(exited) - epochMillis(requested));
    }

    private NodeStatus awaitSettled(Cluster cluster) {
        try {
            return Awaitility.await().atMost(SETTLE_TIMEOUT).pollInterval(Duration.ofMillis(10)).pollDelay(Duration.ZERO)
                    .until(() -> Leadership.settledLeader(cluster.statuses(), nodes), Optional::isPresent).orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("no settled leader (every node up, one term, all logs committed) within "
                    + SETTLE_TIMEOUT.toMinutes() + " minutes", e);
        }
    }

    /** Docker's FinishedAt of the killed container: when the runtime saw the process exit. */
    private static Optional<Instant> exitTime(Cluster cluster, int node) {
        String finishedAt = cluster.docker().inspectContainerCmd(cluster.containerId(node)).exec().getState().getFinishedAt();
        try {
            return finishedAt == null ? Optional.empty() : Optional.of(Instant.parse(finishedAt));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static double epochMillis(Instant t) {
        return t.getEpochSecond() * 1000.0 + t.getNano() / 1e6;
    }

    private String describe(LeaderCrashTrial t) {
        String head = String.format("torture sweep: %s trial %d: killed leader n%d (term %d) %.1f ms into its heartbeat; ",
                t.setting(), t.trial(), t.crashedLeader(), t.oldTerm(), t.delayMs());
        if (t.deposedBefore()) return head + "void: n" + t.newLeader() + " had won term " + t.newTerm() + " before the kill";
        if (t.censored()) return head + "no leader within " + trialTimeout.toSeconds() + " s (" + t.terms() + " terms)";
        return head + String.format("n%d leads term %d after %.0f ms (%d round%s, %d candidac%s)", t.newLeader(),
                t.newTerm(), t.electionMs(), t.terms(), t.terms() == 1 ? "" : "s", t.candidacies(),
                t.candidacies() == 1 ? "y" : "ies");
    }
}
