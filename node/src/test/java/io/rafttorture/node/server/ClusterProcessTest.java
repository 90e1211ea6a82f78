package io.rafttorture.node.server;

import io.rafttorture.node.bench.LocalCluster;
import io.rafttorture.node.client.NodeClient;
import io.rafttorture.node.client.NodeClientException;
import io.rafttorture.node.kv.ClientResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three real node processes on loopback: they elect a leader, serve writes, survive kill -9 of the leader, and keep
 * every acknowledged write; the killed node recovers its log from disk and catches up.
 */
@Tag("process")
class ClusterProcessTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private LocalCluster cluster;
    private final Map<Integer, NodeClient> clients = new HashMap<>();

    @AfterEach
    void killEverything() throws InterruptedException {
        clients.values().forEach(NodeClient::close);
        if (cluster != null) cluster.close();
    }

    private NodeClient client(int id) {
        return clients.computeIfAbsent(id, n -> NodeClient.lazy("127.0.0.1", cluster.clientPort(n),
                Duration.ofSeconds(1), Duration.ofSeconds(3)));
    }

    /** Sends {@code op} to {@code node} until it answers OK; returns the answer. Definite failures are retried. */
    private ClientResponse untilOk(int node, Request op) {
        AtomicReference<ClientResponse> ok = new AtomicReference<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            try {
                ClientResponse r = op.send(client(node));
                if (r.status() == ClientResponse.Status.OK) ok.set(r);
                return ok.get() != null;
            } catch (NodeClientException e) {
                return false;
            }
        });
        return ok.get();
    }

    private interface Request {
        ClientResponse send(NodeClient c) throws NodeClientException;
    }

    private int awaitLeader(Optional<Integer> not) {
        AtomicReference<Integer> leader = new AtomicReference<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            Optional<Integer> l = cluster.leader();
            l.filter(id -> !l.equals(not)).ifPresent(leader::set);
            return leader.get() != null;
        });
        return leader.get();
    }

    /**
     * Sends {@code op} to the leader until it is acknowledged, following NOT_LEADER hints: under CI load leadership
     * may move mid-test. A retried write may apply twice; each key gets one value, so that changes nothing.
     */
    private ClientResponse acknowledgedByLeader(Request op) {
        AtomicReference<ClientResponse> ok = new AtomicReference<>();
        await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).until(() -> {
            int target = leaderHint;
            try {
                ClientResponse r = op.send(client(target));
                if (r.status() == ClientResponse.Status.OK) ok.set(r);
                else leaderHint = r.status() == ClientResponse.Status.NOT_LEADER && r.leader() > 0 ? r.leader() : next(target);
            } catch (NodeClientException e) {
                leaderHint = next(target);
            }
            return ok.get() != null;
        });
        return ok.get();
    }

    private int leaderHint = 1;

    private int next(int node) {
        return node % cluster.size() + 1;
    }

    @Test
    void survivesKillOfTheLeaderAndKeepsEveryAcknowledgedWrite() throws Exception {
        cluster = new LocalCluster(3, dir, System.getProperty("java.class.path"), List.of()).startAll();
        leaderHint = awaitLeader(Optional.empty());

        Map<String, String> acknowledged = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            String key = "k" + i, value = "v" + i;
            acknowledgedByLeader(c -> c.write(key, value));
            acknowledged.put(key, value);
        }
        ClientResponse cas = client(leaderHint).cas("k0", "v0", "v0-cas");
        if (cas.status() == ClientResponse.Status.OK) acknowledged.put("k0", "v0-cas");
        boolean casUnknown = cas.status() != ClientResponse.Status.OK;

        int first = awaitLeader(Optional.empty());
        cluster.kill(first);
        int second = awaitLeader(Optional.of(first));
        assertThat(second).isNotEqualTo(first);

        for (Map.Entry<String, String> e : acknowledged.entrySet()) {
            ClientResponse r = untilOk(second, c -> c.read(e.getKey()));
            if (casUnknown && e.getKey().equals("k0")) {
                assertThat(r.value()).isIn("v0", "v0-cas"); // an unacknowledged cas may or may not have applied
            } else {
                assertThat(r.value()).as("acknowledged write of %s survives the leader's death", e.getKey()).isEqualTo(e.getValue());
            }
        }
        leaderHint = second;
        acknowledgedByLeader(c -> c.write("after", "failover"));

        long leaderCommit = statusField(cluster.status(second).orElseThrow().value(), "commitIndex");
        assertThat(leaderCommit).as("%d writes, 'after' and a no-op per term are committed", acknowledged.size())
                .isGreaterThanOrEqualTo(acknowledged.size() + 2L);
        cluster.start(first); // recovers its log from disk, then catches up from the new leader
        await().atMost(WAIT).until(() -> cluster.status(first)
                .map(s -> statusField(s.value(), "lastApplied") >= leaderCommit).orElse(false));
        assertThat(Files.readString(cluster.logFile(first))).contains("\"type\":\"node-started\"")
                .contains("\"recoveredEntries\":");
    }

    private static long statusField(String statusJson, String field) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(statusJson).path(field).asLong();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("status is not JSON: " + statusJson, e);
        }
    }
}
