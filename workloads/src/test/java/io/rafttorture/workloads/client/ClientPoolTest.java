package io.rafttorture.workloads.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.rafttorture.node.bench.LocalCluster;
import io.rafttorture.results.checker.CheckOptions;
import io.rafttorture.results.checker.Checker;
import io.rafttorture.results.checker.Verdict;
import io.rafttorture.results.checker.model.Models;
import io.rafttorture.results.history.History;
import io.rafttorture.results.history.Op;
import io.rafttorture.results.history.Operation;
import io.rafttorture.workloads.generator.Generators;
import io.rafttorture.workloads.generator.Workload;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client pool over real sockets: a real one-node cluster (child JVM), and a node that never answers. */
class ClientPoolTest {
    @TempDir
    Path dir;

    @Test
    void aHealthyNodeGivesALinearizableHistoryOfCompletedOperations() throws Exception {
        // Three nodes: LocalCluster cannot start a node without peers.
        try (LocalCluster cluster = new LocalCluster(3, dir, System.getProperty("java.class.path"), List.of())) {
            cluster.startAll();
            int leader = cluster.awaitLeader(Duration.ofSeconds(30)).orElseThrow();
            Recorder recorder = new Recorder(null);
            Workload kv = Workload.byName("kv", 2);
            ClientPool pool = new ClientPool(Generators.clients(kv, 200, Duration.ofSeconds(1)), recorder,
                    id -> new InetSocketAddress("127.0.0.1", cluster.clientPort(id)), 3, 3, Duration.ofSeconds(2), 1);
            pool.start();
            assertThat(pool.await(Duration.ofSeconds(10))).as("clients end after the time limit").isTrue();

            History history = History.of(recorder.ops());
            // The rate (200/s for 1 s) is a ceiling the limiter must keep; how close a loaded machine gets is not tested.
            assertThat(history.operations()).as("operations within the rate limit").hasSizeBetween(20, 210);
            assertThat(history.operations()).allMatch(op -> !op.isOpen());
            assertThat(history.operations()).extracting(Operation::process).containsOnly(0L, 1L, 2L);
            assertThat(history.operations()).as("only the leader's process succeeds; followers answer not-leader")
                    .allMatch(op -> (op.outcome() == Op.Type.OK) == (ClientPool.nodeOf((Long) op.process(), 3, 3) == leader)
                            || "cas-mismatch".equals(op.completion().error()));
            assertThat(history.counts().ok()).isPositive();
            assertThat(Checker.check(history, Models.byName(kv.modelName(), null), CheckOptions.defaults()).verdict())
                    .isEqualTo(Verdict.VALID);
        }
    }

    @Test
    void aProcessWhoseOperationEndedInInfoIsRetiredForAFreshOne() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> swallow(silent));
            acceptor.setDaemon(true);
            acceptor.start();
            Recorder recorder = new Recorder(null);
            ClientPool pool = new ClientPool(Generators.clients(Workload.byName("register", 1), 100,
                    Duration.ofMillis(700)), recorder, id -> new InetSocketAddress("127.0.0.1", silent.getLocalPort()),
                    3, 2, Duration.ofMillis(100), 1);
            pool.start();
            assertThat(pool.await(Duration.ofSeconds(10))).isTrue();

            List<Op> ops = recorder.ops();
            assertThat(ops.stream().filter(op -> op.type() != Op.Type.INVOKE)).isNotEmpty()
                    .allMatch(op -> op.type() == Op.Type.INFO);
            Map<Object, Long> invokesPerProcess = ops.stream().filter(op -> op.type() == Op.Type.INVOKE)
                    .collect(Collectors.groupingBy(Op::process, Collectors.counting()));
            assertThat(invokesPerProcess.values()).as("no process invokes after its info").containsOnly(1L);
            assertThat(invokesPerProcess.keySet()).contains(0L, 1L, 2L, 3L);
            Map<Object, String> nodeOf = new HashMap<>();
            ops.forEach(op -> nodeOf.put(op.process(), op.node()));
            assertThat(nodeOf).as("a retired process's successor stays on its thread's node")
                    .containsEntry(0L, "n1").containsEntry(1L, "n2").containsEntry(2L, "n1").containsEntry(3L, "n2");
        }
    }

    /** Accepts connections and reads whatever arrives, never answering. */
    private static void swallow(ServerSocket server) {
        List<Socket> open = new ArrayList<>();
        try {
            while (true) {
                Socket socket = server.accept();
                open.add(socket);
                Thread reader = new Thread(() -> {
                    try (InputStream in = socket.getInputStream()) {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    } catch (java.io.IOException closed) {
                        // the client gave up: fine
                    }
                });
                reader.setDaemon(true);
                reader.start();
            }
        } catch (java.io.IOException closed) {
            // the test is over
        }
    }
}
