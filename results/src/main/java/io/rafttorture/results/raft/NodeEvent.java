package io.rafttorture.results.raft;

import java.util.Map;

/**
 * One event line a node printed: {@code {"ts": epoch ms, "node": id, "type": ..., more fields}}.
 *
 * @param ts     wall-clock milliseconds (the nodes share the host's clock, so events of different nodes compare)
 * @param node   the node's id
 * @param type   e.g. {@code election-won}, {@code vote-granted}, {@code restored}
 * @param fields the other fields, as read from JSON (numbers, strings, booleans)
 */
public record NodeEvent(long ts, int node, String type, Map<String, Object> fields) {
    public NodeEvent {
        fields = Map.copyOf(fields);
    }

    /** A numeric field, or {@code missing} when the event has no such number. */
    public long number(String name, long missing) {
        return fields.get(name) instanceof Number n ? n.longValue() : missing;
    }

    /** A field as text ("" when absent). */
    public String text(String name) {
        Object value = fields.get(name);
        return value == null ? "" : String.valueOf(value);
    }
}
