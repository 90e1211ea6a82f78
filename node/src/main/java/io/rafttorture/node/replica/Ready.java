package io.rafttorture.node.replica;

import io.rafttorture.node.kv.ClientResponse;
import io.rafttorture.node.raft.Entry;
import io.rafttorture.node.raft.HardState;
import io.rafttorture.node.raft.Message;

import java.util.List;

/**
 * What a {@link Replica} needs done now. The event loop must, in this order:
 * <ol>
 *   <li>persist {@code hardState} (null = unchanged) and {@code entries}, and fsync. If
 *       {@code entries.get(0).index()} is at or below the last stored index, storage first deletes every stored
 *       entry from that index on (conflict truncation, §5.3), then appends;</li>
 *   <li>only then send {@code messages} and {@code responses} (etcd's rule: nothing leaves the node that
 *       depends on state not yet durable);</li>
 *   <li>print {@code events};</li>
 *   <li>call {@link Replica#advance(Ready)} before the next tick, step or submit.</li>
 * </ol>
 */
public record Ready(HardState hardState, List<Entry> entries, List<Message> messages,
                    List<ClientResponse> responses, List<Event> events) {
    public Ready {
        entries = List.copyOf(entries);
        messages = List.copyOf(messages);
        responses = List.copyOf(responses);
        events = List.copyOf(events);
    }

    /** True when nothing needs doing. */
    public boolean isEmpty() {
        return hardState == null && entries.isEmpty() && messages.isEmpty() && responses.isEmpty()
                && events.isEmpty();
    }
}
