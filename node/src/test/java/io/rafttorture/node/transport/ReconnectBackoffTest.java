package io.rafttorture.node.transport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReconnectBackoffTest {
    @Test
    void refusedAttemptsDoubleUpToTheMaximumAndAnOpenConnectionResetsIt() {
        ReconnectBackoff backoff = new ReconnectBackoff(10, 1000);
        long[] delays = new long[9];
        for (int i = 0; i < delays.length; i++) delays[i] = backoff.afterAttempt(false, false);
        assertThat(delays).containsExactly(10, 20, 40, 80, 160, 320, 640, 1000, 1000);
        assertThat(backoff.afterAttempt(true, true)).as("after a connection seen open").isEqualTo(10);
    }

    @Test
    void aProxyThatAcceptsAndClosesIsRetriedAtLeastEveryFiftyMilliseconds() {
        ReconnectBackoff backoff = new ReconnectBackoff(10, 1000);
        long[] delays = new long[6];
        for (int i = 0; i < delays.length; i++) delays[i] = backoff.afterAttempt(true, false);
        assertThat(delays).containsExactly(10, 20, 40, 50, 50, 50);

        for (int i = 0; i < 8; i++) backoff.afterAttempt(false, false);
        assertThat(backoff.afterAttempt(true, false)).as("accepted after a run of refusals").isEqualTo(50);
    }
}
