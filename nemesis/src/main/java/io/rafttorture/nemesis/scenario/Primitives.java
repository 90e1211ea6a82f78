package io.rafttorture.nemesis.scenario;

import io.rafttorture.nemesis.Grudge;
import io.rafttorture.nemesis.Link;
import io.rafttorture.nemesis.Nemesis;

import java.util.Collection;
import java.util.Set;

/**
 * The fault primitives a scenario uses; {@link #of(Nemesis)} gives the real ones, tests give fakes. Each returns once
 * the fault is in place (or throws, which the scenario records as the step's error).
 */
public interface Primitives {
    void partition(Grudge grudge);

    /** Removes every blackhole (partitions and cuts). */
    void healPartitions();

    void latency(Collection<Link> links, int ms, int jitterMs);

    void removeLatency();

    void kill(int node);

    void restart(int node);

    void pause(int node);

    void resume(int node);

    Set<Integer> killed();

    Set<Integer> paused();

    /** Resumes, restarts, then removes every toxic ({@link Nemesis#healAll()}'s order). */
    void healAll();

    /** The real primitives of a cluster's nemesis. */
    static Primitives of(Nemesis nemesis) {
        return new Primitives() {
            public void partition(Grudge grudge) {
                nemesis.network().apply(grudge);
            }

            public void healPartitions() {
                nemesis.network().heal();
            }

            public void latency(Collection<Link> links, int ms, int jitterMs) {
                nemesis.network().latency(links, ms, jitterMs);
            }

            public void removeLatency() {
                nemesis.network().removeLatency();
            }

            public void kill(int node) {
                nemesis.processes().kill(node);
            }

            public void restart(int node) {
                nemesis.processes().restart(node);
            }

            public void pause(int node) {
                nemesis.processes().pause(node);
            }

            public void resume(int node) {
                nemesis.processes().resume(node);
            }

            public Set<Integer> killed() {
                return nemesis.processes().killed();
            }

            public Set<Integer> paused() {
                return nemesis.processes().paused();
            }

            public void healAll() {
                nemesis.healAll();
            }
        };
    }
}
