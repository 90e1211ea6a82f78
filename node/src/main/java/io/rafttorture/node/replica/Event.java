package io.rafttorture.node.replica;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One observable happening inside a node (a role change, a vote, an RPC, a commit range...). The node prints each
 * as one JSON line: {@code {"type": type, ...fields}}. Field values are Strings, Numbers or Booleans; the field
 * order is the order they were given in.
 */
public record Event(String type, Map<String, Object> fields) {
    public Event {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** {@code Event.of("vote-granted", "term", 3, "candidate", 2)}: alternating names and values. */
    public static Event of(String type, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("event " + type + " needs name/value pairs, got an odd count");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Event(type, fields);
    }
}
