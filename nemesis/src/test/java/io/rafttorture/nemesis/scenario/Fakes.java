package io.rafttorture.nemesis.scenario;

import io.rafttorture.nemesis.Grudge;
import io.rafttorture.nemesis.Link;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/** A simulated cluster for the interpreter's tests: a clock that jumps, primitives that log, a scripted view. */
final class Fakes {
    private Fakes() {
    }

    static long ms(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /** Time moves only when someone sleeps (to the wake-up time) or a primitive takes time. */
    static final class Clock implements RunClock {
        long now;

        public long nanos() {
            return now;
        }

        public void sleepUntil(long nanos) {
            now = Math.max(now, nanos);
        }
    }

    /** Nodes 1..n; the leader and commit indexes are functions of the clock's time. */
    static final class View implements ClusterView {
        final Clock clock;
        final List<Integer> nodes;
        LongFunction<Optional<Integer>> leader = t -> Optional.empty();
        final Map<Integer, LongFunction<Long>> commit = new HashMap<>();

        View(Clock clock, int n) {
            this.clock = clock;
            List<Integer> ids = new ArrayList<>();
            for (int i = 1; i <= n; i++) ids.add(i);
            this.nodes = List.copyOf(ids);
        }

        View leader(int node) {
            leader = t -> Optional.of(node);
            return this;
        }

        public List<Integer> nodeIds() {
            return nodes;
        }

        public Optional<Integer> leader() {
            return leader.apply(clock.now);
        }

        public OptionalLong commitIndex(int node) {
            LongFunction<Long> c = commit.get(node);
            return c == null ? OptionalLong.empty() : OptionalLong.of(c.apply(clock.now));
        }
    }

    /** Logs "at-ms action" per call; each call takes {@code costMs} of the clock's time. */
    static final class Primitives implements io.rafttorture.nemesis.scenario.Primitives {
        final Clock clock;
        final List<String> calls = new ArrayList<>();
        final Set<Integer> killed = new TreeSet<>();
        final Set<Integer> paused = new TreeSet<>();
        long costMs;
        String failOn;

        Primitives(Clock clock) {
            this.clock = clock;
        }

        private void call(String what) {
            if (failOn != null && what.startsWith(failOn)) throw new IllegalStateException("docker said no");
            calls.add(TimeUnit.NANOSECONDS.toMillis(clock.now) + " " + what);
            clock.now += ms(costMs);
        }

        public void partition(Grudge grudge) {
            Map<Integer, Set<Integer>> sorted = new java.util.TreeMap<>();
            grudge.drops().forEach((node, from) -> sorted.put(node, new TreeSet<>(from)));
            call("partition " + sorted);
        }

        public void healPartitions() {
            call("heal-partitions");
        }

        public void latency(Collection<Link> links, int ms, int jitterMs) {
            call("latency " + ms + "±" + jitterMs + " on " + links.size() + " links");
        }

        public void removeLatency() {
            call("remove-latency");
        }

        public void kill(int node) {
            call("kill " + node);
            killed.add(node);
        }

        public void restart(int node) {
            call("restart " + node);
            killed.remove(node);
        }

        public void pause(int node) {
            call("pause " + node);
            paused.add(node);
        }

        public void resume(int node) {
            call("resume " + node);
            paused.remove(node);
        }

        public Set<Integer> killed() {
            return Set.copyOf(killed);
        }

        public Set<Integer> paused() {
            return Set.copyOf(paused);
        }

        public void healAll() {
            paused.forEach(n -> calls.add(TimeUnit.NANOSECONDS.toMillis(clock.now) + " resume " + n));
            killed.forEach(n -> calls.add(TimeUnit.NANOSECONDS.toMillis(clock.now) + " restart " + n));
            paused.clear();
            killed.clear();
            call("heal-all");
        }
    }
}
