package io.rafttorture.nemesis.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.rafttorture.nemesis.Grudge;
import io.rafttorture.nemesis.schedule.Faults;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The random nemesis's schedule.json entries ({@code kind}, {@code f} and the {@code resolved} value it put in the
 * history) as the scenario actions that repeat them with explicit targets: start-partition becomes a partition with
 * that grudge, stop-partition a heal of partitions, start-kill a kill of those nodes, stop-kill a restart of the
 * nodes restarted, pause and resume alike, start-latency latency with the same delay on every peer link,
 * stop-latency a heal of latency. Every problem names file:line:column and the field.
 */
final class NemesisSteps {
    private final ScenarioReader.Document doc;
    private final String path;
    private final int nodes;

    /** @param nodes the cluster size (0 when unknown: ids are then only checked to be at least 1) */
    NemesisSteps(ScenarioReader.Document doc, String path, int nodes) {
        this.doc = doc;
        this.path = path;
        this.nodes = nodes;
    }

    Action action(String kind, String f, JsonNode resolved) {
        boolean start = f.startsWith("start-");
        String fault = f.replaceFirst("^(start|stop)-", "");
        if (!Faults.NAMES.contains(fault) || fault.equals(f)) {
            throw doc.fail(path + ".f", "unknown nemesis op \"" + f + "\" (expected start- or stop- followed by "
                    + String.join(", ", Faults.NAMES) + ")");
        }
        if (!fault.equals(kind)) {
            throw doc.fail(path + ".kind", "\"" + kind + "\" does not match f \"" + f + "\" (expected \"" + fault
                    + "\")");
        }
        String where = path + ".resolved";
        if (resolved == null || resolved.isNull()) throw doc.fail(where, "missing (the value " + f + " recorded)");
        return switch (fault) {
            case "partition", "partition-leader" -> start ? new Action.Partition(null, grudge(where, resolved))
                    : new Action.Heal("partition");
            case "kill" -> start ? new Action.Kill(hit(where, resolved)) : new Action.Restart(restored(where, resolved));
            case "pause" -> start ? new Action.Pause(hit(where, resolved)) : new Action.Resume(restored(where, resolved));
            default -> start ? latency(where, resolved) : new Action.Heal("latency");
        };
    }

    /** The random latency fault slows every peer link: the replay names every node (all of them when n is unknown). */
    private Action latency(String where, JsonNode resolved) {
        int ms = whole(where + ".latency-ms", field(where, resolved, "latency-ms"));
        int jitter = whole(where + ".jitter-ms", field(where, resolved, "jitter-ms"));
        List<Integer> all = new ArrayList<>();
        for (int id = 1; id <= nodes; id++) all.add(id);
        return new Action.Latency(nodes == 0 ? Target.of(Target.Kind.ALL) : Target.nodes(all), ms, jitter);
    }

    /** A start's value {@code {nodes: [...], target: leader}}: the node ids it hit. */
    private Target hit(String where, JsonNode resolved) {
        return Target.nodes(ids(where + ".nodes", field(where, resolved, "nodes"), false));
    }

    /** A stop's value: the node ids restarted or resumed; none (null target: every such node, i.e. none again). */
    private Target restored(String where, JsonNode resolved) {
        List<Integer> ids = ids(where, resolved, true);
        return ids.isEmpty() ? null : Target.nodes(ids);
    }

    /** {@code {shape, drops: {n1: [4, 5], ...}}}: the grudge applied. */
    private Grudge grudge(String where, JsonNode resolved) {
        JsonNode drops = field(where, resolved, "drops");
        String at = where + ".drops";
        if (!drops.isObject() || drops.isEmpty()) {
            throw doc.fail(at, "expected a map of node to the nodes it drops, e.g. {\"n1\": [2, 3]}, got " + drops);
        }
        Map<Integer, Set<Integer>> grudge = new TreeMap<>();
        for (Iterator<String> keys = drops.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            int node = nodeId(at + "." + key, key.startsWith("n") ? key.substring(1) : key);
            grudge.put(node, new TreeSet<>(ids(at + "." + key, drops.get(key), false)));
        }
        return new Grudge(grudge);
    }

    private JsonNode field(String where, JsonNode object, String name) {
        JsonNode value = object.isObject() ? object.get(name) : null;
        if (value == null) throw doc.fail(where + "." + name, "missing (got " + object + ")");
        return value;
    }

    private List<Integer> ids(String where, JsonNode node, boolean mayBeEmpty) {
        if (!node.isArray() || (!mayBeEmpty && node.isEmpty())) {
            throw doc.fail(where, "expected a " + (mayBeEmpty ? "" : "non-empty ") + "list of node ids, got " + node);
        }
        Set<Integer> ids = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode id = node.get(i);
            if (!id.isIntegralNumber()) throw doc.fail(where + "[" + i + "]", "expected a node id, got " + id);
            ids.add(nodeId(where + "[" + i + "]", id.asText()));
        }
        return List.copyOf(ids);
    }

    private int nodeId(String where, String text) {
        return doc.nodeId(where, text, nodes);
    }

    private int whole(String where, JsonNode node) {
        if (!node.isIntegralNumber() || node.asLong() < 0 || node.asLong() > Integer.MAX_VALUE) {
            throw doc.fail(where, "expected a whole number of ms, got " + node);
        }
        return node.asInt();
    }
}
