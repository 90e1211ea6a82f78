package io.rafttorture.harness.sweep.leadercrash;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ElectionWatchTest {
    private static String event(String type, long term, long ts) {
        return "{\"ts\":" + ts + ",\"node\":1,\"type\":\"" + type + "\",\"term\":" + term + "}";
    }

    @Test
    void findsTheFirstWinnerOfALaterTermAndCountsTheCandidacies() throws InterruptedException {
        ElectionWatch watch = new ElectionWatch();
        watch.onLine(2, event("election-won", 4, 1000));
        watch.onLine(3, event("election-started", 5, 1150));
        watch.onLine(4, event("election-started", 5, 1152));
        watch.onLine(3, event("election-started", 6, 1300));
        watch.onLine(3, "not json, e.g. a JVM warning on stdout: \"election-");
        watch.onLine(5, event("append-handled", 6, 1301));
        watch.onLine(3, event("election-won", 6, 1310));

        var winner = watch.awaitWinnerAfter(4, System.nanoTime());

        assertThat(winner).hasValueSatisfying(w -> {
            assertThat(w.node()).isEqualTo(3);
            assertThat(w.term()).isEqualTo(6);
            assertThat(w.epochMs()).isEqualTo(1310);
        });
        assertThat(watch.candidacies(4, 6)).isEqualTo(3);
        assertThat(watch.candidaciesOf(5)).extracting(ElectionWatch.Election::node).containsExactly(3, 4);
        assertThat(watch.highestCandidateTerm(4)).isEqualTo(6);
    }

    @Test
    void withNoWinnerItGivesUpAtTheDeadlineAndForgetsOldTerms() throws InterruptedException {
        ElectionWatch watch = new ElectionWatch();
        watch.onLine(1, event("election-won", 3, 500));
        watch.onLine(2, event("election-started", 4, 700));

        assertThat(watch.awaitWinnerAfter(3, System.nanoTime() + 20_000_000)).isEmpty();
        assertThat(watch.highestCandidateTerm(3)).isEqualTo(4);

        watch.forgetUpTo(4);
        assertThat(watch.candidacies(0, 10)).isZero();
        assertThat(watch.awaitWinnerAfter(0, System.nanoTime())).isEmpty();
    }
}
