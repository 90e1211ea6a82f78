package io.rafttorture.nemesis.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The pure timeline of a run's faults: at interval, 3·interval, 5·interval, ... a fault chosen uniformly (seeded)
 * from {@code faults} starts; one interval later it stops, so faults and quiet spells alternate and never overlap.
 * Nothing starts at or after the time limit; a fault running at the time limit is stopped by the final heal.
 * With no faults ("none") the timeline is empty.
 */
public final class NemesisSchedule {
    /** Start or stop {@code fault} at run time {@code atNanos}. */
    public record Step(long atNanos, boolean start, String fault) {
        /** The history's f: "start-partition", "stop-kill", ... */
        public String f() {
            return (start ? "start-" : "stop-") + fault;
        }
    }

    private final List<String> faults;
    private final long intervalNanos;
    private final long seed;

    /**
     * @param faults   names of the faults to choose from (empty: no faults)
     * @param interval time between a start and its stop, and between a stop and the next start (positive)
     * @param seed     seeds the choice of fault
     */
    public NemesisSchedule(List<String> faults, Duration interval, long seed) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the nemesis interval must be positive, got " + interval);
        }
        this.faults = List.copyOf(faults);
        this.intervalNanos = interval.toNanos();
        this.seed = seed;
    }

    /** Every step of a run lasting {@code timeLimit}, in time order. Same inputs, same steps. */
    public List<Step> steps(Duration timeLimit) {
        List<Step> steps = new ArrayList<>();
        if (faults.isEmpty()) return steps;
        Random random = new Random(seed);
        long limit = timeLimit.toNanos();
        for (long start = intervalNanos; start < limit; start += 2 * intervalNanos) {
            String fault = faults.get(random.nextInt(faults.size()));
            steps.add(new Step(start, true, fault));
            long stop = start + intervalNanos;
            if (stop < limit) steps.add(new Step(stop, false, fault));
        }
        return steps;
    }
}
