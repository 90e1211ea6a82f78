package io.rafttorture.harness.cluster;

import com.github.dockerjava.api.DockerClient;
import io.rafttorture.nemesis.ClusterHandles;
import io.rafttorture.nemesis.Nemesis;
import io.rafttorture.nemesis.toxiproxy.ToxiproxyApi;
import io.rafttorture.node.raft.Bug;
import io.rafttorture.node.replica.NodeStatus;
import org.awaitility.Awaitility;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Network;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.toxiproxy.ToxiproxyContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Raft cluster of 1-8 node containers whose every link goes through one Toxiproxy container, Testcontainers-module
 * style: configure with {@code withX}, then {@link #start()}, then {@link #close()} (always; also run by a shutdown
 * hook on Ctrl-C).
 *
 * <p>Topology: node i reaches peer j only through proxy {@code p<i>-<j>} (listening on toxiproxy:9000+10i+j,
 * forwarding to n&lt;j&gt;:7000); clients reach node j only through proxy {@code c<j>}, whose port the Toxiproxy
 * container publishes ({@link #endpoint}). Proxies are created before the nodes start; a node retries peers whose
 * proxy cannot reach them yet.
 *
 * <p>Defaults: 3 nodes, tick 10 ms, heartbeat 50 ms, election timeout 150-300 ms, RPC timeout 100 ms, no bug, leader awaited
 * up to 60 s, node logs capped at 64 MiB each, node.jar from the system property {@code rafttorture.node.jar}
 * (else node/target/node.jar), run folder
 * {@code <rafttorture.runs.dir or "runs">/cluster-<time>-<id>}. The run folder receives {@code nodes/n<id>.log} (each
 * node's JSON event lines; {@code .stderr.log} for stderr) and {@code nemesis.log} (every fault change).
 *
 * <p>Everything created carries the labels of {@link Labels}; start removes leftovers of crashed runs, close removes
 * this run's containers and network whether the run passed, failed or was interrupted.
 */
public final class Cluster implements ClusterHandles, AutoCloseable {
    public static final int MAX_NODES = 8;
    /** First of the ports the Testcontainers Toxiproxy module publishes (8666-8697). */
    private static final int FIRST_CLIENT_PORT = 8666;
    private static final int PEER_PROXY_BASE = 9000;
    private static final int TOXIPROXY_API_PORT = 8474;
    private static final String TOXIPROXY_ALIAS = "toxiproxy";
    private static final Duration STATUS_TIMEOUT = Duration.ofMillis(500);
    /** Cap of each node log file (n&lt;id&gt;.log, n&lt;id&gt;.stderr.log): 64 MiB. */
    public static final long DEFAULT_MAX_NODE_LOG_BYTES = 64L << 20;

    private final String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
            + "-" + UUID.randomUUID().toString().substring(0, 6);
    private int size = 3;
    private int tickMs = 10;
    private int heartbeatMs = 50;
    private int electionMinMs = 150;
    private int electionMaxMs = 300;
    private int rpcTimeoutMs = 100;
    private Bug bug = Bug.NONE;
    private Long seed;
    private Duration leaderTimeout = Duration.ofSeconds(60);
    private Path nodeJar = Path.of(System.getProperty("rafttorture.node.jar", "node/target/node.jar"));
    private Path runDir = Path.of(System.getProperty("rafttorture.runs.dir", "runs"), "cluster-" + runId);
    private NodeEventListener eventListener = (node, line) -> { };
    private long maxNodeLogBytes = DEFAULT_MAX_NODE_LOG_BYTES;

    // Volatile and concurrent: close() may run on the shutdown hook's thread while start() is in progress.
    private volatile DockerClient docker;
    private volatile Network network;
    private volatile ToxiproxyContainer toxiproxy;
    private volatile ToxiproxyApi toxiproxyApi;
    private final Map<Integer, NodeContainer> nodes = new ConcurrentSkipListMap<>();
    private final Map<Integer, NodeLog> logs = new ConcurrentSkipListMap<>();
    private Nemesis nemesis;
    private Thread shutdownHook;
    private Duration startupTime;
    private String startupPhases = "";
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Number of nodes, 1-8 (default 3). */
    public Cluster withNodes(int count) {
        if (count < 1 || count > MAX_NODES) {
            throw new IllegalArgumentException("nodes must be 1-" + MAX_NODES + ", got " + count);
        }
        this.size = count;
        return this;
    }

    /** Raft timeouts in ms (defaults 50, 150, 300, 100); election max equal to min means no randomness. */
    public Cluster withTimeouts(int heartbeatMs, int electionMinMs, int electionMaxMs, int rpcTimeoutMs) {
        if (heartbeatMs <= 0 || electionMinMs <= heartbeatMs || electionMaxMs < electionMinMs || rpcTimeoutMs <= 0) {
            throw new IllegalArgumentException("timeouts need 0 < heartbeat < election min <= election max and rpc > 0, got "
                    + heartbeatMs + ", " + electionMinMs + "-" + electionMaxMs + ", " + rpcTimeoutMs);
        }
        this.heartbeatMs = heartbeatMs;
        this.electionMinMs = electionMinMs;
        this.electionMaxMs = electionMaxMs;
        this.rpcTimeoutMs = rpcTimeoutMs;
        return this;
    }

    /** The nodes' clock tick in ms (default 10): each Raft timeout is a whole number of ticks, rounded down. */
    public Cluster withTickMs(int tickMs) {
        if (tickMs < 1) throw new IllegalArgumentException("the tick must be at least 1 ms, got " + tickMs);
        this.tickMs = tickMs;
        return this;
    }

    /**
     * Seeds the nodes' election timer randomness: node i gets {@code seed * 1000 + i}, so a run's seed also fixes
     * the timeouts each node draws (default: each node picks a random seed and logs it in node-started).
     */
    public Cluster withSeed(long seed) {
        this.seed = seed;
        return this;
    }

    /** A deliberate bug every node runs with (default none). */
    public Cluster withBug(Bug bug) {
        this.bug = bug;
        return this;
    }

    /** The folder that receives nodes/n&lt;id&gt;.log and nemesis.log. */
    public Cluster withRunDir(Path runDir) {
        this.runDir = runDir;
        return this;
    }

    public Cluster withNodeJar(Path nodeJar) {
        this.nodeJar = nodeJar;
        return this;
    }

    /** How long {@link #start()} waits for a leader (default 60 s). */
    public Cluster withLeaderTimeout(Duration timeout) {
        this.leaderTimeout = timeout;
        return this;
    }

    /**
     * Cap of each node log file in bytes (default {@link #DEFAULT_MAX_NODE_LOG_BYTES}, 64 MiB): past it a file ends
     * with one line saying it was capped, and later lines are dropped from the file (listeners still get them).
     */
    public Cluster withMaxNodeLogBytes(long maxBytes) {
        if (maxBytes < 1) throw new IllegalArgumentException("the node log cap must be at least 1 byte, got " + maxBytes);
        this.maxNodeLogBytes = maxBytes;
        return this;
    }

    /** Receives every stdout line (JSON event) of every node, on a Docker client thread; must be thread-safe. */
    public Cluster withEventListener(NodeEventListener listener) {
        this.eventListener = listener;
        return this;
    }

    /**
     * Starts Toxiproxy and its proxies, then the nodes, then waits for a leader. On any failure everything created
     * is removed before the exception propagates.
     */
    public Cluster start() {
        if (docker != null) throw new IllegalStateException("cluster " + runId + " was started already");
        long started = System.nanoTime();
        Phases phases = new Phases();
        phases.time("docker client and leftovers", () -> {
            docker = DockerClientFactory.instance().client();
            Leftovers.removeOrphans(docker);
        });
        shutdownHook = new Thread(this::close, "cluster-" + runId + "-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            Files.createDirectories(runDir.resolve("nodes"));
            String nodeImage = phases.time("node image", () -> Images.node(docker, nodeJar));
            Map<String, String> labels = Labels.forRun(runId);
            Map<String, String> networkLabels = new HashMap<>(labels);
            networkLabels.put(Labels.NODE_IMAGE, nodeImage);
            network = Network.builder().createNetworkCmdModifier(cmd -> cmd.withLabels(networkLabels)).build();
            network.getId(); // created now rather than lazily: its label keeps nodeImage from other runs' pruning
            phases.time("toxiproxy", () -> startToxiproxy(labels));
            phases.time("proxies", this::createProxies);
            checkOpen();
            phases.time("nodes", () -> startNodes(nodeImage, labels));
            phases.time("leader", () -> awaitLeader(leaderTimeout));
            startupPhases = phases.toString();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot create the run folder " + runDir, e);
        } catch (RuntimeException e) {
            close();
            // A close() from the shutdown hook may have run while this thread was still creating containers.
            Leftovers.removeAll(docker, Labels.RUN, runId);
            throw e;
        }
        startupTime = Duration.ofNanos(System.nanoTime() - started);
        return this;
    }

    private void startToxiproxy(Map<String, String> labels) {
        toxiproxy = new ToxiproxyContainer(Images.toxiproxy(docker))
                .withNetwork(network).withNetworkAliases(TOXIPROXY_ALIAS).withLabels(labels);
        // The module publishes 32 proxy ports; publish only the API and one client port per node (each costs a
        // docker-proxy process and start-up time).
        List<Integer> published = new ArrayList<>(List.of(TOXIPROXY_API_PORT));
        nodeIds().forEach(id -> published.add(clientProxyPort(id)));
        toxiproxy.setExposedPorts(published);
        toxiproxy.start();
        toxiproxyApi = new ToxiproxyApi(URI.create("http://" + toxiproxy.getHost() + ":" + toxiproxy.getControlPort()));
    }

    private void createProxies() {
        List<ToxiproxyApi.ProxySpec> proxies = new ArrayList<>();
        for (int to : nodeIds()) {
            proxies.add(new ToxiproxyApi.ProxySpec(clientProxy(to), "0.0.0.0:" + clientProxyPort(to),
                    NodeContainer.alias(to) + ":" + NodeContainer.CLIENT_PORT));
            for (int from : nodeIds()) {
                if (from == to) continue;
                proxies.add(new ToxiproxyApi.ProxySpec(peerProxy(from, to), "0.0.0.0:" + peerProxyPort(from, to),
                        NodeContainer.alias(to) + ":" + NodeContainer.PEER_PORT));
            }
        }
        toxiproxyApi.populate(proxies);
    }

    private void startNodes(String image, Map<String, String> labels) {
        for (int id : nodeIds()) {
            Map<Integer, String> peers = new HashMap<>();
            for (int peer : nodeIds()) {
                if (peer != id) peers.put(peer, TOXIPROXY_ALIAS + ":" + peerProxyPort(id, peer));
            }
            nodes.put(id, new NodeContainer(image, id, peers, network).withLabels(labels)
                    .withTimeouts(heartbeatMs, electionMinMs, electionMaxMs, rpcTimeoutMs).withTickMs(tickMs)
                    .withBug(bug.flag()));
            if (seed != null) nodes.get(id).withSeed(seed * 1000 + id);
        }
        Startables.deepStart(nodes.values()).join();
        for (NodeContainer node : nodes.values()) {
            NodeLog log = new NodeLog(docker, node.nodeId(), node.getContainerId(), runDir.resolve("nodes"), eventListener,
                    maxNodeLogBytes);
            logs.put(node.nodeId(), log);
            log.follow();
        }
    }

    /** Waits until a majority agrees on one leader; returns its id. */
    public int awaitLeader(Duration timeout) {
        return Awaitility.await("a leader that a majority of " + size + " nodes follows")
                .atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(this::leader, Optional::isPresent).orElseThrow();
    }

    /** The leader a majority currently agrees on, asked through the client proxies; empty if none. */
    public Optional<Integer> leader() {
        return Leadership.agreedLeader(statuses(), size);
    }

    /** The status of every node that answers within 500 ms, in id order. */
    public List<NodeStatus> statuses() {
        List<NodeStatus> statuses = new ArrayList<>();
        for (int id : nodeIds()) status(id).ifPresent(statuses::add);
        return statuses;
    }

    /** A node's status through its client proxy; empty if it does not answer within 500 ms. */
    public Optional<NodeStatus> status(int id) {
        return Leadership.status(endpoint(id), STATUS_TIMEOUT);
    }

    /** Where clients reach node {@code id} (through its client proxy). */
    public Endpoint endpoint(int id) {
        checkNode(id);
        if (toxiproxy == null) throw new IllegalStateException("cluster " + runId + " is not started");
        return new Endpoint(toxiproxy.getHost(), toxiproxy.getMappedPort(clientProxyPort(id)));
    }

    /** Client endpoints of every node, by id. */
    public Map<Integer, Endpoint> endpoints() {
        Map<Integer, Endpoint> endpoints = new TreeMap<>();
        for (int id : nodeIds()) endpoints.put(id, endpoint(id));
        return endpoints;
    }

    /** The faults for this cluster; fault lines go to nemesis.log in the run folder. */
    public synchronized Nemesis nemesis() {
        if (toxiproxyApi == null) throw new IllegalStateException("cluster " + runId + " is not started");
        if (nemesis == null) nemesis = new Nemesis(this, new FaultLog(runDir.resolve("nemesis.log")));
        return nemesis;
    }

    public String runId() {
        return runId;
    }

    public Path runDir() {
        return runDir;
    }

    /** Where start-up time went, e.g. "node image 12 ms, toxiproxy 2100 ms, ...". */
    public String startupPhases() {
        return startupPhases;
    }

    /** From nothing to a leader, measured by {@link #start()}. */
    public Duration startupTime() {
        return startupTime;
    }

    @Override
    public List<Integer> nodeIds() {
        List<Integer> ids = new ArrayList<>();
        for (int id = 1; id <= size; id++) ids.add(id);
        return ids;
    }

    @Override
    public ToxiproxyApi toxiproxy() {
        return toxiproxyApi;
    }

    @Override
    public String peerProxy(int from, int to) {
        return "p" + from + "-" + to;
    }

    @Override
    public String clientProxy(int node) {
        return "c" + node;
    }

    @Override
    public DockerClient docker() {
        return docker;
    }

    @Override
    public String containerId(int node) {
        checkNode(node);
        return nodes.get(node).getContainerId();
    }

    @Override
    public void nodeRestarted(int node) {
        logs.get(node).follow();
    }

    private static int clientProxyPort(int node) {
        return FIRST_CLIENT_PORT + node - 1;
    }

    private static int peerProxyPort(int from, int to) {
        return PEER_PROXY_BASE + 10 * from + to;
    }

    private void checkNode(int id) {
        if (id < 1 || id > size) throw new IllegalArgumentException("no node " + id + " in a cluster of " + size);
    }

    private void checkOpen() {
        if (closed.get()) throw new IllegalStateException("cluster " + runId + " was closed while starting");
    }

    /**
     * Writes each node's Raft log as its disk holds it to {@code nodes/n<id>.entries.jsonl} in the run folder (see
     * {@link StoredLogs}). A node whose log cannot be copied is skipped and named in the returned list.
     */
    public List<String> saveStoredLogs() {
        List<String> failures = new ArrayList<>();
        for (NodeContainer node : nodes.values()) {
            try {
                StoredLogs.save(node, runDir.resolve("nodes"));
            } catch (IOException | RuntimeException e) {
                failures.add("n" + node.nodeId() + ": " + e.getMessage());
            }
        }
        return failures;
    }

    /**
     * Removes this run's containers and network, then closes the node logs. Idempotent; safe after a failed start and
     * concurrently with a start in progress (Ctrl-C), which then fails.
     */
    @Override
    public void close() {
        if (closed.getAndSet(true)) return;
        try {
            nodes.values().parallelStream().forEach(Cluster::stopQuietly); // each stop is a kill and a remove
            stopQuietly(toxiproxy);
            if (network != null) {
                try {
                    network.close();
                } catch (RuntimeException ignored) {
                    // removed by label below
                }
            }
            if (docker != null) Leftovers.removeAll(docker, Labels.RUN, runId);
        } finally {
            // Last, so that a log file that fails to close cannot keep the containers alive.
            logs.values().forEach(NodeLog::close);
            removeShutdownHook();
        }
    }

    private void removeShutdownHook() {
        if (shutdownHook == null || Thread.currentThread() == shutdownHook) return;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: the hook runs or ran close() anyway
        }
    }

    private static void stopQuietly(org.testcontainers.containers.GenericContainer<?> container) {
        if (container == null) return;
        try {
            container.stop();
        } catch (RuntimeException ignored) {
            // removed by label in close()
        }
    }
}
