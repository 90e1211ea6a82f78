package io.rafttorture.harness.cluster;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rafttorture.node.client.NodeClient;
import io.rafttorture.node.client.NodeClientException;
import io.rafttorture.node.kv.ClientResponse;
import io.rafttorture.node.raft.Role;
import io.rafttorture.node.replica.NodeStatus;

import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Who leads, from the nodes' own status answers. */
public final class Leadership {
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Leadership() {
    }

    /**
     * The node that reports itself LEADER and that a majority of {@code clusterSize} (itself included) names as
     * leader in its term; the one of the highest term if several do. Empty if none. Candidates of a minority may
     * report higher terms meanwhile: they do not unseat a leader a majority follows.
     */
    public static Optional<Integer> agreedLeader(List<NodeStatus> statuses, int clusterSize) {
        return statuses.stream()
                .filter(s -> s.role() == Role.LEADER)
                .filter(l -> statuses.stream().filter(s -> s.term() == l.term() && s.leader() == l.id()).count() > clusterSize / 2)
                .max(Comparator.comparingLong(NodeStatus::term))
                .map(NodeStatus::id);
    }

    /**
     * The leader of a settled cluster: every one of {@code clusterSize} nodes answered, all in one term, all naming
     * the one node that reports itself LEADER, and every log as long as the leader's and committed to its end (the
     * leader's own no-op included). Empty otherwise. This is the state the leader-crash experiment starts each trial
     * from: nobody is catching up and no election is under way.
     */
    public static Optional<NodeStatus> settledLeader(List<NodeStatus> statuses, int clusterSize) {
        if (statuses.size() != clusterSize) return Optional.empty();
        List<NodeStatus> leaders = statuses.stream().filter(s -> s.role() == Role.LEADER).toList();
        if (leaders.size() != 1) return Optional.empty();
        NodeStatus leader = leaders.get(0);
        boolean settled = statuses.stream().allMatch(s -> s.term() == leader.term() && s.leader() == leader.id()
                && s.lastLogIndex() == leader.lastLogIndex() && s.commitIndex() == leader.lastLogIndex());
        return settled ? Optional.of(leader) : Optional.empty();
    }

    /** The status a node answers at {@code endpoint}; empty if it does not answer OK within {@code timeout}. */
    public static Optional<NodeStatus> status(Endpoint endpoint, Duration timeout) {
        try (NodeClient client = NodeClient.lazy(endpoint.host(), endpoint.port(), timeout, timeout)) {
            ClientResponse response = client.status();
            if (response.status() != ClientResponse.Status.OK) return Optional.empty();
            return Optional.of(JSON.readValue(response.value(), NodeStatus.class));
        } catch (NodeClientException | IOException e) {
            return Optional.empty();
        }
    }
}
