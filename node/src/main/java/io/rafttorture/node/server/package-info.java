/**
 * The node process: {@link io.rafttorture.node.server.NodeServer} wires storage, transport and the pure
 * {@link io.rafttorture.node.replica.Replica} together with one event-loop thread (tick, drain inputs, persist and
 * fsync a whole Ready at once, then send, answer clients and print events). {@link io.rafttorture.node.server.JsonEventLog}
 * prints every event as one JSON line on stdout.
 */
package io.rafttorture.node.server;
