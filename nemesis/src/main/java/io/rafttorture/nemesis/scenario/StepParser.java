package io.rafttorture.nemesis.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.rafttorture.nemesis.Grudge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns {@code steps[i]} of a {@link ScenarioReader.Document} into a {@link Step}, or fails naming the field. */
final class StepParser {
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);
    private static final Pattern TIME = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*(ms|s)");
    private static final Map<String, Set<String>> FIELDS = new TreeMap<>(Map.ofEntries(
            Map.entry("partition", Set.of("shape", "grudge", "groups", "from", "to")),
            Map.entry("cut", Set.of("from", "to")),
            Map.entry("heal", Set.of("fault")),
            Map.entry("kill", Set.of("target")),
            Map.entry("restart", Set.of("target")),
            Map.entry("pause", Set.of("target")),
            Map.entry("resume", Set.of("target")),
            Map.entry("latency", Set.of("target", "ms", "jitter-ms")),
            Map.entry("wait-for-leader", Set.of("timeout")),
            Map.entry("wait-for-commit", Set.of("timeout")),
            Map.entry("sleep", Set.of("duration"))));
    private static final String KINDS = "partition, cut, heal, kill, restart, pause, resume, latency, "
            + "wait-for-leader, wait-for-commit, sleep";

    private final ScenarioReader.Document doc;
    private final int nodes;
    private String path;
    private JsonNode step;

    /** @param nodes the cluster size node ids must not exceed; 0 when unknown */
    StepParser(ScenarioReader.Document doc, int nodes) {
        this.doc = doc;
        this.nodes = nodes;
    }

    Step step(int index, Duration previousAt) {
        return step(doc.tree().root().get("steps").get(index), "steps[" + index + "]", index, previousAt);
    }

    /** The step written at {@code path} of the document (e.g. {@code steps[3].step} of a schedule.json). */
    Step step(JsonNode node, String path, int index, Duration previousAt) {
        this.path = path;
        step = node;
        if (!step.isObject()) throw doc.fail(path, "expected a map with kind and at, got " + step);
        String kind = requiredText("kind");
        Set<String> own = FIELDS.get(kind);
        if (own == null) throw doc.fail(path + ".kind", "unknown step kind \"" + kind + "\" (expected " + KINDS + ")");
        Set<String> allowed = new TreeSet<>(own);
        allowed.addAll(Set.of("kind", "at"));
        doc.onlyFields(path, step, allowed, "a " + kind + " step");
        Duration at = step.has("at") ? time("at") : previousAt;
        if (at.compareTo(previousAt) < 0) {
            throw doc.fail(path + ".at", millis(at) + " is before the previous step's at (" + millis(previousAt)
                    + "); steps run in file order");
        }
        return new Step(index, at, action(kind));
    }

    private Action action(String kind) {
        return switch (kind) {
            case "partition" -> partition();
            case "cut" -> new Action.Cut(oneNode("from", true), oneNode("to", true));
            case "heal" -> heal();
            case "kill" -> new Action.Kill(target("target", true));
            case "restart" -> new Action.Restart(target("target", false));
            case "pause" -> new Action.Pause(target("target", true));
            case "resume" -> new Action.Resume(target("target", false));
            case "latency" -> latency();
            case "wait-for-leader" -> new Action.WaitForLeader(optionalTime("timeout", DEFAULT_WAIT));
            case "wait-for-commit" -> new Action.WaitForCommit(optionalTime("timeout", DEFAULT_WAIT));
            case "sleep" -> new Action.Sleep(requiredTime("duration"));
            default -> throw new IllegalStateException("unreachable: " + kind);
        };
    }

    private Action partition() {
        List<String> given = new ArrayList<>();
        for (String field : List.of("shape", "grudge", "groups")) if (step.has(field)) given.add(field);
        if (given.size() != 1) {
            throw doc.fail(given.isEmpty() ? path + ".shape" : path + "." + given.get(1), given.isEmpty()
                    ? "missing (a partition step needs one of shape, grudge or groups)"
                    : "give only one of shape, grudge or groups");
        }
        boolean oneWay = "one-way".equals(step.path("shape").asText(null));
        for (String field : List.of("from", "to")) {
            if (!oneWay && step.has(field)) throw doc.fail(path + "." + field, "only a one-way partition takes " + field);
        }
        if (oneWay) return new Action.Cut(oneNode("from", true), oneNode("to", true));
        if (step.has("grudge")) return new Action.Partition(null, grudge());
        if (step.has("groups")) return new Action.Partition(null, groups());
        String label = requiredText("shape");
        Shape shape = Shape.byLabel(label);
        if (shape == null) {
            throw doc.fail(path + ".shape", "unknown shape \"" + label + "\" (expected " + Shape.EXPECTED + ")");
        }
        return new Action.Partition(shape, null);
    }

    private Action heal() {
        String fault = step.has("fault") ? requiredText("fault") : "all";
        if (!Action.Heal.FAULTS.contains(fault)) {
            throw doc.fail(path + ".fault", "unknown fault \"" + fault + "\" (expected "
                    + String.join(", ", Action.Heal.FAULTS) + ")");
        }
        return new Action.Heal(fault);
    }

    private Action latency() {
        int ms = integer("ms", 0);
        int jitter = step.has("jitter-ms") ? integer("jitter-ms", 0) : 0;
        Target target = step.has("target") ? target("target", true) : Target.of(Target.Kind.ALL);
        return new Action.Latency(target, ms, jitter);
    }

    /** {@code node: [nodes it drops]}, keys as 1 or n1. */
    private Grudge grudge() {
        JsonNode grudge = step.get("grudge");
        String where = path + ".grudge";
        if (!grudge.isObject() || grudge.isEmpty()) {
            throw doc.fail(where, "expected a map of node to the nodes it drops, e.g. {1: [2, 3]}");
        }
        Map<Integer, Set<Integer>> drops = new TreeMap<>();
        grudge.fieldNames().forEachRemaining(key -> {
            int node = nodeId(where + "." + key, key.startsWith("n") ? key.substring(1) : key);
            drops.put(node, new TreeSet<>(ids(where + "." + key, grudge.get(key))));
        });
        return new Grudge(drops);
    }

    /** Disjoint groups of node ids, fully cut from each other. */
    private Grudge groups() {
        JsonNode groups = step.get("groups");
        String where = path + ".groups";
        if (!groups.isArray() || groups.size() < 2) throw doc.fail(where, "expected two or more lists of node ids");
        List<List<Integer>> parsed = new ArrayList<>();
        Set<Integer> seen = new LinkedHashSet<>();
        for (int i = 0; i < groups.size(); i++) {
            List<Integer> group = ids(where + "[" + i + "]", groups.get(i));
            for (int id : group) {
                if (!seen.add(id)) throw doc.fail(where + "[" + i + "]", "node " + id + " is in more than one group");
            }
            parsed.add(group);
        }
        return Grudge.complete(parsed);
    }

    private Target target(String field, boolean required) {
        JsonNode node = step.get(field);
        String where = path + "." + field;
        if (node == null) {
            if (required) throw doc.fail(where, "missing (expected " + Target.EXPECTED + ")");
            return null;
        }
        if (node.isTextual()) {
            Target target = Target.byLabel(node.asText());
            if (target == null) {
                throw doc.fail(where, "unknown target \"" + node.asText() + "\" (expected " + Target.EXPECTED + ")");
            }
            return target;
        }
        if (node.isIntegralNumber()) return Target.nodes(List.of(nodeId(where, node.asText())));
        if (node.isArray()) return Target.nodes(ids(where, node));
        throw doc.fail(where, "expected " + Target.EXPECTED + ", got " + node);
    }

    /** A target that names one node: leader, random-follower, random-node or an id. */
    private Target oneNode(String field, boolean required) {
        Target target = target(field, required);
        boolean single = target.kind() == Target.Kind.LEADER || target.kind() == Target.Kind.RANDOM_NODE
                || target.kind() == Target.Kind.RANDOM_FOLLOWER || (target.kind() == Target.Kind.NODES && target.ids().size() == 1);
        if (!single) throw doc.fail(path + "." + field, "must name one node (leader, random-follower, random-node or one id)");
        return target;
    }

    private List<Integer> ids(String where, JsonNode node) {
        if (!node.isArray() || node.isEmpty()) throw doc.fail(where, "expected a non-empty list of node ids, got " + node);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode id = node.get(i);
            if (!id.isIntegralNumber()) throw doc.fail(where + "[" + i + "]", "expected a node id, got " + id);
            ids.add(nodeId(where + "[" + i + "]", id.asText()));
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    private int nodeId(String where, String text) {
        return doc.nodeId(where, text, nodes);
    }

    private int integer(String field, int min) {
        JsonNode node = step.get(field);
        String where = path + "." + field;
        if (node == null) throw doc.fail(where, "missing (a " + step.get("kind").asText() + " step needs " + field + ")");
        if (!node.isIntegralNumber() || node.asLong() > Integer.MAX_VALUE) throw doc.fail(where, "expected a whole number, got " + node);
        if (node.asInt() < min) throw doc.fail(where, "must be at least " + min + ", got " + node.asInt());
        return node.asInt();
    }

    private String requiredText(String field) {
        JsonNode node = step.get(field);
        if (node == null) throw doc.fail(path + "." + field, "missing");
        if (!node.isTextual()) throw doc.fail(path + "." + field, "expected text, got " + node);
        return node.asText();
    }

    private Duration requiredTime(String field) {
        if (!step.has(field)) {
            throw doc.fail(path + "." + field, "missing (a " + step.get("kind").asText() + " step needs " + field + ")");
        }
        return time(field);
    }

    private Duration optionalTime(String field, Duration otherwise) {
        return step.has(field) ? time(field) : otherwise;
    }

    /** "5s", "1.5s", "250ms", or a number of seconds; never negative. */
    private Duration time(String field) {
        JsonNode node = step.get(field);
        String where = path + "." + field;
        double ms;
        if (node.isNumber()) {
            ms = node.asDouble() * 1000;
        } else {
            Matcher m = node.isTextual() ? TIME.matcher(node.asText().trim()) : null;
            if (m == null || !m.matches()) {
                throw doc.fail(where, "expected a time like 5s, 1.5s or 250ms, got " + node);
            }
            ms = Double.parseDouble(m.group(1)) * (m.group(2).equals("s") ? 1000 : 1);
        }
        if (ms < 0) throw doc.fail(where, "negative time " + node.asText() + " (times count from the workload's start)");
        return Duration.ofMillis(Math.round(ms));
    }

    private static String millis(Duration d) {
        return d.toMillis() + "ms";
    }
}
