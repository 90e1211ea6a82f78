package io.rafttorture.results.raft;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks Raft's safety properties against what the nodes reported. Every rule here holds at every moment of a
 * correct Raft cluster, whatever the faults, so any finding is a bug (or a node misreporting), never bad luck:
 * <ul>
 *   <li><b>election-safety</b> (§5.2, Figure 3): at most one node wins the election of a term;</li>
 *   <li><b>persistent-state</b> (Figure 2): a vote that reached its candidate was persisted (a voter answers only
 *       after its fsync), and so was a candidate's vote for itself once its RequestVote reached a peer; a node that
 *       restarts must come back with at least that term and, in that term, the same votedFor;</li>
 *   <li><b>log-matching</b> (§5.3): terms never decrease along a log (also in a log a node found on its disk
 *       when it restarted), and two logs holding an entry of the same index and term are identical up to it;</li>
 *   <li><b>state-machine-safety</b> (§5.4.3): two nodes never hold different entries at an index both have
 *       committed.</li>
 * </ul>
 */
public final class RaftInvariants {
    private static final Set<String> EVENT_TYPES = Set.of("election-won", "vote-answered", "vote-granted", "restored",
            "log-tail-discarded", "entries-committed");

    private RaftInvariants() {
    }

    /**
     * True for the events these checks read: pass it to {@link NodeEvents#read(java.nio.file.Path,
     * java.util.function.Predicate)} to keep memory small (of the frequent {@code entries-appended} events, only
     * those that show a term going down are kept).
     */
    public static boolean relevant(NodeEvent e) {
        return EVENT_TYPES.contains(e.type()) || e.type().equals("entries-appended") && termGoesDown(e);
    }

    private static boolean termGoesDown(NodeEvent appended) {
        return appended.number("lastTerm", Long.MAX_VALUE) < appended.number("firstTerm", 0);
    }

    /**
     * @param events     every node's events, ordered by time ({@link NodeEvents#read})
     * @param logs       each node's final log ({@link FinalLogs#read}); nodes without one are not compared
     * @param unreadable what could not be read, passed through to the result
     */
    public static RaftCheck check(List<NodeEvent> events, Map<Integer, List<LogEntry>> finalLogs,
                                  List<String> unreadable) {
        Map<Integer, List<LogEntry>> logs = new TreeMap<>(finalLogs);
        List<Violation> found = new ArrayList<>();
        found.addAll(electionSafety(events));
        found.addAll(persistentState(events));
        found.addAll(logOrder(events));
        found.addAll(LogComparison.compare(logs, committedIndexes(events)));
        int elections = (int) events.stream().filter(e -> e.type().equals("election-won")).count();
        return new RaftCheck(found.isEmpty(), found, elections, restarts(events), new ArrayList<>(logs.keySet()),
                unreadable);
    }

    /** Every {@code restored} event after a node's first start. */
    private static int restarts(List<NodeEvent> events) {
        Map<Integer, Integer> starts = new TreeMap<>();
        events.stream().filter(e -> e.type().equals("restored")).forEach(e -> starts.merge(e.node(), 1, Integer::sum));
        return starts.values().stream().mapToInt(n -> n - 1).sum();
    }

    static List<Violation> electionSafety(List<NodeEvent> events) {
        Map<Long, NodeEvent> winners = new TreeMap<>();
        List<Violation> found = new ArrayList<>();
        for (NodeEvent e : events) {
            if (!e.type().equals("election-won")) continue;
            long term = e.number("term", -1);
            NodeEvent first = winners.putIfAbsent(term, e);
            if (first != null && first.node() != e.node()) {
                found.add(new Violation("election-safety", e.node(), term, e.ts(), "n" + first.node() + " and n"
                        + e.node() + " both won the election of term " + term + " (" + (e.ts() - first.ts())
                        + " ms apart): two leaders in one term. Each node votes at most once per term and a leader "
                        + "needs a majority, so a term has at most one leader (§5.2, Election Safety)."));
            }
        }
        return found;
    }

    /**
     * A vote known to be on the voter's disk: a granted vote its candidate received (voters answer after their
     * fsync), or a candidate's vote for itself once a peer received its RequestVote (sent after its fsync).
     */
    private record DurableVote(int voter, int candidate, long term, long ts, String evidence) {
    }

