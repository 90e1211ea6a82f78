package io.rafttorture.nemesis.scenario;

import io.rafttorture.nemesis.Grudge;
import io.rafttorture.nemesis.Link;
import io.rafttorture.nemesis.schedule.AppliedStep;
import io.rafttorture.nemesis.schedule.NemesisRunner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Does one step through the primitives and says what it did. Faults are reported as history events the way the
 * random nemesis reports them, so fault windows read alike: a start ({@code start-partition}, {@code start-kill},
 * {@code start-pause}, {@code start-latency}) before it is applied, a stop ({@code stop-partition}, {@code
 * stop-kill}, ...) after it is undone; waits and sleeps after they end ({@code wait-for-leader}, ...); a skipped
 * step as {@code nemesis-skipped}. Not thread-safe: one step at a time.
 */
final class StepInterpreter {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** What a step did: for {@link AppliedStep}. */
    record Result(String f, Object resolved, String outcome, String reason, Map<String, Object> step) {
    }

    private final Primitives primitives;
    private final ClusterView view;
    private final RunClock clock;
    private final NemesisRunner.Events events;
    private final TargetResolver resolver;
    private boolean partitioned;
    private boolean slowed;

    StepInterpreter(Primitives primitives, ClusterView view, RunClock clock, NemesisRunner.Events events,
                    TargetResolver resolver) {
        this.primitives = primitives;
        this.view = view;
        this.clock = clock;
        this.events = events;
        this.resolver = resolver;
    }

    /** Applies {@code step}; an unresolvable target gives a skipped result, never an exception. */
    Result apply(Step step) throws InterruptedException {
        try {
            return dispatch(step, step.action());
        } catch (TargetResolver.Unresolved e) {
            events.event("nemesis-skipped", value("step", (long) step.index(), "kind", step.action().kind(),
                    "reason", e.getMessage()));
            return new Result("nemesis-skipped", null, AppliedStep.SKIPPED, e.getMessage(), step.toMap());
        }
    }

    // Java 17: no pattern matching for switch yet, hence the instanceof chain.
    private Result dispatch(Step step, Action a) throws InterruptedException {
        if (a instanceof Action.Partition p) {
            return p.shape() == null ? partition(step, p.grudge(), "explicit")
                    : partition(step, resolver.grudge(p.shape()), p.shape().label());
        }
        if (a instanceof Action.Cut c) return cut(step, resolver.one(c.from()), resolver.one(c.to()));
        if (a instanceof Action.Heal h) return heal(step, h.fault());
        if (a instanceof Action.Kill k) return start(step, "kill", resolver.nodes(k.target()), primitives::kill);
        if (a instanceof Action.Pause p) return start(step, "pause", resolver.nodes(p.target()), primitives::pause);
        if (a instanceof Action.Restart r) {
            return stop(step, "kill", r.target() == null ? sorted(primitives.killed()) : resolver.nodes(r.target()),
                    primitives::restart);
        }
        if (a instanceof Action.Resume r) {
            // Only paused nodes: Docker answers 500 to unpausing a running container.
            Set<Integer> paused = primitives.paused();
            List<Integer> nodes = r.target() == null ? sorted(paused)
                    : resolver.nodes(r.target()).stream().filter(paused::contains).toList();
            return stop(step, "pause", nodes, primitives::resume);
        }
        if (a instanceof Action.Latency l) return latency(step, l, resolver.nodes(l.target()));
        if (a instanceof Action.WaitForLeader w) return waitForLeader(step, w.timeout());
        if (a instanceof Action.WaitForCommit w) return waitForCommit(step, w.timeout());
        return sleep(step, ((Action.Sleep) a).duration());
    }

    private Result partition(Step step, Grudge grudge, String shape) {
        return blackhole(step, grudge, shape, new Action.Partition(null, grudge));
    }

    private Result cut(Step step, int from, int to) {
        if (from == to) throw new TargetResolver.Unresolved("from and to are both n" + from);
        return blackhole(step, Grudge.oneWay(from, to), "one-way",
                new Action.Cut(Target.nodes(List.of(from)), Target.nodes(List.of(to))));
    }

    private Result blackhole(Step step, Grudge grudge, String shape, Action replay) {
        Map<String, Object> value = value("shape", shape, "drops", TargetResolver.dropsValue(grudge));
        events.event("start-partition", value);
        primitives.partition(grudge);
        partitioned = true;
        return ok(step, "start-partition", value, replay);
    }

    private Result heal(Step step, String fault) {
        if (fault.equals("kill")) return stop(step, "kill", sorted(primitives.killed()), primitives::restart);
        if (fault.equals("pause")) return stop(step, "pause", sorted(primitives.paused()), primitives::resume);
        List<String> stopped = new ArrayList<>();
        if (fault.equals("all")) {
            if (!primitives.paused().isEmpty()) stopped.add("stop-pause");
            if (!primitives.killed().isEmpty()) stopped.add("stop-kill");
            primitives.healAll();
            if (partitioned) stopped.add("stop-partition");
            if (slowed) stopped.add("stop-latency");
            partitioned = slowed = false;
        } else if (fault.equals("partition")) {
            primitives.healPartitions();
            partitioned = false;
            stopped.add("stop-partition");
        } else {
            primitives.removeLatency();
            slowed = false;
            stopped.add("stop-latency");
        }
        if (stopped.isEmpty()) stopped.add("stop-all");
        stopped.forEach(f -> events.event(f, fault));
        return ok(step, String.join(",", stopped), fault, step.action());
    }

