package io.rafttorture.nemesis.scenario;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** The run's time (nanoseconds since the workload's start) and a way to wait for it; tests give a fake one. */
public interface RunClock {
    long nanos();

    /** Returns once {@link #nanos()} has reached {@code nanos}. */
    void sleepUntil(long nanos) throws InterruptedException;

    /** A real clock reading {@code nanos} (e.g. the history recorder's), sleeping at most 100 ms at a time. */
    static RunClock of(LongSupplier nanos) {
        return new RunClock() {
            public long nanos() {
                return nanos.getAsLong();
            }

            public void sleepUntil(long until) throws InterruptedException {
                for (long left = until - nanos(); left > 0; left = until - nanos()) {
                    TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
                }
            }
        };
    }
}
