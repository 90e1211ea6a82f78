package io.rafttorture.workloads.generator;

import java.time.Duration;
import java.util.Random;

/** Generators and combinators; each result is thread-safe. */
public final class Generators {
    private Generators() {
    }

    /** Random operations of {@code workload}'s mix, forever, as fast as asked. */
    public static Generator mix(Workload workload) {
        return (now, random) -> new Next.Invoke(workload.randomOperation(random));
    }

    /** {@code inner} until run time {@code limit}, then done (an operation already invoked still completes). */
    public static Generator timeLimit(Duration limit, Generator inner) {
        long limitNanos = limit.toNanos();
        return (now, random) -> now >= limitNanos ? Next.DONE : inner.next(now, random);
    }

    /**
     * At most {@code opsPerSecond} invocations per second across every caller (a global rate, as Jepsen's
     * {@code stagger} over all threads): slots are 1/rate apart; a caller before the next slot gets pending.
     * After an idle spell at most one slot is made up, so the rate never bursts.
     */
    public static Generator rate(double opsPerSecond, Generator inner) {
        if (!(opsPerSecond > 0)) throw new IllegalArgumentException("rate must be positive, got " + opsPerSecond);
        return new RateLimit(Math.max(1, Math.round(1e9 / opsPerSecond)), inner);
    }

    /** The usual client generator: the workload's mix at {@code opsPerSecond} until {@code timeLimit}. */
    public static Generator clients(Workload workload, double opsPerSecond, Duration timeLimit) {
        return timeLimit(timeLimit, rate(opsPerSecond, mix(workload)));
    }

    private static final class RateLimit implements Generator {
        private final long intervalNanos;
        private final Generator inner;
        private long nextSlot;

        RateLimit(long intervalNanos, Generator inner) {
            this.intervalNanos = intervalNanos;
            this.inner = inner;
        }

        @Override
        public synchronized Next next(long now, Random random) {
            if (now < nextSlot) return new Next.Pending(nextSlot);
            Next next = inner.next(now, random);
            if (next instanceof Next.Invoke) nextSlot = Math.max(nextSlot, now - intervalNanos) + intervalNanos;
            return next;
        }
    }
}
