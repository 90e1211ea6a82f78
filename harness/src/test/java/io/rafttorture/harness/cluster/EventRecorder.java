package io.rafttorture.harness.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Keeps every node's JSON event lines as they arrive, for assertions about who heard whom and when. */
final class EventRecorder implements NodeEventListener {
    private static final ObjectMapper JSON = new ObjectMapper();

    record NodeEvent(int node, JsonNode json) {
        long ts() {
            return json.path("ts").asLong(0);
        }

        String type() {
            return json.path("type").asText("");
        }
    }

    private final ConcurrentLinkedQueue<NodeEvent> events = new ConcurrentLinkedQueue<>();

    @Override
    public void onLine(int node, String line) {
        try {
            events.add(new NodeEvent(node, JSON.readTree(line)));
        } catch (JsonProcessingException notJson) {
            // a line that is not an event (the node prints only events on stdout; keep the recorder robust)
        }
    }

    /**
     * Events node {@code at} logged after {@code afterMs} (epoch ms) on handling a message from one of
     * {@code senders}: an AppendEntries or its answer ("from"), or a vote request ("candidate").
     */
    List<NodeEvent> receivedBy(int at, Collection<Integer> senders, long afterMs) {
        return events.stream()
                .filter(e -> e.node() == at && e.ts() > afterMs)
                .filter(e -> senders.contains(sender(e)))
                .toList();
    }

    private static int sender(NodeEvent e) {
        return switch (e.type()) {
            case "append-handled", "append-answered" -> e.json().path("from").asInt(-1);
            case "vote-granted", "vote-refused" -> e.json().path("candidate").asInt(-1);
            default -> -1;
        };
    }

    /** Events of the given type node {@code at} logged after {@code afterMs}. */
    List<NodeEvent> ofType(int at, String type, long afterMs) {
        return events.stream().filter(e -> e.node() == at && e.ts() > afterMs && e.type().equals(type)).toList();
    }
}
