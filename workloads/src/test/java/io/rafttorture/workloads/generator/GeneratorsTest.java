package io.rafttorture.workloads.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Generators against a simulated clock: time limits, the global rate, and the seeded mix. */
class GeneratorsTest {
    private static final long MS = 1_000_000L;
    private final Workload kv = Workload.byName("kv", 3);

    @Test
    void timeLimitEndsTheGeneratorAtTheLimitAndForever() {
        Generator gen = Generators.timeLimit(Duration.ofSeconds(1), Generators.mix(kv));
        Random random = new Random(1);

        assertThat(gen.next(999 * MS, random)).isInstanceOf(Next.Invoke.class);
        assertThat(gen.next(1000 * MS, random)).isEqualTo(Next.DONE);
        assertThat(gen.next(5000 * MS, random)).isEqualTo(Next.DONE);
    }

    @Test
    void rateSpacesInvocationsOneIntervalApartAcrossCallers() {
        Generator gen = Generators.rate(100, Generators.mix(kv)); // one slot per 10 ms
        Random random = new Random(1);

        assertThat(gen.next(0, random)).isInstanceOf(Next.Invoke.class);
        assertThat(gen.next(1 * MS, random)).as("a second caller inside the slot waits")
                .isEqualTo(new Next.Pending(10 * MS));
        assertThat(gen.next(10 * MS, random)).isInstanceOf(Next.Invoke.class);
        assertThat(gen.next(10 * MS, random)).isEqualTo(new Next.Pending(20 * MS));
    }

    @Test
    void rateNeverBurstsAfterAnIdleSpell() {
        Generator gen = Generators.rate(100, Generators.mix(kv));
        Random random = new Random(1);
        gen.next(0, random);

        int invoked = 0;
        for (int i = 0; i < 10; i++) {
            if (gen.next(1000 * MS, random) instanceof Next.Invoke) invoked++;
        }

        assertThat(invoked).as("after 1 s idle, at most one slot is made up").isEqualTo(2);
    }

    @Test
    void rateOverASimulatedSecondMatchesTheTarget() {
        Generator gen = Generators.clients(kv, 200, Duration.ofSeconds(1));
        Random random = new Random(7);
        int invoked = 0;
        Next next = gen.next(0, random);
        for (long now = 0; !(next instanceof Next.Done); now += MS / 2, next = gen.next(now, random)) {
            if (next instanceof Next.Invoke) invoked++;
        }

        assertThat(invoked).isBetween(199, 201);
    }

    @Test
    void theMixIsReproducibleFromTheSeedAndUsesEveryOperation() {
        assertThat(draw(42, 300)).isEqualTo(draw(42, 300));
        assertThat(draw(42, 300)).isNotEqualTo(draw(43, 300));
        assertThat(draw(42, 300)).extracting(Invocation::f).contains("read", "write", "cas");
        assertThat(draw(42, 300)).extracting(Invocation::key).containsOnly(0L, 1L, 2L);
    }

    @Test
    void aNonPositiveRateIsRejected() {
        assertThatThrownBy(() -> Generators.rate(0, Generators.mix(kv))).hasMessageContaining("rate must be positive");
    }

    private List<Invocation> draw(long seed, int count) {
        Random random = new Random(seed);
        List<Invocation> ops = new ArrayList<>();
        for (int i = 0; i < count; i++) ops.add(((Next.Invoke) Generators.mix(kv).next(0, random)).operation());
        return ops;
    }
}
