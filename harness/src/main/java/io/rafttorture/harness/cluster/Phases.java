package io.rafttorture.harness.cluster;

import java.util.StringJoiner;
import java.util.function.Supplier;

/** Times the steps of a start-up, for the report of where the time went. */
final class Phases {
    private final StringJoiner report = new StringJoiner(", ");

    <T> T time(String phase, Supplier<T> step) {
        long start = System.nanoTime();
        T result = step.get();
        report.add(phase + " " + (System.nanoTime() - start) / 1_000_000 + " ms");
        return result;
    }

    void time(String phase, Runnable step) {
        time(phase, () -> {
            step.run();
            return null;
        });
    }

    @Override
    public String toString() {
        return report.toString();
    }
}
