/**
 * Raft's safety properties (the paper's Figure 3) checked from what the nodes reported, beside the black-box
 * linearizability check: the nodes' event lines ({@code nodes/n<id>.log}, read by {@link
 * io.rafttorture.results.raft.NodeEvents}) and their logs as stored at the end of the run ({@code
 * nodes/n<id>.entries.jsonl}, read by {@link io.rafttorture.results.raft.FinalLogs}). Some Raft mistakes never reach a
 * client: a follower that keeps stale entries no leader sent, or a voter that forgets its vote when it restarts,
 * break Raft's invariants long before (or without ever) breaking linearizability. {@link
 * io.rafttorture.results.raft.RaftInvariants} finds them; each {@link io.rafttorture.results.raft.Violation} says
 * which property broke, on which node and term, and why. Pure: no I/O besides the two readers.
 */
package io.rafttorture.results.raft;
