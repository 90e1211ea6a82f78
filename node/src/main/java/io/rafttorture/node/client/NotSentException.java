package io.rafttorture.node.client;

/** Nothing of the request was written (for example the connection could not be opened): it certainly did not happen. */
public final class NotSentException extends NodeClientException {
    public NotSentException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isIndeterminate() {
        return false;
    }
}
