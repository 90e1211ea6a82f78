package io.rafttorture.harness.cluster;

import io.rafttorture.nemesis.Link;
import io.rafttorture.nemesis.Nemesis;
import io.rafttorture.nemesis.toxiproxy.ProxyState;
import io.rafttorture.node.client.NodeClient;
import io.rafttorture.node.client.NodeClientException;
import io.rafttorture.node.kv.ClientResponse;
import io.rafttorture.node.replica.NodeStatus;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.DockerClientFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One 5-node cluster shared by independent scenarios; each scenario's faults are healed after it. Election timeouts
 * are raised to 1-2 s so that 200 ms of latency on every link (a 400 ms round trip) still lets a leader hold on.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIT {
    /** Bytes Toxiproxy forwarded just before a toxic took hold may still be processed this long after (2 loaded cores). */
    private static final long GRACE_MS = 1000;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final EventRecorder events = new EventRecorder();
    private Cluster cluster;
    private Nemesis nemesis;
    private int writes;

    @BeforeAll
    void startCluster() {
        cluster = new Cluster().withNodes(5).withTimeouts(100, 1000, 2000, 1000).withEventListener(events).start();
        nemesis = cluster.nemesis();
        System.out.printf("[measure] 5-node cluster from nothing to a leader: %d ms (%s; run folder %s)%n",
                cluster.startupTime().toMillis(), cluster.startupPhases(), cluster.runDir());
    }

    @AfterEach
    void healEverything() {
        nemesis.healAll();
        cluster.awaitLeader(WAIT);
    }

    @AfterAll
    void closeAndCheckNothingRemains() {
        String run = cluster.runId();
        cluster.close();
        var docker = DockerClientFactory.instance().client();
        assertThat(Leftovers.containers(docker, Labels.RUN, run)).as("containers of run " + run + " after close").isEmpty();
        assertThat(Leftovers.networks(docker, Labels.RUN, run)).as("networks of run " + run + " after close").isEmpty();
    }

    @Test
    void fiveNodes_electALeader_andWritesThroughNodeClientSucceed() throws NodeClientException {
        int leader = cluster.awaitLeader(WAIT);

        try (NodeClient client = client(leader)) {
            assertThat(client.write("greeting", "hello").status()).as("write to leader n" + leader).isEqualTo(ClientResponse.Status.OK);
            assertThat(client.read("greeting").value()).as("read back from the leader").isEqualTo("hello");
        }
    }

    @Test
    void everythingCreated_carriesTheRunsLabels_soCleanUpCanFindIt() {
        var docker = cluster.docker();
        var containers = Leftovers.containers(docker, Labels.RUN, cluster.runId());
        var networks = Leftovers.networks(docker, Labels.RUN, cluster.runId());

        assertThat(containers).as("5 nodes and Toxiproxy labelled with the run").hasSize(6)
                .allSatisfy(c -> assertThat(c.getLabels()).containsEntry(Labels.PROJECT, "true")
                        .containsEntry(Labels.OWNER_PID, Long.toString(ProcessHandle.current().pid())));
        assertThat(networks).as("the run's network").singleElement()
                .satisfies(n -> assertThat(n.getLabels()).as("the network names the node image, which pruning keeps")
                        .containsEntry(Labels.NODE_IMAGE, docker.inspectContainerCmd(cluster.containerId(1)).exec()
                                .getConfig().getImage()));
    }

    @Test
    void partition_minorityHearsNothingAndCommitsNothing_healConverges() throws NodeClientException {
        long inForce = timed("partition {1,2} {3,4,5}", () -> nemesis.network().partition(Set.of(1, 2), Set.of(3, 4, 5)));

        int leader = awaitLeaderAmong(Set.of(3, 4, 5));
        Map<Integer, Long> minorityCommit = awaitCommitIndexes(List.of(1, 2));
        for (int i = 0; i < 5; i++) assertThat(write(leader).status()).as("majority write").isEqualTo(ClientResponse.Status.OK);
        long majorityCommit = status(leader).commitIndex();

        // The minority is alive and talking within its side (heartbeats or vote requests), so silence is meaningful.
        Awaitility.await("n1 and n2 exchange messages").atMost(WAIT).until(() ->
                !events.receivedBy(1, Set.of(2), inForce + GRACE_MS).isEmpty()
                        || !events.receivedBy(2, Set.of(1), inForce + GRACE_MS).isEmpty());
        assertThat(awaitCommitIndexes(List.of(1, 2))).as("the minority's commitIndex while partitioned").isEqualTo(minorityCommit);
        for (int node : List.of(1, 2)) {
            assertThat(events.receivedBy(node, Set.of(3, 4, 5), inForce + GRACE_MS))
                    .as("messages n%d received from the majority after the partition", node).isEmpty();
        }

        assertThat(cluster.toxiproxy().proxies()).flatExtracting(ProxyState::toxics).as("toxics while partitioned")
                .hasSize(2 * 2 * 3 * 2);
        timed("heal", () -> nemesis.network().heal());
        assertThat(cluster.toxiproxy().proxies()).flatExtracting(ProxyState::toxics).as("toxics after heal").isEmpty();
        awaitConvergedCommit(majorityCommit);
    }

    @Test
    void cut_blocksExactlyOneDirection() throws NodeClientException {
        int leader = cluster.awaitLeader(WAIT);
        int follower = leader == 1 ? 2 : 1;

        long inForce = timed("cut n" + follower + "->n" + leader, () -> nemesis.network().cut(follower, leader));
        for (int i = 0; i < 3; i++) assertThat(write(leader).status()).isEqualTo(ClientResponse.Status.OK);

        Awaitility.await("n" + follower + " still hears the leader").atMost(WAIT)
                .until(() -> !events.receivedBy(follower, Set.of(leader), inForce + GRACE_MS).isEmpty());
        assertThat(events.receivedBy(leader, Set.of(follower), inForce + GRACE_MS))
                .as("what the leader received from n%d after the cut", follower).isEmpty();
    }

    @Test
    void killedLeader_isReplaced_andRestartsWithItsLogAndCatchesUp() throws NodeClientException {
        int old = cluster.awaitLeader(WAIT);
        for (int i = 0; i < 3; i++) assertThat(write(old).status()).isEqualTo(ClientResponse.Status.OK);
        long logBefore = status(old).lastLogIndex();

        timed("kill n" + old, () -> nemesis.processes().kill(old));
        int next = Awaitility.await("a new leader").atMost(WAIT)
                .until(cluster::leader, l -> l.isPresent() && l.get() != old).orElseThrow();
        assertThat(write(next).status()).as("write to the new leader n" + next).isEqualTo(ClientResponse.Status.OK);
        assertThatThrownBy(() -> nemesis.processes().pause(old)).as("pausing a killed node fails at once")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not running");

        long restartedAt = timed("restart n" + old, () -> nemesis.processes().restart(old));
        Awaitility.await("n" + old + " reports its restored state").atMost(WAIT)
                .until(() -> !events.ofType(old, "restored", restartedAt - 1000).isEmpty());
        assertThat(events.ofType(old, "restored", restartedAt - 1000).get(0).json().path("lastLogIndex").asLong())
                .as("log entries n%d found on disk after restart", old).isGreaterThanOrEqualTo(logBefore);
        awaitConvergedCommit(status(next).commitIndex());
    }

    @Test
    void pausedFollower_stopsAnswering_andCatchesUpAfterResume() throws NodeClientException {
        int leader = cluster.awaitLeader(WAIT);
        int follower = leader == 5 ? 4 : 5;

        timed("pause n" + follower, () -> nemesis.processes().pause(follower));
        assertThat(cluster.status(follower)).as("status of paused n" + follower).isEmpty();
        for (int i = 0; i < 3; i++) assertThat(write(leader).status()).isEqualTo(ClientResponse.Status.OK);
        long target = status(leader).commitIndex();

        timed("resume n" + follower, () -> nemesis.processes().resume(follower));
        Awaitility.await("n" + follower + " catches up").atMost(WAIT)
                .until(() -> cluster.status(follower).map(NodeStatus::commitIndex).orElse(-1L) >= target);
        nemesis.processes().resume(follower); // resuming a running node is a no-op (scenarios and heal rely on it)
        assertThat(cluster.status(follower)).as("n" + follower + " still answers after a second resume").isPresent();
    }

    @Test
    void latency200msOnAllLinks_raisesWriteLatency() throws NodeClientException {
        int leader = cluster.awaitLeader(WAIT);
        long before = medianWriteMs(leader);

        List<Link> all = new ArrayList<>(Link.allPeerLinks(cluster.nodeIds()));
        all.addAll(Link.allClientLinks(cluster.nodeIds()));
        timed("latency 200 ms on " + all.size() + " links", () -> nemesis.network().latency(all, 200, 0));
        long during = medianWriteMs(cluster.awaitLeader(WAIT));
        System.out.printf("[measure] median write latency: %d ms before, %d ms with 200 ms on every link%n", before, during);

        assertThat(during).as("client round trip (2 x 200) + replication round trip (2 x 200), in ms")
                .isGreaterThanOrEqualTo(800);
        timed("remove latency", () -> nemesis.network().removeLatency());
    }

    private long medianWriteMs(int leader) throws NodeClientException {
        List<Long> ms = new ArrayList<>();
        try (NodeClient client = client(leader)) {
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                assertThat(client.write("latency", Integer.toString(i)).status()).isEqualTo(ClientResponse.Status.OK);
                ms.add((System.nanoTime() - start) / 1_000_000);
            }
        }
        return ms.stream().sorted().toList().get(ms.size() / 2);
    }

    private int awaitLeaderAmong(Set<Integer> nodes) {
        return Awaitility.await("a leader among " + nodes).atMost(WAIT)
                .until(cluster::leader, l -> l.isPresent() && nodes.contains(l.get())).orElseThrow();
    }

    private void awaitConvergedCommit(long atLeast) {
        Awaitility.await("all nodes at one commitIndex >= " + atLeast).atMost(WAIT).until(() -> {
            Collection<Long> commits = commitIndexes(cluster.nodeIds()).values();
            return commits.size() == cluster.nodeIds().size() && commits.stream().distinct().count() == 1
                    && commits.iterator().next() >= atLeast;
        });
    }

    /** Commit indexes of the nodes that answer within 500 ms. */
    private Map<Integer, Long> commitIndexes(List<Integer> nodes) {
        Map<Integer, Long> commits = new TreeMap<>();
        for (int node : nodes) cluster.status(node).ifPresent(s -> commits.put(node, s.commitIndex()));
        return commits;
    }

    /** Commit indexes of all the nodes, each asked until it answers (a loaded machine may miss one answer). */
    private Map<Integer, Long> awaitCommitIndexes(List<Integer> nodes) {
        Map<Integer, Long> commits = new TreeMap<>();
        for (int node : nodes) commits.put(node, status(node).commitIndex());
        return commits;
    }

    private NodeStatus status(int node) {
        return Awaitility.await("status of n" + node).atMost(WAIT)
                .until(() -> cluster.status(node), Optional::isPresent).orElseThrow();
    }

    private ClientResponse write(int node) throws NodeClientException {
        try (NodeClient client = client(node)) {
            return client.write("k" + (writes % 3), Integer.toString(++writes));
        }
    }

    private NodeClient client(int node) {
        Endpoint endpoint = cluster.endpoint(node);
        return NodeClient.lazy(endpoint.host(), endpoint.port(), Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    /** Applies a fault, prints how long it took to be in force, and returns the epoch ms when it was. */
    private static long timed(String fault, Runnable apply) {
        long start = System.nanoTime();
        apply.run();
        long inForce = System.currentTimeMillis();
        System.out.printf("[measure] %s in force after %.1f ms%n", fault, (System.nanoTime() - start) / 1e6);
        return inForce;
    }
}