    static List<Violation> persistentState(List<NodeEvent> events) {
        Map<Integer, DurableVote> latestVote = new LinkedHashMap<>();
        Set<String> reported = new HashSet<>();
        List<Violation> found = new ArrayList<>();
        for (NodeEvent e : events) {
            DurableVote vote = durableVote(e);
            if (vote != null) {
                latestVote.merge(vote.voter(), vote, (a, b) -> b.term() >= a.term() ? b : a);
            } else if (e.type().equals("restored")) {
                DurableVote last = latestVote.get(e.node());
                Violation v = last == null ? null : restoredBelow(last, e);
                if (v != null && reported.add(v.node() + "/" + v.term())) found.add(v);
            }
        }
        return found;
    }

    private static DurableVote durableVote(NodeEvent e) {
        long term = e.number("term", 0);
        if (e.type().equals("vote-answered") && Boolean.TRUE.equals(e.fields().get("granted"))) {
            int voter = (int) e.number("from", 0);
            return new DurableVote(voter, e.node(), term, e.ts(), "n" + voter + " granted its vote in term " + term
                    + " to n" + e.node() + " (n" + e.node() + " received it");
        }
        if (e.type().equals("vote-granted")) {
            int candidate = (int) e.number("candidate", 0);
            return new DurableVote(candidate, candidate, term, e.ts(), "n" + candidate + " voted for itself in term "
                    + term + " (its RequestVote reached n" + e.node());
        }
        return null;
    }

    private static Violation restoredBelow(DurableVote vote, NodeEvent restored) {
        long term = restored.number("term", 0);
        long votedFor = restored.number("votedFor", 0);
        String evidence = vote.evidence() + " " + (restored.ts() - vote.ts()) + " ms before the restart)";
        if (term < vote.term()) {
            return new Violation("persistent-state", vote.voter(), vote.term(), restored.ts(), evidence
                    + ", yet n" + vote.voter() + " restarted in term " + term + ": currentTerm went back. currentTerm "
                    + "is persistent state, written to stable storage before answering an RPC (Figure 2).");
        }
        if (term == vote.term() && votedFor != vote.candidate()) {
            return new Violation("persistent-state", vote.voter(), vote.term(), restored.ts(), evidence
                    + ", yet n" + vote.voter() + " restarted in term " + term + " with votedFor "
                    + (votedFor == 0 ? "none" : "n" + votedFor) + ": it may vote again in the same term, and two "
                    + "candidates can win it. votedFor is persistent state, written to stable storage before "
                    + "answering an RPC (§5.2, Figure 2).");
        }
        return null;
    }

    /**
     * A follower whose log, right after an append, ends in an older term than the entries it just appended, or a node
     * that found such a log on its disk when it restarted, had kept stale entries (§5.3). Once per node and term.
     */
    static List<Violation> logOrder(List<NodeEvent> events) {
        List<Violation> found = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (NodeEvent e : events) {
            if (e.type().equals("entries-appended") && termGoesDown(e)
                    && reported.add(e.node() + "/" + e.number("firstTerm", 0))) {
                found.add(new Violation("log-matching", e.node(), e.number("firstTerm", 0), e.ts(), "n" + e.node()
                        + " appended entries from index " + e.number("first", 0) + " (term " + e.number("firstTerm", 0)
                        + ") yet its log still ends at index " + e.number("last", 0) + " with term "
                        + e.number("lastTerm", 0) + ": stale entries of an older term survived after a newer "
                        + "leader's. A follower deletes a conflicting entry and all that follow it (§5.3, "
                        + "AppendEntries step 3), so terms never decrease along a log."));
            }
            if (e.type().equals("log-tail-discarded") && e.text("reason").contains("below previous term")) {
                found.add(new Violation("log-matching", e.node(), 0, e.ts(), "n" + e.node() + " restarted with a "
                        + "stored log in which terms go down (" + e.text("reason") + "; recovery cut "
                        + e.text("bytes") + " bytes there). Terms never decrease along a Raft log: a follower "
                        + "deletes a conflicting entry and all that follow it (§5.3, AppendEntries step 3)."));
            }
        }
        return found;
    }

    /** The highest index each node ever reported committed (committed entries stay committed, §5.4). */
    static Map<Integer, Long> committedIndexes(List<NodeEvent> events) {
        Map<Integer, Long> committed = new TreeMap<>();
        for (NodeEvent e : events) {
            if (e.type().equals("entries-committed")) committed.merge(e.node(), e.number("last", 0), Math::max);
        }
        return committed;
    }
}
