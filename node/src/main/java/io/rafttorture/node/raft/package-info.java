/**
 * The Raft consensus core (Ongaro and Ousterhout, "In Search of an Understandable Consensus Algorithm", and the
 * Raft thesis §6.4 for ReadIndex), pure and deterministic: {@link io.rafttorture.node.raft.RaftCore} turns ticks,
 * peer {@link io.rafttorture.node.raft.Message}s and proposals into messages, log entries and a commitIndex.
 * {@link io.rafttorture.node.raft.RaftConfig} tunes it; {@link io.rafttorture.node.raft.Bug} selects deliberate
 * deviations (node/BUGS.md). Entry, HardState and Message are the shared value types the storage and wire code
 * encode.
 */
package io.rafttorture.node.raft;
