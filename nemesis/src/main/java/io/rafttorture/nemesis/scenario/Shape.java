package io.rafttorture.nemesis.scenario;

import io.rafttorture.nemesis.schedule.PartitionShape;

/**
 * The partition shapes a {@code partition} step may name. The leader-aware ones need a leader when the step runs;
 * the others are the random nemesis's {@link PartitionShape}s, seeded. ({@code one-way} is read as a {@code cut}.)
 */
public enum Shape {
    /** The leader and {@code n/2 - 1} random followers (the smaller half) against the rest. */
    LEADER_MINORITY("leader-minority", null),
    /** The leader alone against every other node. */
    LEADER_ISOLATED("leader-isolated", null),
    HALVES("halves", PartitionShape.HALVES),
    ISOLATE_ONE("isolate-one", PartitionShape.ISOLATE_ONE),
    RING("ring", PartitionShape.MAJORITIES_RING),
    BRIDGE("bridge", PartitionShape.BRIDGE);

    public static final String EXPECTED = "leader-minority, leader-isolated, halves, isolate-one, ring, bridge or one-way";

    final String label;
    /** The random nemesis's shape this one reuses; null for the leader-aware shapes. */
    final PartitionShape random;

    Shape(String label, PartitionShape random) {
        this.label = label;
        this.random = random;
    }

    public String label() {
        return label;
    }

    static Shape byLabel(String label) {
        for (Shape shape : values()) {
            if (shape.label.equals(label)) return shape;
        }
        return null;
    }
}
