package io.rafttorture.nemesis.schedule;

import io.rafttorture.nemesis.Grudge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The partitions the {@code partition} fault chooses from, each a pure function of the nodes and a seeded random
 * (Jepsen's partition-random-halves, partition-random-node, partition-majorities-ring, bridge, and a one-way cut).
 */
public enum PartitionShape {
    /** Shuffled nodes cut into a smaller and a larger half, fully partitioned. */
    HALVES("halves") {
        @Override
        Grudge build(List<Integer> shuffled, Random random) {
            return Grudge.complete(Grudge.bisect(shuffled));
        }
    },
    /** One random node cut off from every other node. */
    ISOLATE_ONE("isolate-one") {
        @Override
        Grudge build(List<Integer> shuffled, Random random) {
            return Grudge.isolate(shuffled.get(0), shuffled);
        }
    },
    /** Every node sees a majority, no two the same one. */
    MAJORITIES_RING("majorities-ring") {
        @Override
        Grudge build(List<Integer> shuffled, Random random) {
            return Grudge.majoritiesRing(shuffled);
        }
    },
    /** Two halves that share one bridge node. */
    BRIDGE("bridge") {
        @Override
        Grudge build(List<Integer> shuffled, Random random) {
            return Grudge.bridge(shuffled);
        }
    },
    /** One random node stops hearing another; the other direction still works. */
    ONE_WAY("one-way") {
        @Override
        Grudge build(List<Integer> shuffled, Random random) {
            return Grudge.oneWay(shuffled.get(0), shuffled.get(1));
        }
    };

    private final String label;

    PartitionShape(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    abstract Grudge build(List<Integer> shuffled, Random random);

    /** This shape over {@code nodes} (at least 2), shuffled with {@code random} first. */
    public Grudge grudge(List<Integer> nodes, Random random) {
        if (nodes.size() < 2) throw new IllegalArgumentException("a partition needs at least 2 nodes, got " + nodes);
        List<Integer> shuffled = new ArrayList<>(nodes);
        Collections.shuffle(shuffled, random);
        return build(shuffled, random);
    }

    /** A shape chosen uniformly with {@code random}. */
    public static PartitionShape random(Random random) {
        PartitionShape[] shapes = values();
        return shapes[random.nextInt(shapes.length)];
    }
}
