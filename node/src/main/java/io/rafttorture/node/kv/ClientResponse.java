package io.rafttorture.node.kv;

/**
 * The answer to one {@link ClientRequest}. What a client may conclude from each status:
 * <ul>
 *   <li>{@code OK}: it took effect ({@code value} = value read, null if the key is absent);</li>
 *   <li>{@code CAS_MISMATCH}, {@code NOT_LEADER} (with {@code leader} = the leader this node knows, 0 if none),
 *       {@code UNAVAILABLE}, {@code BAD_REQUEST}: this request certainly did not take effect (an earlier, unanswered
 *       request with the same clientId and seq still may);</li>
 *   <li>{@code TIMEOUT}: indeterminate, it may or may not take effect.</li>
 * </ul>
 * For STATUS, {@code value} is the node's status as one JSON object.
 */
public record ClientResponse(long clientId, long seq, Status status, String value, int leader, String message) {
    public enum Status {
        OK, CAS_MISMATCH, NOT_LEADER, UNAVAILABLE, BAD_REQUEST, TIMEOUT;

        /** True when the request certainly did not take effect. */
        public boolean isDefiniteFailure() {
            return this != OK && this != TIMEOUT;
        }
    }
}
