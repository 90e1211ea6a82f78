package io.rafttorture.results.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A node's Raft log for its worksheet: the final log from {@code n<id>.entries.jsonl} when the run wrote one
 * (index, term, command, and whether the node ever reported the index committed / applied), else what its events
 * tell (highest appended, committed and applied index); truncations from entries-truncated events in both cases.
 * At most {@link Worksheet#MAX_LOG_ROWS} entries: the first 20 and the last ones.
 */
final class RaftLog {
    private static final int HEAD = 20;
    private static final int MAX_TRUNCATIONS = 20;

    private RaftLog() {
    }

    static void render(StringBuilder out, NodeLog log, TimeAnchor anchor) {
        long committed = highest(log, "entries-committed");
        long applied = highest(log, "entries-applied");
        out.append("<h4>Log</h4>");
        if (log.entries() == null) {
            out.append("<p class=\"no-log\">Final log not available (no nodes/n").append(log.id())
                    .append(".entries.jsonl in this run). From events: highest index appended ")
                    .append(highest(log, "entries-appended")).append(", committed ").append(committed)
                    .append(", applied ").append(applied).append(".</p>");
        } else {
            entries(out, log.entries(), committed, applied);
        }
        truncations(out, log, anchor);
    }

    private static void entries(StringBuilder out, List<NodeLog.LogEntry> entries, long committed, long applied) {
        out.append("<p>").append(entries.size()).append(" entries; committed up to ").append(committed)
                .append(", applied up to ").append(applied).append(" (highest the node reported).</p>")
                .append("<table class=\"log\"><tr><th>index</th><th>term</th><th>command</th><th>state</th></tr>");
        int max = Worksheet.MAX_LOG_ROWS;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.size() > max && i >= HEAD && i < entries.size() - (max - HEAD)) {
                if (i == HEAD) {
                    out.append("<tr class=\"elided\"><td colspan=\"4\">\u2026 ").append(entries.size() - max)
                            .append(" entries left out \u2026</td></tr>");
                }
                continue;
            }
            NodeLog.LogEntry e = entries.get(i);
            String state = e.index() <= applied ? "committed, applied" : e.index() <= committed ? "committed"
                    : "not committed";
            out.append("<tr class=\"").append(state.startsWith("not") ? "uncommitted" : "committed")
                    .append("\"><td>").append(e.index()).append("</td><td>").append(e.term()).append("</td><td>")
                    .append(e.command() == null ? "(no-op)" : Html.esc(Html.cap(Html.brief(e.command()), 200)))
                    .append("</td><td>")
                    .append(state).append("</td></tr>");
        }
        out.append("</table>");
    }

    private static void truncations(StringBuilder out, NodeLog log, TimeAnchor anchor) {
        List<String> lines = new ArrayList<>();
        for (JsonNode e : log.events()) {
            if (e.path("type").asText().equals("entries-truncated")) {
                lines.add("t=" + Html.seconds(anchor.runNanos(e.get("ts").asLong())) + " s: entries "
                        + e.path("from").asText() + "\u2013" + e.path("last").asText() + " removed");
            }
        }
        if (lines.isEmpty()) return;
        out.append("<p>").append(lines.size()).append(" truncation(s) of the log (entries-truncated events):</p>")
                .append("<ul class=\"truncations\">");
        lines.stream().limit(MAX_TRUNCATIONS).forEach(l -> out.append("<li>").append(Html.esc(l)).append("</li>"));
        if (lines.size() > MAX_TRUNCATIONS) out.append("<li>\u2026 ").append(lines.size() - MAX_TRUNCATIONS)
                .append(" more</li>");
        out.append("</ul>");
    }

    private static long highest(NodeLog log, String type) {
        return log.events().stream().filter(e -> e.path("type").asText().equals(type))
                .mapToLong(e -> e.path("last").asLong()).max().orElse(0);
    }
}
