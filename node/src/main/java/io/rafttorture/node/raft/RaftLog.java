package io.rafttorture.node.raft;

import java.util.ArrayList;
import java.util.List;

/**
 * The in-memory copy of one node's log (entries 1..lastIndex, no compaction) plus how much of it storage already
 * holds. Entries above {@link #stableIndex()} must still be persisted; a truncation below the stable index lowers it,
 * so storage learns to delete the conflicting suffix (§5.3).
 */
public final class RaftLog {
    private final ArrayList<Entry> entries = new ArrayList<>();
    private long stableIndex;
    /** Bumped on every rewrite of already-present entries, so a stale advance() cannot mark them stable. */
    private long generation;

    /** A log holding {@code stored}, which must be contiguous from index 1; all of it counts as persisted. */
    public RaftLog(List<Entry> stored) {
        for (int i = 0; i < stored.size(); i++) {
            Entry e = stored.get(i);
            if (e.index() != i + 1) {
                throw new IllegalArgumentException("stored log entry at position " + i + " has index " + e.index()
                        + ", expected " + (i + 1) + " (the log must be contiguous from index 1)");
            }
            if (i > 0 && e.term() < stored.get(i - 1).term()) {
                throw new IllegalArgumentException("stored log entry " + e.index() + " has term " + e.term()
                        + ", lower than the previous entry's term " + stored.get(i - 1).term());
            }
            entries.add(e);
        }
        stableIndex = entries.size();
    }

    public long lastIndex() {
        return entries.size();
    }

    public long lastTerm() {
        return term(lastIndex());
    }

    /** The term of the entry at {@code index}; 0 for index 0 and for indexes beyond the log. */
    public long term(long index) {
        if (index < 1 || index > entries.size()) return 0;
        return entries.get((int) index - 1).term();
    }

    public Entry entry(long index) {
        if (index < 1 || index > entries.size()) {
            throw new IndexOutOfBoundsException("no entry " + index + " in a log of " + entries.size());
        }
        return entries.get((int) index - 1);
    }

    /** Entries {@code from}..{@code to} inclusive (clamped to the log), as an immutable copy. */
    public List<Entry> slice(long from, long to) {
        long lo = Math.max(1, from);
        long hi = Math.min(to, lastIndex());
        if (lo > hi) return List.of();
        return List.copyOf(entries.subList((int) lo - 1, (int) hi));
    }

    /** Appends {@code e}, whose index must be lastIndex + 1. */
    public void append(Entry e) {
        if (e.index() != lastIndex() + 1) {
            throw new IllegalStateException("append of entry " + e.index() + " to a log ending at " + lastIndex());
        }
        entries.add(e);
    }

    /** Deletes the entry at {@code index} and all that follow it (§5.3). */
    public void truncateFrom(long index) {
        while (entries.size() >= index) entries.remove(entries.size() - 1);
        lowerStable(index);
    }

    /** Replaces the entry at {@code e.index()} in place, keeping whatever follows: only Bug.SKIP_TRUNCATE does this. */
    public void overwrite(Entry e) {
        entries.set((int) e.index() - 1, e);
        lowerStable(e.index());
    }

    /** The first index of the run of entries that share the term of entry {@code index}, not going below 1. */
    public long firstIndexOfTerm(long index) {
        long t = term(index);
        long i = index;
        while (i > 1 && term(i - 1) == t) i--;
        return i;
    }

    /** The highest index holding an entry of {@code term}, or 0 if none. */
    public long lastIndexOfTerm(long term) {
        for (long i = lastIndex(); i >= 1; i--) {
            long t = term(i);
            if (t == term) return i;
            if (t < term) return 0; // terms never decrease along a correct log
        }
        return 0;
    }

    /** True when a candidate's (lastTerm, lastIndex) is at least as up-to-date as this log (§5.4.1). */
    public boolean isUpToDate(long candidateLastIndex, long candidateLastTerm) {
        return candidateLastTerm > lastTerm()
                || (candidateLastTerm == lastTerm() && candidateLastIndex >= lastIndex());
    }

    public long stableIndex() {
        return stableIndex;
    }

    public long generation() {
        return generation;
    }

    /** Entries storage does not hold yet (from stableIndex + 1 to the end). */
    public List<Entry> unstableEntries() {
        return slice(stableIndex + 1, lastIndex());
    }

    /** Storage now holds entries up to {@code index}, unless the log was rewritten since {@code seenGeneration}. */
    public void markStable(long index, long seenGeneration) {
        if (seenGeneration == generation) stableIndex = Math.max(stableIndex, Math.min(index, lastIndex()));
    }

    private void lowerStable(long index) {
        generation++;
        stableIndex = Math.min(stableIndex, index - 1);
    }
}
