package io.rafttorture.node.transport;

/**
 * How long a {@link PeerSender} waits before its next connection attempt. The delay doubles from {@code minMs} to
 * {@code maxMs} while attempts fail and falls back to {@code minMs} after a connection that was seen open. A
 * connection that is accepted and then closed at once (Toxiproxy accepting for a target that is down) backs off
 * only up to {@value #ACCEPTED_MAX_MS} ms: the peer is on its way back, and a restarted node must hear from the
 * leader before its election timeout fires, or it starts an election and deposes a healthy leader.
 */
final class ReconnectBackoff {
    static final long ACCEPTED_MAX_MS = 50;

    private final long minMs;
    private final long maxMs;
    private long currentMs;

    ReconnectBackoff(long minMs, long maxMs) {
        this.minMs = minMs;
        this.maxMs = maxMs;
        this.currentMs = minMs;
    }

    /**
     * The delay to wait after an attempt, which then moves on.
     *
     * @param accepted    the connection was made (the handshake written)
     * @param established it was also seen open afterwards
     */
    long afterAttempt(boolean accepted, boolean established) {
        if (established) currentMs = minMs;
        long ceiling = accepted ? Math.min(ACCEPTED_MAX_MS, maxMs) : maxMs;
        long delay = Math.min(currentMs, ceiling);
        currentMs = Math.min(Math.max(1, currentMs * 2), ceiling);
        return delay;
    }
}
