package io.rafttorture.nemesis.schedule;

import io.rafttorture.nemesis.Grudge;
import io.rafttorture.nemesis.Link;
import io.rafttorture.nemesis.Nemesis;
import io.rafttorture.nemesis.NetworkNemesis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The stock faults by name, over a cluster's {@link Nemesis}:
 * <ul>
 *   <li>{@code partition}: a random {@link PartitionShape} (half of the isolate-one partitions isolate the current
 *       leader); value {@code {shape, drops: {node: [dropped...]}}, target: leader} when aimed at the leader;</li>
 *   <li>{@code partition-leader}: the current leader cut off in the smaller half (alone with 3 nodes, with one
 *       follower with 5), so a deposed leader keeps its clients while the majority elects another (Jepsen's
 *       {@code :primaries} target); random halves when no leader is known; value {@code {shape: leader-minority,
 *       drops: ...}};</li>
 *   <li>{@code kill}: SIGKILL the current leader or a random node (even odds), restart on stop;</li>
 *   <li>{@code pause}: SIGSTOP-like freeze of the leader or a random node, resume on stop;</li>
 *   <li>{@code latency}: {@value #LATENCY_MS} ± {@value #JITTER_MS} ms on every peer link, removed on stop.</li>
 * </ul>
 * {@code none} means no fault at all and is not a name here.
 */
public final class Faults {
    public static final List<String> NAMES = List.of("partition", "partition-leader", "kill", "pause", "latency");
    static final int LATENCY_MS = 75;
    static final int JITTER_MS = 25;

    private Faults() {
    }

    /**
     * The fault called {@code name}.
     *
     * @param leader the node a majority follows now, if any (kill and pause aim at it half of the time)
     * @throws IllegalArgumentException naming the known faults
     */
    public static Fault byName(String name, Nemesis nemesis, List<Integer> nodes, Supplier<Optional<Integer>> leader) {
        return switch (name) {
            case "partition" -> new PartitionFault(nemesis.network(), nodes, leader);
            case "partition-leader" -> new LeaderPartitionFault(nemesis.network(), nodes, leader);
            case "kill" -> new NodeFault("kill", nodes, leader, nemesis.processes()::kill,
                    () -> restore(nemesis.processes().killed(), nemesis.processes()::restart));
            case "pause" -> new NodeFault("pause", nodes, leader, nemesis.processes()::pause,
                    () -> restore(nemesis.processes().paused(), nemesis.processes()::resume));
            case "latency" -> latency(nemesis, nodes);
            default -> throw new IllegalArgumentException("unknown nemesis \"" + name + "\" (expected none or any of "
                    + String.join(", ", NAMES) + ")");
        };
    }

    /** The grudge as a history value: node → the nodes it drops, keys as text (JSON and EDN maps alike). */
    public static Map<String, Object> describe(PartitionShape shape, Grudge grudge) {
        return describe(shape.label(), grudge);
    }

    private static Map<String, Object> describe(String shapeLabel, Grudge grudge) {
        Map<String, Object> drops = new LinkedHashMap<>();
        grudge.drops().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> drops.put(
                "n" + e.getKey(), e.getValue().stream().sorted().map(Integer::longValue).toList()));
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("shape", shapeLabel);
        value.put("drops", drops);
        return value;
    }

    /**
     * The leader and {@code n/2 - 1} random followers (the smaller half, as {@link Grudge#bisect}) against the
     * rest, fully cut: the leader loses its majority (with an odd n) but keeps as many followers as it can.
     */
    static Grudge leaderMinority(int leader, List<Integer> nodes, Random random) {
        List<Integer> followers = new ArrayList<>(nodes);
        followers.remove(Integer.valueOf(leader));
        Collections.shuffle(followers, random);
        List<Integer> minority = new ArrayList<>(List.of(leader));
        minority.addAll(followers.subList(0, nodes.size() / 2 - 1));
        List<Integer> majority = new ArrayList<>(followers.subList(nodes.size() / 2 - 1, followers.size()));
        return Grudge.complete(List.of(minority, majority));
    }

    private static Fault latency(Nemesis nemesis, List<Integer> nodes) {
        return new Fault() {
            @Override
            public String name() {
                return "latency";
            }

            @Override
            public Planned plan(Random random) {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("latency-ms", (long) LATENCY_MS);
                value.put("jitter-ms", (long) JITTER_MS);
                value.put("links", "all peer links");
                return new Planned(value, () -> nemesis.network().latency(Link.allPeerLinks(nodes), LATENCY_MS,
                        JITTER_MS));
            }

            @Override
            public Object stop() {
                nemesis.network().removeLatency();
                return "all peer links";
            }
        };
    }

    private static List<Long> restore(Set<Integer> affected, IntConsumer undo) {
        List<Long> restored = new ArrayList<>();
        for (int node : affected.stream().sorted().toList()) {
            undo.accept(node);
            restored.add((long) node);
        }
        return restored;
    }

    /** A random shape; half of the one-node isolations aim at the leader (what read bugs need: a deposed leader). */
    private record PartitionFault(NetworkNemesis network, List<Integer> nodes, Supplier<Optional<Integer>> leader)
            implements Fault {
        @Override
        public String name() {
            return "partition";
        }

        @Override
        public Planned plan(Random random) {
            PartitionShape shape = PartitionShape.random(random);
            Grudge grudge = shape.grudge(nodes, random);
            Optional<Integer> target = shape == PartitionShape.ISOLATE_ONE && random.nextBoolean()
                    ? leader.get() : Optional.empty();
            if (target.isPresent()) grudge = Grudge.isolate(target.get(), nodes);
            Map<String, Object> value = describe(shape, grudge);
            if (target.isPresent()) value.put("target", "leader");
            Grudge chosen = grudge;
            return new Planned(value, () -> network.apply(chosen));
        }

        @Override
        public Object stop() {
            Set<Link> healed = network.linksWith(NetworkNemesis.Kind.BLACKHOLE);
            network.heal();
            return healed.stream().map(Link::toString).sorted().toList();
        }
    }

    /** The current leader in a minority; random halves when there is no leader to aim at. */
    private record LeaderPartitionFault(NetworkNemesis network, List<Integer> nodes,
                                        Supplier<Optional<Integer>> leader) implements Fault {
        @Override
        public String name() {
            return "partition-leader";
        }

        @Override
        public Planned plan(Random random) {
            Optional<Integer> target = leader.get();
            Grudge grudge = target.isPresent() ? leaderMinority(target.get(), nodes, random)
                    : PartitionShape.HALVES.grudge(nodes, random);
            Map<String, Object> value = describe(target.isPresent() ? "leader-minority"
                    : PartitionShape.HALVES.label(), grudge);
            target.ifPresent(node -> value.put("leader", (long) node));
            return new Planned(value, () -> network.apply(grudge));
        }

        @Override
        public Object stop() {
            Set<Link> healed = network.linksWith(NetworkNemesis.Kind.BLACKHOLE);
            network.heal();
            return healed.stream().map(Link::toString).sorted().toList();
        }
    }

    /** Kill or pause: one target, the leader or a random node. */
    private record NodeFault(String name, List<Integer> nodes, Supplier<Optional<Integer>> leader, IntConsumer act,
                             Supplier<Object> undo) implements Fault {
        @Override
        public Planned plan(Random random) {
            boolean aimAtLeader = random.nextBoolean();
            int randomNode = nodes.get(random.nextInt(nodes.size()));
            int target = aimAtLeader ? leader.get().orElse(randomNode) : randomNode;
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("nodes", List.of((long) target));
            value.put("target", aimAtLeader ? "leader" : "random");
            return new Planned(value, () -> act.accept(target));
        }

        @Override
        public Object stop() {
            return undo.get();
        }
    }
}
