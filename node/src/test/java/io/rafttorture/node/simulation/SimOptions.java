package io.rafttorture.node.simulation;

import io.rafttorture.node.raft.Bug;

import java.util.Random;

/**
 * One simulated schedule's knobs. {@link #random} derives them all from the seed and a {@link Family}, so a seed and
 * a family name a schedule.
 *
 * @param chaosMs          how long faults are injected; then everything heals and crashed nodes restart
 * @param livenessMs       after healing, a write begun afterwards must be acknowledged within this long
 * @param keys             registers the clients share (fewer keys, more contention)
 * @param maxDelayMs       network delay is uniform in 1..maxDelayMs, so messages reorder
 * @param nemesisEveryMs   average gap between faults
 * @param crashWeight      share of faults that crash a node; the rest pause a node (30%) or partition (70%)
 * @param maxDownMs        a crashed node restarts after 10..10+maxDownMs
 * @param electionMaxMs    election timeouts are 150..electionMaxMs
 * @param entriesPerAppend Raft batching, with {@code inflightAppends} pipelined AppendEntries per follower
 * @param clientTimeoutMs  a client gives up on an answer after this long (the op stays indeterminate)
 */
record SimOptions(long seed, int nodes, Bug bug, Family family, int chaosMs, int livenessMs, int clients, int keys,
                  int maxDelayMs, double dropRate, double duplicateRate, int nemesisEveryMs, double crashWeight,
                  int maxDownMs, int electionMaxMs, int rpcTimeoutMs, int entriesPerAppend, int inflightAppends,
                  int clientTimeoutMs) {

    /** Families of schedules: the random defaults, and fault mixes that make one kind of rare event common. */
    enum Family {
        /** 2.5 s of dense faults: a fault every 150-500 ms, crashes of up to 400 ms. */
        RANDOM,
        /** Frequent short crashes and split votes: a voter dies and returns inside one contested election. */
        QUICK_RESTARTS,
        /**
         * 5 s of faults every ~500 ms, mostly crashes of up to 2 s: leaders last long enough to run hundreds of
         * heartbeat rounds, and the backlog held for a crashed follower arrives after it moved on to a later term,
         * which the same leader may have won again.
         */
        LONG_LEADERSHIPS;

        String flag() {
            return name().toLowerCase().replace('_', '-');
        }

        static Family fromFlag(String flag) {
            return valueOf(flag.toUpperCase().replace('-', '_'));
        }
    }

    static SimOptions random(long seed, int nodes, Bug bug) {
        return random(seed, nodes, bug, Family.RANDOM);
    }

    static SimOptions random(long seed, int nodes, Bug bug, Family family) {
        Random r = new Random(seed * 7919 + nodes);
        SimOptions o = new SimOptions(seed, nodes, bug, family, 2500, 4000, 3, 1 + r.nextInt(2), 2 + r.nextInt(25),
                r.nextDouble() * 0.1, r.nextDouble() * 0.05, 150 + r.nextInt(350), 0.2 + r.nextDouble() * 0.5, 400,
                160 + r.nextInt(190), 100, new int[]{1, 3, 64}[r.nextInt(3)], 1 + r.nextInt(4), 1500);
        return switch (family) {
            case RANDOM -> o;
            case QUICK_RESTARTS -> o.with(o.chaosMs, 60, 0.9, 60, 170);
            case LONG_LEADERSHIPS -> o.with(5000, 500, 0.6, 2000, o.electionMaxMs);
        };
    }

    private SimOptions with(int chaosMs, int nemesisEveryMs, double crashWeight, int maxDownMs, int electionMaxMs) {
        return new SimOptions(seed, nodes, bug, family, chaosMs, livenessMs, clients, keys, maxDelayMs, dropRate,
                duplicateRate, nemesisEveryMs, crashWeight, maxDownMs, electionMaxMs, rpcTimeoutMs, entriesPerAppend,
                inflightAppends, clientTimeoutMs);
    }
}
