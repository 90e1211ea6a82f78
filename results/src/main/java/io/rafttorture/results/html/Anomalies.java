package io.rafttorture.results.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What went wrong in a run, read leniently from results.json (fields that are missing are left out, unknown ones
 * ignored): each invalid key's failing operation, and the Raft invariant violations of its optional {@code raft}
 * section (a list, or an object holding the list under {@code violations}).
 */
final class Anomalies {
    /**
     * An operation no linearization can place: its invocation's history index, times (ns, may be null), and the
     * invocation time of the earliest of the last {@link #CONTEXT} operations the checker did linearize (null when
     * it reports none).
     */
    record Failure(String key, long index, Long invokeNanos, Long completionNanos, String description,
                   String explanation, Long contextNanos) {
        /** The id of its bar in the timeline. */
        String anchor() {
            return "op-" + index;
        }
    }

    /** One Raft invariant violation, as the run's Raft checker reported it; runNanos null when not timed. */
    record RaftViolation(int number, String kind, String node, String term, Long runNanos, String explanation) {
        String anchor() {
            return "raft-" + number;
        }
    }

    static final int CONTEXT = 5;

    private Anomalies() {
    }

    static List<Failure> failures(JsonNode results) {
        List<Failure> failures = new ArrayList<>();
        for (JsonNode key : results.path("check").path("keys")) {
            JsonNode failure = key.path("failure");
            JsonNode op = failure.path("operation");
            if (!op.path("index").canConvertToLong()) continue;
            failures.add(new Failure(failure.path("key").asText(key.path("key").asText("")), op.get("index").asLong(),
                    nanos(op.path("invokeTime")), nanos(op.path("completionTime")), op.path("description").asText(""),
                    failure.path("explanation").asText(""), context(failure.path("prefixTail"))));
        }
        return failures;
    }

    /**
     * The violations of results.json's {@code raft} section: {@code raft.violations} (or {@code raft} itself when
     * it is a list) of {property or kind, node, term, ts (epoch ms, 0 when untimed) or timeMs (run ms),
     * explanation}.
     */
    static List<RaftViolation> raftViolations(JsonNode results, TimeAnchor anchor) {
        JsonNode raft = results.path("raft");
        JsonNode list = raft.isArray() ? raft : raft.path("violations");
        List<RaftViolation> out = new ArrayList<>();
        for (JsonNode v : list) {
            String kind = v.path("property").asText(v.path("kind").asText("violation"));
            out.add(new RaftViolation(out.size(), kind, v.path("node").asText(""), v.path("term").asText(""),
                    runNanos(v, anchor), v.path("explanation").asText("")));
        }
        return out;
    }

    private static Long runNanos(JsonNode v, TimeAnchor anchor) {
        if (v.path("timeMs").canConvertToLong()) return v.get("timeMs").asLong() * 1_000_000L;
        long ts = v.path("ts").asLong(0);
        return ts > 0 && anchor.startEpochMs() != null ? anchor.runNanos(ts) : null;
    }

    private static Long context(JsonNode prefixTail) {
        Long earliest = null;
        for (int i = Math.max(0, prefixTail.size() - CONTEXT); i < prefixTail.size(); i++) {
            Long t = nanos(prefixTail.get(i).path("invokeTime"));
            if (t != null && (earliest == null || t < earliest)) earliest = t;
        }
        return earliest;
    }

    private static Long nanos(JsonNode n) {
        return n.canConvertToLong() ? n.asLong() : null;
    }
}
