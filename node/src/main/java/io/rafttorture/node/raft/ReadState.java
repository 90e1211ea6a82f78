package io.rafttorture.node.raft;

/**
 * A confirmed ReadIndex read (Raft thesis §6.4): the read {@code readId} may be served from the state machine once
 * lastApplied is at least {@code readIndex}.
 */
public record ReadState(long readId, long readIndex) {}
