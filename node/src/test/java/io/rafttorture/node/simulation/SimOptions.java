package io.rafttorture.node.simulation;

import io.rafttorture.node.raft.Bug;

import java.util.Random;

/**
 * One simulated schedule's knobs. {@link #random} derives them all from the seed, so a seed alone names a schedule.
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
record SimOptions(long seed, int nodes, Bug bug, int chaosMs, int livenessMs, int clients, int keys,
                  int maxDelayMs, double dropRate, double duplicateRate, int nemesisEveryMs, double crashWeight,
                  int maxDownMs, int electionMaxMs, int rpcTimeoutMs, int entriesPerAppend, int inflightAppends,
                  int clientTimeoutMs) {

    static SimOptions random(long seed, int nodes, Bug bug) {
        Random r = new Random(seed * 7919 + nodes);
        return new SimOptions(seed, nodes, bug, 2500, 4000, 3, 1 + r.nextInt(2), 2 + r.nextInt(25),
                r.nextDouble() * 0.1, r.nextDouble() * 0.05, 150 + r.nextInt(350), 0.2 + r.nextDouble() * 0.5, 400,
                160 + r.nextInt(190), 100, new int[]{1, 3, 64}[r.nextInt(3)], 1 + r.nextInt(4), 1500);
    }

    /** A fault about every {@code everyMs}; a {@code weight} share of them are crashes of up to {@code downMs}. */
    SimOptions withNemesis(int everyMs, double weight, int downMs) {
        return new SimOptions(seed, nodes, bug, chaosMs, livenessMs, clients, keys, maxDelayMs, dropRate,
                duplicateRate, everyMs, weight, downMs, electionMaxMs, rpcTimeoutMs, entriesPerAppend,
                inflightAppends, clientTimeoutMs);
    }

    SimOptions withElectionMaxMs(int ms) {
        return new SimOptions(seed, nodes, bug, chaosMs, livenessMs, clients, keys, maxDelayMs, dropRate,
                duplicateRate, nemesisEveryMs, crashWeight, maxDownMs, ms, rpcTimeoutMs, entriesPerAppend,
                inflightAppends, clientTimeoutMs);
    }
}
