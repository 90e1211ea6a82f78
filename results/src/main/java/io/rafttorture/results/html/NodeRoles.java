package io.rafttorture.results.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A node's role and term over run time, from its events: node-started and restored (a follower again, at the
 * restored term), role-changed (role, term), term-changed (new term, same role), node-stopped (down); and from
 * the history's kill faults, which stop a node without a word (down from the kill until its next node-started).
 */
final class NodeRoles {
    static final String DOWN = "DOWN";

    /** [fromNanos, toNanos) of one role in one term; term -1 when not yet known. */
    record Segment(long fromNanos, long toNanos, String role, long term, String leader) {
    }

    private record Change(long nanos, String role, Long term, String leader) {
    }

    private NodeRoles() {
    }

    /** The segments of {@code log} clipped to [0, endNanos], in time order, adjacent equal ones merged. */
    static List<Segment> of(NodeLog log, TimeAnchor anchor, List<Faults.Fault> faults, long endNanos) {
        List<Change> changes = new ArrayList<>();
        for (JsonNode e : log.events()) {
            Change c = change(e, anchor.runNanos(e.get("ts").asLong()));
            if (c != null) changes.add(c);
        }
        for (Faults.Fault f : faults) {
            if (f.fault().equals("kill") && f.nodes().contains(log.id())) {
                changes.add(new Change(f.startNanos(), DOWN, null, ""));
            }
        }
        changes.sort(Comparator.comparingLong(Change::nanos)); // stable: a log's own order is kept within a ms
        return segments(changes, endNanos);
    }

    private static Change change(JsonNode e, long nanos) {
        return switch (e.path("type").asText()) {
            case "node-started" -> new Change(nanos, "FOLLOWER", null, "");
            case "restored" -> new Change(nanos, "FOLLOWER", e.path("term").asLong(), "");
            case "role-changed" -> new Change(nanos, e.path("role").asText("?"), e.path("term").asLong(),
                    e.path("leader").asText(""));
            case "term-changed" -> new Change(nanos, null, e.path("to").asLong(), ""); // a new term's leader is unknown
            case "node-stopped" -> new Change(nanos, DOWN, null, "");
            default -> null;
        };
    }

    private static List<Segment> segments(List<Change> changes, long endNanos) {
        List<Segment> out = new ArrayList<>();
        String role = null;
        long term = -1;
        String leader = "";
        long since = 0;
        for (Change c : changes) {
            String nextRole = c.role() != null ? c.role() : role;
            long nextTerm = c.term() != null ? c.term() : term;
            String nextLeader = c.leader() != null ? c.leader() : leader;
            if (nextRole == null || (nextRole.equals(role) && nextTerm == term && nextLeader.equals(leader))) {
                continue;
            }
            addClipped(out, since, c.nanos(), role, term, leader, endNanos);
            role = nextRole;
            term = DOWN.equals(nextRole) && c.term() == null ? term : nextTerm;
            leader = nextLeader;
            since = c.nanos();
        }
        addClipped(out, since, endNanos, role, term, leader, endNanos);
        return out;
    }

    private static void addClipped(List<Segment> out, long from, long to, String role, long term, String leader,
                                   long endNanos) {
        long a = Math.max(0, from);
        long b = Math.min(endNanos, to);
        if (role != null && b > a) out.add(new Segment(a, b, role, term, leader));
    }
}
