package io.rafttorture.nemesis.scenario;

import io.rafttorture.nemesis.Grudge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Resolves targets and shapes against the cluster as it is when a step runs. A target that needs a leader waits up
 * to {@link #LEADER_WAIT} for one (a step planned during an election would otherwise depend on its timing); if none
 * appears it throws {@link Unresolved} with the reason, and the step is recorded as skipped.
 */
final class TargetResolver {
    /** How long a leader-targeted step waits for a leader: several elections, even with a disruptive restarted node. */
    static final Duration LEADER_WAIT = Duration.ofSeconds(5);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** Why a step's target could not be resolved now. */
    static final class Unresolved extends RuntimeException {
        Unresolved(String reason) {
            super(reason, null, false, false);
        }
    }

    private final ClusterView view;
    private final RunClock clock;
    private final Random random;

    /** @param random seeded: random-node and the random shapes pick with it */
    TargetResolver(ClusterView view, RunClock clock, Random random) {
        this.view = view;
        this.clock = clock;
        this.random = random;
    }

    /** The nodes {@code target} names now, ascending (explicit ids in their order). */
    List<Integer> nodes(Target target) throws InterruptedException {
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
    int one(Target target) throws InterruptedException {
        List<Integer> nodes = nodes(target);
        if (nodes.size() != 1) throw new Unresolved(target.toValue() + " names " + nodes.size() + " nodes, not one");
        return nodes.get(0);
    }

    /** The grudge {@code shape} gives now: leader-aware shapes around the current leader, the others seeded. */
    Grudge grudge(Shape shape) throws InterruptedException {
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

    int leader() throws InterruptedException {
        return awaitLeader(LEADER_WAIT).orElseThrow(
                () -> new Unresolved("no leader within " + LEADER_WAIT.toMillis() + "ms"));
    }

    /** The leader a majority follows, asked every 50 ms until one is known or {@code timeout} has passed. */
    Optional<Integer> awaitLeader(Duration timeout) throws InterruptedException {
        long deadline = clock.nanos() + timeout.toNanos();
        Optional<Integer> leader = view.leader();
        while (leader.isEmpty() && clock.nanos() < deadline) {
            clock.sleepUntil(Math.min(deadline, clock.nanos() + POLL_NANOS));
            leader = view.leader();
        }
        return leader;
    }

    /** A grudge as history and schedule.json hold it: {@code {"n1": [2, 3], ...}}, nodes ascending. */
    static Map<String, Object> dropsValue(Grudge grudge) {
        Map<String, Object> drops = new LinkedHashMap<>();
        grudge.drops().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> drops.put(
                "n" + e.getKey(), e.getValue().stream().sorted().map(Integer::longValue).toList()));
        return drops;
    }
}
