/**
 * The replicated key-value register: client requests and responses, the binary {@link io.rafttorture.node.kv.Command}
 * encoding of WRITE/CAS log entries, and the {@link io.rafttorture.node.kv.KvStateMachine} that applies committed
 * commands at most once per (clientId, seq).
 */
package io.rafttorture.node.kv;
