package io.rafttorture.results.raft;

/**
 * One broken Raft property.
 *
 * @param property    which one: {@code election-safety}, {@code persistent-state}, {@code log-matching} or
 *                    {@code state-machine-safety} (the names of the Raft paper's Figure 2 and 3)
 * @param node        the node that broke it (for a pair of nodes, the second one named in the explanation)
 * @param term        the term concerned
 * @param ts          when it was seen (epoch ms of the node event), or 0 when it was found in the final logs
 * @param explanation one paragraph: what was seen, and the rule it breaks with its section of the paper
 */
public record Violation(String property, int node, long term, long ts, String explanation) {
}
