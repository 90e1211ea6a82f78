package io.rafttorture.node.bench;

import io.rafttorture.node.client.NodeClient;
import io.rafttorture.node.client.NodeClientException;
import io.rafttorture.node.kv.ClientResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code bench [--clients 1,16,64] [--seconds 10]}: starts a 3-node cluster as child JVMs on loopback (fsync on),
 * then for each client count runs a write phase and a read phase (linearizable reads through ReadIndex) and prints
 * throughput and p50/p99 latency. Clients follow NOT_LEADER hints to the leader.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures write and read throughput/latency of a local 3-node cluster.")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--clients", split = ",", defaultValue = "1,16,64", description = "Concurrent client counts (default ${DEFAULT-VALUE}).")
    List<Integer> clients;

    @Option(names = "--seconds", defaultValue = "10", description = "Length of each phase (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "3", description = "Unmeasured writes first, to warm the JITs (default ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--keys", defaultValue = "1000", description = "Distinct keys (default ${DEFAULT-VALUE}).")
    int keys;

    @Option(names = "--dir", description = "Where the nodes' data and logs go (default: a temp directory, deleted after).")
    Path dir;

    private enum Op { WRITE, READ }

    private record Result(int clients, Op op, double opsPerSecond, long p50, long p99, long errors) {}

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        boolean temporary = dir == null;
        Path root = temporary ? Files.createTempDirectory("raft-bench") : dir;
        String classpath = System.getProperty("java.class.path");
        try (LocalCluster cluster = new LocalCluster(3, root, classpath, List.of()).startAll()) {
            if (cluster.awaitLeader(Duration.ofSeconds(30)).isEmpty()) {
                spec.commandLine().getErr().println("error: no leader elected within 30 s; node logs in " + root);
                return 1;
            }
            out.printf("bench: 3 nodes as child JVMs on loopback, fsync on, %d s per phase, %d keys, %d cores%n",
                    seconds, keys, Runtime.getRuntime().availableProcessors());
            out.flush();
            if (warmupSeconds > 0) run(cluster, 16, Op.WRITE, warmupSeconds);
            out.printf("%-8s %-6s %10s %8s %8s %7s%n", "clients", "op", "ops/s", "p50 ms", "p99 ms", "errors");
            for (int c : clients) {
                for (Op op : Op.values()) {
                    Result r = run(cluster, c, op, seconds);
                    out.printf("%-8d %-6s %10.0f %8.2f %8.2f %7d%n", r.clients, r.op.name().toLowerCase(),
                            r.opsPerSecond, r.p50 / 1e6, r.p99 / 1e6, r.errors);
                    out.flush();
                }
            }
        } finally {
            if (temporary) deleteTree(root);
        }
        return 0;
    }

    private Result run(LocalCluster cluster, int clientCount, Op op, int phaseSeconds) throws InterruptedException {
        AtomicInteger leader = new AtomicInteger(cluster.leader().orElse(1));
        long deadline = System.nanoTime() + Duration.ofSeconds(phaseSeconds).toNanos();
        List<LatencyRecorder> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clientCount; i++) {
            LatencyRecorder rec = new LatencyRecorder();
            recorders.add(rec);
            Thread t = new Thread(() -> clientLoop(cluster, leader, op, deadline, rec), "bench-client-" + i);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        long[] sorted = LatencyRecorder.mergeSorted(recorders);
        long errors = recorders.stream().mapToLong(LatencyRecorder::errors).sum();
        return new Result(clientCount, op, sorted.length / (double) phaseSeconds, LatencyRecorder.percentile(sorted, 50),
                LatencyRecorder.percentile(sorted, 99), errors);
    }

    /** One logical client: its own connection per node, following the leader hint; counts every non-OK answer. */
    private void clientLoop(LocalCluster cluster, AtomicInteger leader, Op op, long deadline, LatencyRecorder rec) {
        Map<Integer, NodeClient> byNode = new HashMap<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            while (System.nanoTime() < deadline) {
                int target = leader.get();
                NodeClient client = byNode.computeIfAbsent(target, id -> NodeClient.lazy("127.0.0.1",
                        cluster.clientPort(id), Duration.ofSeconds(1), Duration.ofSeconds(2)));
                String key = "k" + random.nextInt(keys);
                long start = System.nanoTime();
                try {
                    ClientResponse r = op == Op.WRITE ? client.write(key, Long.toString(random.nextLong(), 36)) : client.read(key);
                    if (r.status() == ClientResponse.Status.OK) {
                        rec.record(System.nanoTime() - start);
                        continue;
                    }
                    rec.error();
                    if (r.status() == ClientResponse.Status.NOT_LEADER && r.leader() > 0) {
                        leader.compareAndSet(target, r.leader());
                        continue;
                    }
                } catch (NodeClientException e) {
                    rec.error();
                }
                pause(); // no leader known, or the node is unreachable: give elections a moment
                if (leader.get() == target) leader.compareAndSet(target, target % cluster.size() + 1);
            }
        } finally {
            byNode.values().forEach(NodeClient::close);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
