package io.rafttorture.node.storage;

import io.rafttorture.node.raft.Entry;

import java.util.List;

/**
 * What {@link FileStorage#scanLog} read from a log file.
 *
 * @param entries every intact record in file order (index and term order not enforced)
 * @param damage  why the scan stopped before the end of the file (a torn or damaged record), or null
 */
public record LogScan(List<Entry> entries, String damage) {
    public LogScan {
        entries = List.copyOf(entries);
    }
}
