package io.rafttorture.results.sweep;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ElectionTimesTest {
    /** A counted trial won after {@code ms} in {@code terms} rounds. */
    static LeaderCrashTrial won(String setting, int n, double ms, long terms) {
        return new LeaderCrashTrial(setting, n, 1, 5, 10, "sigkill-from-host", 1e12, 0.1, 2, 5 + terms, ms, ms / 2,
                2, 3.0, terms, (int) terms + 1, false, false);
    }

    static LeaderCrashTrial censored(String setting, int n) {
        return new LeaderCrashTrial(setting, n, 1, 5, 10, "sigkill-from-host", 1e12, 0.1, null, null, null, 80.0, 4,
                1.0, 40, 160, true, false);
    }

    static LeaderCrashTrial deposed(String setting, int n) {
        return new LeaderCrashTrial(setting, n, 1, 5, 10, "sigkill-from-host", 1e12, 0.1, 3, 6L, -4.0, -9.0, 1,
                null, 1, 1, false, true);
    }

    @Test
    void nearestRankPercentilesOfTheCountedTrials() {
        List<LeaderCrashTrial> trials = new ArrayList<>();
        for (int i = 1; i <= 100; i++) trials.add(won("150-300", i, i, i <= 80 ? 1 : 2));
        trials.add(deposed("150-300", 101));

        ElectionTimes t = ElectionTimes.of("150-300", trials, 10_000);

        assertThat(t.trials()).isEqualTo(100);
        assertThat(t.voided()).as("the deposed trial is only counted").isOne();
        assertThat(t.minMs()).isEqualTo(1.0);
        assertThat(t.p50Ms()).isEqualTo(50.0);
        assertThat(t.p90Ms()).isEqualTo(90.0);
        assertThat(t.p99Ms()).isEqualTo(99.0);
        assertThat(t.maxMs()).isEqualTo(100.0);
        assertThat(t.meanMs()).isEqualTo(50.5);
        assertThat(t.meanIsLowerBound()).isFalse();
        assertThat(t.firstTermWins()).isEqualTo(0.8);
        assertThat(t.meanTerms()).isEqualTo(1.2);
    }

    @Test
    void censoredTrialsAreLongerThanAnyMeasuredTime() {
        List<LeaderCrashTrial> trials = new ArrayList<>();
        for (int i = 1; i <= 8; i++) trials.add(won("150-150", i, 300 + i, 2));
        trials.add(censored("150-150", 9));
        trials.add(censored("150-150", 10));

        ElectionTimes t = ElectionTimes.of("150-150", trials, 10_000);

        assertThat(t.censored()).isEqualTo(2);
        assertThat(t.p50Ms()).isEqualTo(305.0);
        assertThat(t.p90Ms()).as("rank 9 of 10 is a censored trial").isNull();
        assertThat(t.maxMs()).isNull();
        assertThat(t.meanIsLowerBound()).isTrue();
        assertThat(t.meanMs()).isEqualTo((301 + 302 + 303 + 304 + 305 + 306 + 307 + 308 + 20_000) / 10.0);
        assertThat(t.firstTermWins()).isZero();
    }
}
