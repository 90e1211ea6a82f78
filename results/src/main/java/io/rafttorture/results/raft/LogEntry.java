package io.rafttorture.results.raft;

/**
 * One entry of a node's Raft log as stored at the end of a run.
 *
 * @param index   the log index (from 1)
 * @param term    the term of the leader that created it
 * @param command the command as JSON text ({@code null} text for a leader's no-op)
 */
public record LogEntry(long index, long term, String command) {
    /** "index 12 term 3 {...}", for explanations. */
    public String describe() {
        return "index " + index + " term " + term + " " + command;
    }
}
