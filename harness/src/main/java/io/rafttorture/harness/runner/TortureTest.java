package io.rafttorture.harness.runner;

import io.rafttorture.harness.cluster.Cluster;
import io.rafttorture.nemesis.scenario.Scenario;
import io.rafttorture.nemesis.scenario.ScenarioReader;
import io.rafttorture.nemesis.schedule.Faults;
import io.rafttorture.node.raft.Bug;
import io.rafttorture.workloads.generator.Workload;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One torture run as a value (Jepsen's test map): every option with a harmless default. Build with {@link
 * #builder()}; {@link Builder#build()} validates and names the bad option; {@link Builder#run()} runs it and
 * returns the {@link RunResult} (how JUnit tests write torture runs). {@link #toMap()} is test.json: enough
 * to run the same test again.
 *
 * @param nodes            cluster size, 1-8 (default 5)
 * @param timeLimit        how long clients and nemesis run (default 60 s)
 * @param concurrency      client threads (default 10)
 * @param rate             invocations per second across all clients (default 200)
 * @param workload         "register" or "kv" (default kv)
 * @param keys             keys of the kv workload (default 10)
 * @param readRatio        share of reads in the mix, 0-1; writes and cas share the rest (default 1/3)
 * @param nemesis          fault names from partition, partition-leader, kill, pause, latency; empty = none (default partition, kill, pause)
 * @param nemesisInterval  fault duration and quiet spell between faults (default 5 s)
 * @param seed             seeds client choices, the nemesis and the nodes' election timers (default: chosen at
 *                         random, recorded)
 * @param tickMs           the nodes' clock tick: every Raft timeout is a whole number of ticks (default 10)
 * @param heartbeatMs      Raft heartbeat (default 50)
 * @param electionMinMs    Raft election timeout, low end (default 150)
 * @param electionMaxMs    Raft election timeout, high end (default 300; equal to the low end for no randomness)
 * @param bug              deliberate node bug (default none)
 * @param resultsDir       where run folders go (default "results")
 * @param opTimeout        one request's wait for its answer before it counts as info (default 1 s)
 * @param checkTimeout     checker time budget; when it runs out the verdict is unknown (default 60 s)
 * @param allowUnavailable do not turn a valid but unavailable run into unknown (default false)
 * @param nodeJar          the node jar to run in containers (default: Cluster's, system property
 *                         rafttorture.node.jar, else node/target/node.jar)
 * @param maxNodeLogBytes  cap of each node log file; past it the file ends with one log-capped line (default 64 MiB)
 * @param scenario         fault steps from a scenario file, replacing the random nemesis (default none: the nemesis
 *                         list above applies); parsed and validated by {@link Builder#build()}
 */
public record TortureTest(int nodes, Duration timeLimit, int concurrency, double rate, String workload, int keys,
                          double readRatio, List<String> nemesis, Duration nemesisInterval, long seed, int tickMs, int heartbeatMs,
                          int electionMinMs, int electionMaxMs, Bug bug, Path resultsDir, Duration opTimeout,
                          Duration checkTimeout, boolean allowUnavailable, Path nodeJar, long maxNodeLogBytes,
                          Scenario scenario) {
    public TortureTest {
        nemesis = List.copyOf(nemesis);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this test's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.nodes = nodes;
        b.timeLimit = timeLimit;
        b.concurrency = concurrency;
        b.rate = rate;
        b.workload = workload;
        b.keys = keys;
        b.readRatio = readRatio;
        b.nemesis = new ArrayList<>(nemesis);
        b.nemesisInterval = nemesisInterval;
        b.seed = seed;
        b.tickMs = tickMs;
        b.heartbeatMs = heartbeatMs;
        b.electionMinMs = electionMinMs;
        b.electionMaxMs = electionMaxMs;
        b.bug = bug;
        b.resultsDir = resultsDir;
        b.opTimeout = opTimeout;
        b.checkTimeout = checkTimeout;
        b.allowUnavailable = allowUnavailable;
        b.nodeJar = nodeJar;
        b.maxNodeLogBytes = maxNodeLogBytes;
        b.scenarioFile = scenario == null ? null : Path.of(scenario.source());
        return b;
    }

    /** "workload-nemesis", e.g. "kv-partition+kill", "register-none" or "kv-scenario-NAME": the run folder's parent. */
    public String name() {
        if (scenario != null) return workload + "-scenario-" + scenario.name();
        return workload + "-" + (nemesis.isEmpty() ? "none" : String.join("+", nemesis));
    }

    public Workload workloadValue() {
        return Workload.byName(workload, keys).withReadRatio(readRatio);
    }

    /** Every option, as test.json holds it. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name());
        map.put("nodes", nodes);
        map.put("time-limit-s", timeLimit.toMillis() / 1000.0);
        map.put("concurrency", concurrency);
        map.put("rate", rate);
        map.put("workload", workload);
        map.put("keys", keys);
        map.put("read-ratio", readRatio);
        map.put("nemesis", nemesis.isEmpty() ? List.of("none") : nemesis);
        map.put("nemesis-interval-s", nemesisInterval.toMillis() / 1000.0);
        map.put("seed", seed);
        map.put("tick-ms", tickMs);
        map.put("heartbeat-ms", heartbeatMs);
        map.put("election-min-ms", electionMinMs);
        map.put("election-max-ms", electionMaxMs);
        map.put("bug", bug.flag());
        map.put("results-dir", resultsDir.toString());
        map.put("op-timeout-ms", opTimeout.toMillis());
        map.put("check-timeout-s", checkTimeout.toMillis() / 1000.0);
        map.put("allow-unavailable", allowUnavailable);
        if (nodeJar != null) map.put("node-jar", nodeJar.toString());
        map.put("max-node-log-mb", maxNodeLogBytes >> 20);
        if (scenario != null) map.put("scenario", scenario.source());
        return map;
    }

    /** Fluent builder; defaults as documented on {@link TortureTest}. */
    public static final class Builder {
        private int nodes = 5;
        private Duration timeLimit = Duration.ofSeconds(60);
        private int concurrency = 10;
        private double rate = 200;
        private String workload = "kv";
        private int keys = 10;
        private double readRatio = Workload.DEFAULT_READ_RATIO;
        private List<String> nemesis = new ArrayList<>(List.of("partition", "kill", "pause"));
        private Duration nemesisInterval = Duration.ofSeconds(5);
        private long seed = System.nanoTime() & 0xffff_ffffL;
        private int tickMs = 10;
        private int heartbeatMs = 50;
        private int electionMinMs = 150;
        private int electionMaxMs = 300;
        private Bug bug = Bug.NONE;
        private Path resultsDir = Path.of("results");
        private Duration opTimeout = Duration.ofSeconds(1);
        private Duration checkTimeout = Duration.ofSeconds(60);
        private boolean allowUnavailable;
        private Path nodeJar;
        private long maxNodeLogBytes = Cluster.DEFAULT_MAX_NODE_LOG_BYTES;
        private Path scenarioFile;
        private boolean nemesisGiven;

        public Builder nodes(int value) { nodes = value; return this; }
        public Builder timeLimit(Duration value) { timeLimit = value; return this; }
        public Builder concurrency(int value) { concurrency = value; return this; }
        public Builder rate(double value) { rate = value; return this; }
        public Builder workload(String value) { workload = value; return this; }
        public Builder keys(int value) { keys = value; return this; }
        public Builder readRatio(double value) { readRatio = value; return this; }
        public Builder seed(long value) { seed = value; return this; }
        public Builder nemesisInterval(Duration value) { nemesisInterval = value; return this; }
        public Builder bug(Bug value) { bug = value; return this; }
        public Builder resultsDir(Path value) { resultsDir = value; return this; }
        public Builder opTimeout(Duration value) { opTimeout = value; return this; }
        public Builder checkTimeout(Duration value) { checkTimeout = value; return this; }
        public Builder allowUnavailable(boolean value) { allowUnavailable = value; return this; }
        public Builder nodeJar(Path value) { nodeJar = value; return this; }
        public Builder tickMs(int value) { tickMs = value; return this; }
        public Builder maxNodeLogBytes(long value) { maxNodeLogBytes = value; return this; }

        /** A scenario file (JSON or YAML) whose steps replace the random nemesis; null for none. */
        public Builder scenario(Path file) {
            scenarioFile = file;
            return this;
        }

        /** Raft timeouts in ms (defaults 50, 150, 300). */
        public Builder raftTimeouts(int heartbeat, int electionMin, int electionMax) {
            heartbeatMs = heartbeat;
            electionMinMs = electionMin;
            electionMaxMs = electionMax;
            return this;
        }

        /** Fault names (partition, partition-leader, kill, pause, latency); "none" or nothing for no faults. */
        public Builder nemesis(String... names) {
            return nemesis(List.of(names));
        }

        public Builder nemesis(List<String> names) {
            nemesisGiven = true;
            nemesis = new ArrayList<>();
            for (String name : names) {
                String trimmed = name.trim();
                if (!trimmed.isEmpty() && !trimmed.equals("none")) nemesis.add(trimmed);
            }
            return this;
        }

        /**
         * Builds and runs the test (progress on stderr): the one-liner for JUnit tests, e.g.
         * {@code assertThat(TortureTest.builder().nodes(3).timeLimit(ofSeconds(10)).run().exitCode()).isZero()}.
         */
        public RunResult run() {
            return TortureRun.execute(build(), System.err);
        }

        /** The test; IllegalArgumentException naming the option when a value is out of range. */
        public TortureTest build() {
            check(nodes >= 1 && nodes <= 8, "--nodes must be 1-8, got " + nodes);
            check(positive(timeLimit), "--time-limit must be positive, got " + timeLimit.toMillis() / 1000.0 + " s");
            check(concurrency >= 1 && concurrency <= 1000, "--concurrency must be 1-1000, got " + concurrency);
            check(rate > 0 && !Double.isInfinite(rate), "--rate must be a positive number, got " + rate);
            check(Workload.NAMES.contains(workload), "--workload must be register or kv, got \"" + workload + "\"");
            check(keys >= 1 && keys <= 10_000, "--keys must be 1-10000, got " + keys);
            check(readRatio >= 0 && readRatio <= 1, "--read-ratio must be between 0 and 1, got " + readRatio);
            for (String name : nemesis) {
                check(Faults.NAMES.contains(name), "--nemesis: unknown fault \"" + name + "\" (expected none or a "
                        + "comma-separated list of " + String.join(", ", Faults.NAMES) + ")");
            }
            check(nemesis.stream().noneMatch(f -> f.startsWith("partition")) || nodes >= 2,
                    "--nemesis partition needs at least 2 nodes (so does partition-leader)");
            check(positive(nemesisInterval), "--nemesis-interval must be positive");
            check(heartbeatMs > 0 && electionMinMs > heartbeatMs && electionMaxMs >= electionMinMs,
                    "Raft timeouts need 0 < --heartbeat-ms < --election-min-ms <= --election-max-ms, got "
                            + heartbeatMs + ", " + electionMinMs + ", " + electionMaxMs);
            check(tickMs >= 1 && tickMs <= heartbeatMs, "--tick-ms must be 1 to --heartbeat-ms (" + heartbeatMs
                    + "), got " + tickMs);
            check(positive(opTimeout), "--op-timeout-ms must be positive");
            check(positive(checkTimeout), "--check-timeout must be positive");
            check(nodeJar == null || nodeJar.toFile().isFile(), "--node-jar: no file " + nodeJar);
            check(maxNodeLogBytes >= 1, "--max-node-log-mb must be at least 1");
            check(scenarioFile == null || !nemesisGiven || nemesis.isEmpty(), "--scenario replaces the random "
                    + "nemesis: give --scenario or --nemesis " + String.join(",", nemesis) + ", not both");
            // Validated here, before any container starts: ScenarioException names file:line:column and field.
            Scenario scenario = scenarioFile == null ? null : ScenarioReader.read(scenarioFile, nodes);
            List<String> faults = scenario == null ? List.copyOf(nemesis) : List.of();
            return new TortureTest(nodes, timeLimit, concurrency, rate, workload, keys, readRatio, faults,
                    nemesisInterval, seed, tickMs, heartbeatMs, electionMinMs, electionMaxMs, bug, resultsDir, opTimeout,
                    checkTimeout, allowUnavailable, nodeJar, maxNodeLogBytes, scenario);
        }

        private static boolean positive(Duration d) {
            return !d.isNegative() && !d.isZero();
        }

        private static void check(boolean ok, String message) {
            if (!ok) throw new IllegalArgumentException(message);
        }
    }
}
