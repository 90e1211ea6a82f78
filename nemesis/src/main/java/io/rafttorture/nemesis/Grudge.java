package io.rafttorture.nemesis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Jepsen's grudge: each node mapped to the nodes whose messages it drops. Pure value; shapes are built by the
 * static functions and applied by {@link NetworkNemesis#apply(Grudge)}.
 */
public record Grudge(Map<Integer, Set<Integer>> drops) {
    public Grudge {
        Map<Integer, Set<Integer>> copy = new TreeMap<>();
        drops.forEach((node, from) -> {
            if (!from.isEmpty()) copy.put(node, Set.copyOf(new TreeSet<>(from)));
        });
        drops = Map.copyOf(copy);
    }

    /** Every node drops messages from every node outside its own group (a complete partition). */
    public static Grudge complete(List<? extends Collection<Integer>> groups) {
        checkDisjoint(groups);
        Map<Integer, Set<Integer>> drops = new TreeMap<>();
        for (Collection<Integer> group : groups) {
            for (int node : group) {
                Set<Integer> others = new TreeSet<>();
                groups.stream().filter(g -> g != group).forEach(others::addAll);
                drops.put(node, others);
            }
        }
        return new Grudge(drops);
    }

    /** {@code node} and the rest of {@code nodes} drop each other's messages. */
    public static Grudge isolate(int node, Collection<Integer> nodes) {
        Set<Integer> rest = new TreeSet<>(nodes);
        rest.remove(node);
        return complete(List.of(Set.of(node), rest));
    }

    /** Only {@code to} drops what {@code from} sends; the other direction still works. */
    public static Grudge oneWay(int from, int to) {
        return new Grudge(Map.of(to, Set.of(from)));
    }

    /** The smaller half of {@code nodes} (in the given order) and the rest: Jepsen's bisect. */
    public static List<List<Integer>> bisect(List<Integer> nodes) {
        int half = nodes.size() / 2;
        return List.of(List.copyOf(nodes.subList(0, half)), List.copyOf(nodes.subList(half, nodes.size())));
    }

    /**
     * Cuts {@code nodes} in half but keeps a bridge, the first node of the larger half, that both halves still
     * reach and that reaches both (Jepsen's bridge): majorities overlap in one node only.
     */
    public static Grudge bridge(List<Integer> nodes) {
        List<List<Integer>> halves = bisect(nodes);
        int bridge = halves.get(1).get(0);
        Map<Integer, Set<Integer>> drops = new TreeMap<>();
        complete(halves).drops().forEach((node, from) -> {
            if (node == bridge) return;
            Set<Integer> rest = new TreeSet<>(from);
            rest.remove(bridge);
            drops.put(node, rest);
        });
        return new Grudge(drops);
    }

    /**
     * Every node sees a majority, but no two nodes see the same one (Jepsen's majorities ring): with {@code nodes}
     * in ring order, each window of a majority of consecutive nodes has its middle node drop everyone outside it.
     * Shuffle {@code nodes} with a seeded random first for varied rings.
     */
    public static Grudge majoritiesRing(List<Integer> nodes) {
        int n = nodes.size();
        int majority = n / 2 + 1;
        Map<Integer, Set<Integer>> drops = new TreeMap<>();
        for (int start = 0; start < n; start++) {
            Set<Integer> window = new TreeSet<>();
            for (int k = 0; k < majority; k++) window.add(nodes.get((start + k) % n));
            Set<Integer> outside = new TreeSet<>(nodes);
            outside.removeAll(window);
            drops.put(nodes.get((start + majority / 2) % n), outside);
        }
        return new Grudge(drops);
    }

    /** The directed links this grudge blackholes: s->d for every d that drops s. */
    public Set<Link> links() {
        Set<Link> links = new HashSet<>();
        drops.forEach((to, froms) -> froms.forEach(from -> links.add(new Link(from, to))));
        return links;
    }

    private static void checkDisjoint(List<? extends Collection<Integer>> groups) {
        List<Integer> seen = new ArrayList<>();
        for (Collection<Integer> group : groups) {
            for (int node : group) {
                if (seen.contains(node)) {
                    throw new IllegalArgumentException("node " + node + " is in more than one group: " + groups);
                }
                seen.add(node);
            }
        }
    }
}
