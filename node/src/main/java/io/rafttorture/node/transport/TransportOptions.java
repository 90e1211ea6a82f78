package io.rafttorture.node.transport;

import java.time.Duration;

/**
 * Tuning of {@link PeerTransport}. Defaults ({@link #DEFAULTS}): queue of 1024 messages per peer, reconnect backoff
 * 10 ms doubling to 1 s, connect timeout 1 s, handshake timeout 5 s.
 */
public record TransportOptions(int queueCapacity, Duration minBackoff, Duration maxBackoff, Duration connectTimeout,
                               Duration handshakeTimeout) {
    public static final TransportOptions DEFAULTS = new TransportOptions(1024, Duration.ofMillis(10),
            Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5));

    public TransportOptions {
        if (queueCapacity < 1) throw new IllegalArgumentException("queueCapacity must be at least 1, got " + queueCapacity);
        if (minBackoff.isNegative() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= min <= max, got " + minBackoff + ".." + maxBackoff);
        }
    }
}
