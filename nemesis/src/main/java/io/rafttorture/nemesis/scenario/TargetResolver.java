package io.rafttorture.nemesis.scenario;

import io.rafttorture.nemesis.Grudge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Resolves targets and shapes against the cluster as it is when a step runs. A target that needs a leader when
 * none is known throws {@link Unresolved} with the reason; the step is then recorded as skipped.
 */
final class TargetResolver {
    /** Why a step's target could not be resolved now. */
    static final class Unresolved extends RuntimeException {
        Unresolved(String reason) {
            super(reason, null, false, false);
        }
    }

    private final ClusterView view;
    private final Random random;

    /** @param random seeded: random-node and the random shapes pick with it */
    TargetResolver(ClusterView view, Random random) {
        this.view = view;
        this.random = random;
    }

    /** The nodes {@code target} names now, ascending (explicit ids in their order). */
    List<Integer> nodes(Target target) {
        List<Integer> all = view.nodeIds();
        return switch (target.kind()) {
            case LEADER -> List.of(leader());
            case FOLLOWERS -> {
                int leader = leader();
                yield all.stream().filter(id -> id != leader).toList();
            }
            case RANDOM_FOLLOWER -> {
                int leader = leader();
                List<Integer> followers = all.stream().filter(id -> id != leader).toList();
                if (followers.isEmpty()) throw new Unresolved("the leader has no followers");
                yield List.of(followers.get(random.nextInt(followers.size())));
            }
            case RANDOM_NODE -> List.of(all.get(random.nextInt(all.size())));
            case ALL -> all;
            case NODES -> target.ids();
        };
    }

    /** The one node {@code target} names (leader, random-node or a single id). */
    int one(Target target) {
        List<Integer> nodes = nodes(target);
        if (nodes.size() != 1) throw new Unresolved(target.toValue() + " names " + nodes.size() + " nodes, not one");
        return nodes.get(0);
    }

    /** The grudge {@code shape} gives now: leader-aware shapes around the current leader, the others seeded. */
    Grudge grudge(Shape shape) {
        List<Integer> all = view.nodeIds();
        return switch (shape) {
            case LEADER_ISOLATED -> Grudge.isolate(leader(), all);
            case LEADER_MINORITY -> leaderMinority(leader(), all);
            default -> shape.random.grudge(all, random);
        };
    }

    /** The leader first, then the followers shuffled, cut in half: the leader lands in the smaller half. */
    private Grudge leaderMinority(int leader, List<Integer> all) {
        List<Integer> followers = new ArrayList<>(all);
        followers.remove(Integer.valueOf(leader));
        Collections.shuffle(followers, random);
        List<Integer> ordered = new ArrayList<>(List.of(leader));
        ordered.addAll(followers);
        return Grudge.complete(Grudge.bisect(ordered));
    }

    int leader() {
        Optional<Integer> leader = view.leader();
        return leader.orElseThrow(() -> new Unresolved("no leader known"));
    }

    /** A grudge as history and schedule.json hold it: {@code {"n1": [2, 3], ...}}, nodes ascending. */
    static Map<String, Object> dropsValue(Grudge grudge) {
        Map<String, Object> drops = new LinkedHashMap<>();
        grudge.drops().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> drops.put(
                "n" + e.getKey(), e.getValue().stream().sorted().map(Integer::longValue).toList()));
        return drops;
    }
}
