package io.rafttorture.results.checker.model;

/**
 * What a client asked for: the operation's {@code f} ("read", "write", "cas", ...) and the invocation's value
 * (null, a Long, a String or a List, as in {@link io.rafttorture.results.history.Op}).
 */
public record Input(String f, Object value) {
}
