package io.rafttorture.results.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One node's Raft worksheet: its id and restarts; each term with the vote it cast, the roles it held and the
 * leader it followed; its log (index, term, command, committed/applied) from the entries file when the run wrote
 * one; and the AppendEntries and RequestVote exchanges it took part in, counted per term and peer, with the first
 * and last few of each. Bounded: at most {@link #MAX_ROWS} terms and {@link #MAX_LOG_ROWS} log entries per table
 * (the first and the last ones; a row says how many were left out).
 */
final class Worksheet {
    static final int MAX_ROWS = 60;
    static final int MAX_LOG_ROWS = 220;
    private static final int HEAD_ROWS = 10;
    private static final int MAX_NOTES = 6;

    private final NodeLog log;
    private final TimeAnchor anchor;
    private final int peers;
    private final StringBuilder out = new StringBuilder();

    private Worksheet(NodeLog log, TimeAnchor anchor, int peers) {
        this.log = log;
        this.anchor = anchor;
        this.peers = peers;
    }

    /** The worksheet of {@code log} as an HTML section with id {@code node-<id>}; peers are numbered 1..peers. */
    static String render(NodeLog log, TimeAnchor anchor, int peers) {
        return new Worksheet(log, anchor, peers).draw();
    }

    private String draw() {
        out.append("<section class=\"worksheet\" id=\"node-").append(log.id()).append("\"><h3>Node n")
                .append(log.id()).append(" (id ").append(log.id()).append(")</h3>");
        restarts();
        terms();
        RaftLog.render(out, log, anchor);
        exchanges();
        return out.append("</section>").toString();
    }

    private String time(JsonNode event) {
        return "t=" + Html.seconds(anchor.runNanos(event.get("ts").asLong())) + " s";
    }

    private void restarts() {
        out.append("<p class=\"restarts\">");
        int starts = 0;
        int restores = 0;
        for (JsonNode e : log.events()) {
            String type = e.path("type").asText();
            if (type.equals("node-started")) starts++;
            if (type.equals("restored") && restores++ < MAX_ROWS) {
                out.append("Started ").append(time(e)).append(": restored term ").append(e.path("term").asLong())
                        .append(", votedFor ").append(e.path("votedFor").asLong()).append(", lastLogIndex ")
                        .append(e.path("lastLogIndex").asLong()).append(". ");
            }
        }
        out.append(starts).append(" start(s) in ").append(log.events().size()).append(" events.");
        if (log.unreadableCount() > 0) {
            out.append(" Skipped ").append(log.unreadableCount()).append(" unreadable line(s): ")
                    .append(Html.esc(Html.cap(String.join("; ", log.unreadable()), 2000)))
                    .append(log.unreadableCount() > log.unreadable().size() ? "; \u2026" : "").append('.');
        }
        out.append("</p>");
    }

    /** One row of the terms table. */
    private static final class Term {
        String vote = "";
        final List<String> roles = new ArrayList<>();
        String leader = "";
        final Map<String, Integer> notes = new java.util.LinkedHashMap<>();
        int dropped;

        void note(String text) {
            if (notes.size() < MAX_NOTES || notes.containsKey(text)) notes.merge(text, 1, Integer::sum);
            else dropped++;
        }

        String notes() {
            List<String> out = new ArrayList<>();
            notes.forEach((text, n) -> out.add(n == 1 ? text : text + " (\u00d7" + n + ")"));
            if (dropped > 0) out.add("\u2026 " + dropped + " more");
            return Html.cap(String.join("; ", out), 1000);
        }
    }

    private void terms() {
        Map<Long, Term> terms = new TreeMap<>();
        for (JsonNode e : log.events()) termEvent(terms, e);
        out.append("<h4>Terms and votes</h4><table class=\"terms\"><tr><th>term</th><th>vote cast</th>"
                + "<th>roles</th><th>leader</th><th>elections and refusals</th></tr>");
        List<Map.Entry<Long, Term>> rows = new ArrayList<>(terms.entrySet());
        for (int i = 0; i < rows.size(); i++) {
            if (elided(i, rows.size(), MAX_ROWS, 5, "terms")) continue;
            Term t = rows.get(i).getValue();
            out.append("<tr><td>").append(rows.get(i).getKey()).append("</td><td>").append(Html.esc(t.vote))
                    .append("</td><td>").append(Html.esc(String.join(", ", t.roles))).append("</td><td>")
                    .append(Html.esc(t.leader)).append("</td><td>").append(Html.esc(t.notes()))
                    .append("</td></tr>");
        }
        out.append("</table>");
    }

    private static void termEvent(Map<Long, Term> terms, JsonNode e) {
        switch (e.path("type").asText()) {
            case "term-changed" -> terms.computeIfAbsent(e.path("to").asLong(), k -> new Term());
            case "vote-granted" -> term(terms, e).vote = "n" + e.path("candidate").asText();
            case "restored" -> {
                if (e.path("votedFor").asLong() > 0) term(terms, e).vote = "n" + e.path("votedFor").asText()
                        + " (restored)";
            }
            case "election-started" -> {
                Term t = term(terms, e);
                t.vote = "self";
                t.note("election started (lastLogIndex " + e.path("lastLogIndex").asText() + ", lastLogTerm "
                        + e.path("lastLogTerm").asText() + ")");
            }
            case "election-won" -> term(terms, e).note("won with " + e.path("votes").asText() + " votes");
            case "vote-refused" -> term(terms, e).note("refused n" + e.path("candidate").asText() + ": "
                    + e.path("reason").asText());
            case "role-changed" -> {
                Term t = term(terms, e);
                String role = e.path("role").asText("?");
                if (!t.roles.contains(role)) t.roles.add(role);
                if (e.path("leader").asLong() > 0) t.leader = "n" + e.path("leader").asText();
            }
            default -> {
            }
        }
    }

    private static Term term(Map<Long, Term> terms, JsonNode e) {
        return terms.computeIfAbsent(e.path("term").asLong(), k -> new Term());
    }

    /**
     * True when row {@code i} of {@code size} is left out (only the first {@code head} and the last rows up to
     * {@code max} are shown); writes the "left out" row once, at the first row left out.
     */
    private boolean elided(int i, int size, int max, int columns, String what) {
        if (size <= max || i < HEAD_ROWS || i >= size - (max - HEAD_ROWS)) return false;
        if (i == HEAD_ROWS) {
            out.append("<tr class=\"elided\"><td colspan=\"").append(columns).append("\">\u2026 ")
                    .append(size - max).append(' ').append(what).append(" left out \u2026</td></tr>");
        }
        return true;
    }

    private void exchanges() {
        out.append("<h4>Exchanges with peers</h4><p class=\"legend\">Per term and peer: requests this node sent "
                + "(\u2192), answers ok (\u2713) and refused (\u2717); answers to an earlier term's request, "
                + "ignored (\u21ba); answers to a round never sent in that term (\u203d), which no leader may "
                + "count.</p>");
        List<Exchanges.Tally> tallies = Exchanges.of(log);
        for (Exchanges.Tally tally : tallies) tally(tally);
    }

    private void tally(Exchanges.Tally tally) {
        out.append("<h5>").append(Html.esc(tally.title())).append("</h5>");
        if (tally.counts().isEmpty()) {
            out.append("<p class=\"none\">none</p>");
            return;
        }
        out.append("<table class=\"exchanges\" data-kind=\"").append(tally.kind()).append("\"><tr><th>term</th>");
        for (int p = 1; p <= peers; p++) out.append("<th>n").append(p).append("</th>");
        out.append("</tr>");
        List<Map.Entry<Long, Map<Integer, int[]>>> rows = new ArrayList<>(tally.counts().entrySet());
        for (int i = 0; i < rows.size(); i++) {
            if (elided(i, rows.size(), MAX_ROWS, peers + 1, "terms")) continue;
            out.append("<tr><td>").append(rows.get(i).getKey()).append("</td>");
            for (int p = 1; p <= peers; p++) out.append(cell(rows.get(i).getValue().get(p), p == log.id()));
            out.append("</tr>");
        }
        out.append("</table>");
        if (!tally.anomalies().isEmpty()) {
            out.append("<p class=\"anomaly\">Answers to rounds this node never sent in their term, taken as "
                    + "acknowledgements: a leader that counts them confirms reads without a quorum.</p>");
            events("anomalies", tally.anomalies());
        }
        events("samples", tally.samples());
    }

    private void events(String cssClass, List<JsonNode> events) {
        out.append("<ul class=\"").append(cssClass).append("\">");
        for (JsonNode e : events) {
            out.append("<li>").append(time(e)).append(' ').append(Html.esc(Html.cap(Exchanges.describe(e), 300)))
                    .append("</li>");
        }
        out.append("</ul>");
    }

    private static String cell(int[] c, boolean self) {
        if (self) return "<td class=\"self\">\u2014</td>";
        if (c == null) return "<td></td>";
        String css = c[Exchanges.UNSENT_ROUND] > 0 ? " class=\"anomaly\">" : c[Exchanges.REFUSED] > 0
                ? " class=\"refused\">" : ">";
        StringBuilder s = new StringBuilder("<td").append(css);
        if (c[Exchanges.SENT] > 0) s.append(c[Exchanges.SENT]).append("\u2192 ");
        s.append(c[Exchanges.OK]).append('\u2713');
        if (c[Exchanges.REFUSED] > 0) s.append(' ').append(c[Exchanges.REFUSED]).append('\u2717');
        if (c[Exchanges.EARLIER_TERM] > 0) s.append(' ').append(c[Exchanges.EARLIER_TERM]).append('\u21ba');
        if (c[Exchanges.UNSENT_ROUND] > 0) s.append(' ').append(c[Exchanges.UNSENT_ROUND]).append('\u203d');
        return s.append("</td>").toString();
    }
}
