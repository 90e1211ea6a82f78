package io.rafttorture.workloads.generator;

import java.util.Random;

/**
 * What to do next at a given time. Inputs: {@code nowNanos}, nanoseconds since the run started (never decreasing
 * between calls from one thread), and a seeded {@code random}. Output: {@link Next}. Implementations may keep state
 * (a rate limit's next slot) but must be thread-safe: every client thread asks the same generator. Once a generator
 * answers {@link Next.Done} it answers Done forever.
 */
public interface Generator {
    Next next(long nowNanos, Random random);
}
