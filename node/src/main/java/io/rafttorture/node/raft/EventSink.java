package io.rafttorture.node.raft;

/**
 * Where the Raft core reports what it does (role changes, votes, RPCs, commit ranges). Kept as a callback so the
 * core does not depend on how events are printed; {@code namesAndValues} alternates field names and values.
 */
@FunctionalInterface
public interface EventSink {
    EventSink NONE = (type, namesAndValues) -> { };

    void emit(String type, Object... namesAndValues);
}
