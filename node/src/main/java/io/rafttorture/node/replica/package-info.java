/**
 * One node's replicated state machine as a pure object: {@link io.rafttorture.node.replica.Replica} joins the Raft
 * core, the key-value map and the waiting client requests, and hands the event loop a
 * {@link io.rafttorture.node.replica.Ready} to persist, send, and print as {@link io.rafttorture.node.replica.Event}s.
 */
package io.rafttorture.node.replica;
