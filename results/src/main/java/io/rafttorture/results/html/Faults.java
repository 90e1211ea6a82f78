package io.rafttorture.results.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rafttorture.results.history.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fault windows with what they did, from the history's nemesis events: {@code start-X} opens a window of fault X,
 * the next {@code stop-X} closes it; a window never closed lasts to the end of the run.
 */
final class Faults {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One fault in force.
     *
     * @param fault      "partition", "kill", "pause", ...
     * @param startNanos run time of the start event
     * @param stopNanos  run time of the stop event, or {@code endNanos} of the run when it never stopped
     * @param nodes      the nodes it hit (kill, pause: value.nodes), else empty
     * @param label      one short line for the timeline, e.g. "kill n3 (leader)"
     * @param detail     the start event's full value, compact JSON
     */
    record Fault(String fault, long startNanos, long stopNanos, List<Integer> nodes, String label, String detail) {
    }

    private Faults() {
    }

    /** The windows of {@code nemesisOps} in start order; open ones end at {@code endNanos}. */
    static List<Fault> of(List<Op> nemesisOps, long endNanos) {
        List<Fault> faults = new ArrayList<>();
        Map<String, Op> open = new HashMap<>();
        for (Op op : nemesisOps) {
            if (op.time() == null) continue;
            if (op.f().startsWith("start-")) {
                open.putIfAbsent(op.f().substring("start-".length()), op);
            } else if (op.f().startsWith("stop-")) {
                Op start = open.remove(op.f().substring("stop-".length()));
                if (start != null) faults.add(fault(start, op.time()));
            }
        }
        open.values().forEach(start -> faults.add(fault(start, endNanos)));
        faults.sort(java.util.Comparator.comparingLong(Fault::startNanos));
        return faults;
    }

    private static Fault fault(Op start, long stopNanos) {
        String name = start.f().substring("start-".length());
        JsonNode value = MAPPER.valueToTree(start.value());
        List<Integer> nodes = new ArrayList<>();
        value.path("nodes").forEach(n -> nodes.add(n.asInt()));
        return new Fault(name, start.time(), Math.max(stopNanos, start.time()), nodes, label(name, value, nodes),
                Html.cap(value.toString(), 500));
    }

    private static String label(String name, JsonNode value, List<Integer> nodes) {
        StringBuilder label = new StringBuilder(name);
        if (!nodes.isEmpty()) {
            nodes.forEach(n -> label.append(" n").append(n));
            if (value.hasNonNull("target")) label.append(" (").append(value.get("target").asText()).append(')');
        } else if (value.has("drops")) {
            if (value.hasNonNull("shape")) label.append(' ').append(value.get("shape").asText()).append(':');
            value.get("drops").properties().forEach(e -> label.append(' ').append(e.getKey()).append('\u219b')
                    .append(e.getValue().toString().replaceAll("[\\[\\]]", "")));
        } else if (!value.isNull() && !value.isMissingNode()) {
            label.append(' ').append(Html.brief(value));
        }
        return label.toString();
    }
}
