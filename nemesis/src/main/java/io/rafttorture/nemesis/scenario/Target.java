package io.rafttorture.nemesis.scenario;

import java.util.List;

/**
 * Which nodes a step acts on, resolved when the step runs ({@link TargetResolver}).
 *
 * @param kind which rule picks the nodes
 * @param ids  the explicit node ids of {@link Kind#NODES} (empty otherwise)
 */
public record Target(Kind kind, List<Integer> ids) {
    /** How a target is spelled in a scenario file: leader, followers, random-follower, random-node, all, or ids. */
    public enum Kind {
        LEADER("leader"), FOLLOWERS("followers"), RANDOM_FOLLOWER("random-follower"), RANDOM_NODE("random-node"),
        ALL("all"), NODES("ids");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    public static final String EXPECTED = "leader, followers, random-follower, random-node, all or node ids";

    public Target {
        ids = List.copyOf(ids);
    }

    public static Target of(Kind kind) {
        return new Target(kind, List.of());
    }

    public static Target nodes(List<Integer> ids) {
        return new Target(Kind.NODES, ids);
    }

    /** The target named {@code label}, or null if no target is spelled so. */
    static Target byLabel(String label) {
        for (Kind kind : Kind.values()) {
            if (kind != Kind.NODES && kind.label.equals(label)) return of(kind);
        }
        return null;
    }

    /** As a scenario file spells it: "leader", or the list of ids. */
    public Object toValue() {
        return kind == Kind.NODES ? ids.stream().map(Integer::longValue).toList() : kind.label;
    }

    int maxNodeId() {
        return ids.stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
