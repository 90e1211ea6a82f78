/**
 * Durable Raft state: the hard state (term, votedFor) and the log, behind {@link io.rafttorture.node.storage.Storage}
 * (etcd's vocabulary: append, persistHardState, sync). {@link io.rafttorture.node.storage.FileStorage} keeps them in
 * two files of a data directory; recovery after kill -9 keeps every fsynced entry and cuts a torn tail, and refuses
 * to start on damage inside the synced log rather than cut fsynced entries.
 * The on-disk formats are described in node/PROTOCOL.md.
 */
package io.rafttorture.node.storage;
