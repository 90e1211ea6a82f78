package io.rafttorture.nemesis.toxiproxy;

/** A Toxiproxy API call that failed after its retries; the message names the call and the answer. */
public class ToxiproxyException extends RuntimeException {
    public ToxiproxyException(String message, Throwable cause) {
        super(message, cause);
    }
}
