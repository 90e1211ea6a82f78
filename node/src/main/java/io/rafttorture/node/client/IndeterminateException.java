package io.rafttorture.node.client;

/**
 * The request was (perhaps partly) written but no answer came: timeout, connection reset or closed. It may or may
 * not take effect, now or later.
 */
public final class IndeterminateException extends NodeClientException {
    public IndeterminateException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isIndeterminate() {
        return true;
    }
}
