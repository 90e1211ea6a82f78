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
