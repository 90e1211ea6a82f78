package io.rafttorture.node.storage;

import io.rafttorture.node.raft.Entry;
import io.rafttorture.node.raft.HardState;

import java.io.IOException;
import java.util.List;

/**
 * Durable storage of one node's Raft state. Single-threaded: the event loop owns it.
 *
 * <p>The log holds the contiguous indexes {@code 1..lastIndex()} (empty when {@code lastIndex() == 0}); there is
 * no compaction. Nothing is durable until {@link #sync()} returns (hard state excepted: {@link #persistHardState}
 * is durable on return). Callers persist a whole Ready, then sync once, then send (group commit).
 *
 * <p>Every method throws {@link IOException} when the disk fails; the node must then stop, since it can no longer
 * keep its promises.
 */
public interface Storage extends AutoCloseable {

    /** What recovery found on open: the last persisted hard state ({@link HardState#INITIAL} if none) and the log. */
    record Recovered(HardState hardState, List<Entry> entries) {
        public Recovered {
            entries = List.copyOf(entries);
        }
    }

    /** Reads back what was recovered when the storage was opened. */
    Recovered load();

    /** Index of the last entry in the log, 0 when empty. */
    long lastIndex();

    /**
     * Appends {@code entries}, which must have consecutive indexes starting at most at {@code lastIndex() + 1}.
     * If the first index is {@code <= lastIndex()}, the log is first truncated so that it ends just before it
     * (Figure 2: "if an existing entry conflicts with a new one, delete it and all that follow it").
     *
     * @throws IllegalArgumentException if the indexes leave a gap or are not consecutive
     */
    void append(List<Entry> entries) throws IOException;

    /** Atomically replaces the stored hard state and makes it durable before returning. */
    void persistHardState(HardState hardState) throws IOException;

    /** Makes every appended entry durable (one fsync for all appends since the last sync). */
    void sync() throws IOException;

    @Override
    void close() throws IOException;
}
