package io.rafttorture.results.raft;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * The {@code raft} section of results.json: what {@link RaftInvariants} checked and what it found.
 *
 * @param valid        true when no property broke
 * @param violations   every broken property, in the order found
 * @param elections    how many elections were won (from {@code election-won} events)
 * @param restarts     how many times a node restarted from its storage (from {@code restored} events)
 * @param logsChecked  ids of the nodes whose final log was compared
 * @param unreadable   input lines or files that could not be read (file:line: why); checked without them
 */
@JsonPropertyOrder({"valid", "violations", "elections", "restarts", "logsChecked", "unreadable"})
public record RaftCheck(boolean valid, List<Violation> violations, int elections, int restarts,
                        List<Integer> logsChecked, List<String> unreadable) {
    public RaftCheck {
        violations = List.copyOf(violations);
        logsChecked = List.copyOf(logsChecked);
        unreadable = List.copyOf(unreadable);
    }
}
