package io.rafttorture.node.bench;

import io.rafttorture.node.client.NodeClient;
import io.rafttorture.node.client.NodeClientException;
import io.rafttorture.node.kv.ClientResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A cluster of {@code size} nodes (ids 1..size), each a child JVM running {@code io.rafttorture.node.cli.NodeMain}
 * on 127.0.0.1 with its own data directory {@code dir/n<id>} and its events in {@code dir/n<id>.log}. Ports are
 * picked free at construction and kept across restarts. {@link #close()} kills every process (kill -9).
 */
public final class LocalCluster implements AutoCloseable {
    private static final String MAIN = "io.rafttorture.node.cli.NodeMain";

    private final Path dir;
    private final String classpath;
    private final List<String> extraArgs;
    private final int[] peerPorts;
    private final int[] clientPorts;
    private final Process[] processes;

    /**
     * @param classpath the classpath holding the node's classes (for example {@code System.getProperty("java.class.path")})
     * @param extraArgs options added to every node's command line, for example {@code --heartbeat-ms 20}
     */
    public LocalCluster(int size, Path dir, String classpath, List<String> extraArgs) throws IOException {
        this.dir = dir;
        this.classpath = classpath;
        this.extraArgs = List.copyOf(extraArgs);
        this.peerPorts = freePorts(size);
        this.clientPorts = freePorts(size);
        this.processes = new Process[size];
        Files.createDirectories(dir);
    }

    private static int[] freePorts(int n) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) held.add(new ServerSocket(0));
            return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } finally {
            for (ServerSocket s : held) s.close();
        }
    }

    public int size() {
        return processes.length;
    }

    public int clientPort(int id) {
        return clientPorts[id - 1];
    }

    public Path logFile(int id) {
        return dir.resolve("n" + id + ".log");
    }

    /** Starts every node. */
    public LocalCluster startAll() throws IOException {
        for (int id = 1; id <= size(); id++) start(id);
        return this;
    }

    /** Starts (or restarts) node {@code id}, appending its output to its log file. */
    public void start(int id) throws IOException {
        if (isAlive(id)) throw new IllegalStateException("node " + id + " is already running");
        String peers = IntStream.rangeClosed(1, size()).filter(j -> j != id)
                .mapToObj(j -> j + "=127.0.0.1:" + peerPorts[j - 1]).collect(Collectors.joining(","));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", classpath, MAIN,
                "--id", String.valueOf(id), "--peers", peers, "--bind", "127.0.0.1",
                "--peer-port", String.valueOf(peerPorts[id - 1]), "--client-port", String.valueOf(clientPorts[id - 1]),
                "--data-dir", dir.resolve("n" + id).toString()));
        cmd.addAll(extraArgs);
        processes[id - 1] = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(id).toFile())).start();
    }

    public boolean isAlive(int id) {
        Process p = processes[id - 1];
        return p != null && p.isAlive();
    }

    /** kill -9 of node {@code id}; returns once the process is gone. */
    public void kill(int id) throws InterruptedException {
        Process p = processes[id - 1];
        if (p == null) return;
        p.destroyForcibly();
        p.waitFor();
    }

    /** The node's status answer, or empty if it is down or does not answer in time. */
    public Optional<ClientResponse> status(int id) {
        if (!isAlive(id)) return Optional.empty();
        try (NodeClient c = NodeClient.connect("127.0.0.1", clientPort(id), Duration.ofMillis(500), Duration.ofMillis(500))) {
            return Optional.of(c.status());
        } catch (NodeClientException e) {
            return Optional.empty();
        }
    }

    /** A live node that reports itself LEADER (the one with the highest term if several do), or empty. */
    public Optional<Integer> leader() {
        int best = 0;
        long bestTerm = -1;
        for (int id = 1; id <= size(); id++) {
            Optional<ClientResponse> s = status(id);
            if (s.isEmpty() || s.get().value() == null || !s.get().value().contains("\"role\":\"LEADER\"")) continue;
            long term = termOf(s.get().value());
            if (term > bestTerm) {
                bestTerm = term;
                best = id;
            }
        }
        return best == 0 ? Optional.empty() : Optional.of(best);
    }

    private static long termOf(String statusJson) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(statusJson).path("term").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException("status is not JSON: " + statusJson, e);
        }
    }

    /** Polls until a leader is known or {@code timeout} passes. */
    public Optional<Integer> awaitLeader(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Integer> leader = leader();
            if (leader.isPresent()) return leader;
            Thread.sleep(50); // polling a remote process; nothing to wait on
        }
        return Optional.empty();
    }

    @Override
    public void close() throws InterruptedException {
        for (int id = 1; id <= size(); id++) kill(id);
    }
}