    private Result start(Step step, String fault, List<Integer> nodes, IntConsumer act) {
        Map<String, Object> value = value("nodes", longs(nodes), "target", step.action().fields().get("target"));
        events.event("start-" + fault, value);
        nodes.forEach(act::accept);
        Target target = Target.nodes(nodes);
        return ok(step, "start-" + fault, value, fault.equals("kill") ? new Action.Kill(target) : new Action.Pause(target));
    }

    private Result stop(Step step, String fault, List<Integer> nodes, IntConsumer undo) {
        nodes.forEach(undo::accept);
        Map<String, Object> value = value("nodes", longs(nodes));
        events.event("stop-" + fault, value);
        Target target = Target.nodes(nodes);
        return ok(step, "stop-" + fault, value, fault.equals("kill") ? new Action.Restart(target)
                : new Action.Resume(target));
    }

    private Result latency(Step step, Action.Latency latency, List<Integer> nodes) {
        List<Link> links = Link.allPeerLinks(view.nodeIds()).stream()
                .filter(l -> nodes.contains(l.from()) || nodes.contains(l.to())).toList();
        Map<String, Object> value = value("latency-ms", (long) latency.ms(), "jitter-ms", (long) latency.jitterMs(),
                "nodes", longs(nodes));
        events.event("start-latency", value);
        primitives.latency(links, latency.ms(), latency.jitterMs());
        slowed = true;
        return ok(step, "start-latency", value, new Action.Latency(Target.nodes(nodes), latency.ms(),
                latency.jitterMs()));
    }

    private Result waitForLeader(Step step, Duration timeout) throws InterruptedException {
        long start = clock.nanos();
        Optional<Integer> leader = resolver.awaitLeader(timeout);
        if (leader.isEmpty()) return timedOut(step, "wait-for-leader", "no leader after " + timeout.toMillis() + "ms");
        Map<String, Object> value = value("leader", (long) leader.get(), "waited-ms", waitedMs(start));
        events.event("wait-for-leader", value);
        return ok(step, "wait-for-leader", value, step.action());
    }

    private Result waitForCommit(Step step, Duration timeout) throws InterruptedException {
        long start = clock.nanos();
        long deadline = start + timeout.toNanos();
        // Right after a fault the cluster may be electing: the leader is part of what this step waits for.
        Optional<Integer> known = resolver.awaitLeader(timeout);
        if (known.isEmpty()) return timedOut(step, "wait-for-commit", "no leader after " + timeout.toMillis() + "ms");
        int leader = known.get();
        long target = view.commitIndex(leader).orElseThrow(
                () -> new TargetResolver.Unresolved("the leader n" + leader + " did not say its commitIndex"));
        while (true) {
            List<String> behind = behind(target);
            Map<String, Object> value = value("leader", (long) leader, "commit-index", target, "waited-ms", waitedMs(start));
            if (behind.isEmpty()) {
                events.event("wait-for-commit", value);
                return ok(step, "wait-for-commit", value, step.action());
            }
            if (clock.nanos() >= deadline) {
                return timedOut(step, "wait-for-commit", "after " + timeout.toMillis() + "ms still below commitIndex "
                        + target + ": " + String.join(", ", behind));
            }
            clock.sleepUntil(Math.min(deadline, clock.nanos() + POLL_NANOS));
        }
    }

    /** Live nodes (not killed, not paused) whose commitIndex is below {@code target}, e.g. "n3 at 12". */
    private List<String> behind(long target) {
        Set<Integer> down = new TreeSet<>(primitives.killed());
        down.addAll(primitives.paused());
        List<String> behind = new ArrayList<>();
        for (int node : view.nodeIds()) {
            if (down.contains(node)) continue;
            OptionalLong commit = view.commitIndex(node);
            if (commit.isEmpty()) behind.add("n" + node + " silent");
            else if (commit.getAsLong() < target) behind.add("n" + node + " at " + commit.getAsLong());
        }
        return behind;
    }

    private Result sleep(Step step, Duration duration) throws InterruptedException {
        clock.sleepUntil(clock.nanos() + duration.toNanos());
        Map<String, Object> value = value("duration-ms", duration.toMillis());
        events.event("sleep", value);
        return ok(step, "sleep", value, step.action());
    }

    private Result timedOut(Step step, String f, String reason) {
        events.event(f, value("outcome", AppliedStep.TIMED_OUT, "reason", reason));
        return new Result(f, null, AppliedStep.TIMED_OUT, reason, step.toMap());
    }

    private static Result ok(Step step, String f, Object resolved, Action replay) {
        return new Result(f, resolved, AppliedStep.OK, null, new Step(step.index(), step.at(), replay).toMap());
    }

    private long waitedMs(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(clock.nanos() - startNanos);
    }

    private static List<Integer> sorted(Set<Integer> nodes) {
        return nodes.stream().sorted().toList();
    }

    private static List<Long> longs(List<Integer> nodes) {
        return nodes.stream().map(Integer::longValue).toList();
    }

    private static Map<String, Object> value(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return map;
    }
}
