package io.rafttorture.node.client;

/** A request got no answer. The subclass says whether it may have taken effect. */
public abstract sealed class NodeClientException extends Exception permits NotSentException, IndeterminateException {
    NodeClientException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the request may have taken effect (record it as info, not fail). */
    public abstract boolean isIndeterminate();
}
