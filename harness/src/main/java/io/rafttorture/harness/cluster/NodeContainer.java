package io.rafttorture.harness.cluster;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.utility.DockerImageName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Raft node in a container. Image: {@link Images#node} (java -jar /app/node.jar). Inside the container the node
 * listens for peers on {@value #PEER_PORT} and for clients on {@value #CLIENT_PORT}, keeps its data in
 * {@value #DATA_DIR} (the container's writable layer: it survives a restart of the same container) and is reachable
 * on the cluster network as {@code n<id>}. It publishes no port: peers and clients reach it only through Toxiproxy.
 * Defaults: tick 10 ms, heartbeat 50 ms, election timeout 150-300 ms, RPC timeout 100 ms, no bug.
 */
public class NodeContainer extends GenericContainer<NodeContainer> {
    public static final int PEER_PORT = 7000;
    public static final int CLIENT_PORT = 7001;
    public static final String DATA_DIR = "/data";

    private final int id;
    private final Map<Integer, String> peers;
    private int tickMs = 10;
    private int heartbeatMs = 50;
    private int electionMinMs = 150;
    private int electionMaxMs = 300;
    private int rpcTimeoutMs = 100;
    private String bug = "none";
    private Long seed;

    /** @param peers each other node's id mapped to the host:port where this node reaches it (its proxy) */
    public NodeContainer(String image, int id, Map<Integer, String> peers, Network network) {
        super(DockerImageName.parse(image));
        this.id = id;
        this.peers = Map.copyOf(peers);
        withNetwork(network);
        withNetworkAliases(alias(id));
        // Peers' proxies may not forward yet and the node retries them: running is all there is to wait for.
        waitingFor(new AbstractWaitStrategy() {
            @Override
            protected void waitUntilReady() {
            }
        });
    }

    /** The node's name on the cluster network. */
    public static String alias(int id) {
        return "n" + id;
    }

    public int nodeId() {
        return id;
    }

    public NodeContainer withTimeouts(int heartbeatMs, int electionMinMs, int electionMaxMs, int rpcTimeoutMs) {
        this.heartbeatMs = heartbeatMs;
        this.electionMinMs = electionMinMs;
        this.electionMaxMs = electionMaxMs;
        this.rpcTimeoutMs = rpcTimeoutMs;
        return self();
    }

    /** The node's clock tick (default 10 ms). */
    public NodeContainer withTickMs(int tickMs) {
        this.tickMs = tickMs;
        return self();
    }

    /** Seed of the node's election timer randomness (default: the node picks one and logs it). */
    public NodeContainer withSeed(long seed) {
        this.seed = seed;
        return self();
    }

    /** A flag from {@code io.rafttorture.node.raft.Bug}, e.g. "stale-read"; "none" by default. */
    public NodeContainer withBug(String bugFlag) {
        this.bug = bugFlag;
        return self();
    }

    @Override
    protected void configure() {
        withCommand(arguments().toArray(String[]::new));
    }

    List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("--id", Integer.toString(id), "--peers", peerList(),
                "--peer-port", Integer.toString(PEER_PORT), "--client-port", Integer.toString(CLIENT_PORT),
                "--data-dir", DATA_DIR, "--tick-ms", Integer.toString(tickMs), "--heartbeat-ms", Integer.toString(heartbeatMs),
                "--election-min-ms", Integer.toString(electionMinMs), "--election-max-ms", Integer.toString(electionMaxMs),
                "--rpc-timeout-ms", Integer.toString(rpcTimeoutMs)));
        if (!"none".equals(bug)) args.addAll(List.of("--bug", bug));
        if (seed != null) args.addAll(List.of("--seed", Long.toString(seed)));
        return args;
    }

    private String peerList() {
        return String.join(",", peers.keySet().stream().sorted().map(j -> j + "=" + peers.get(j)).toList());
    }
}
