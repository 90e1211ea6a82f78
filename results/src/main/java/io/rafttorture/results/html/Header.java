package io.rafttorture.results.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The page's header: run name and verdict, the problems results.json lists, the checker's explanation of each
 * anomaly with a link to the failing operation in the timeline, each Raft invariant violation (results.json's
 * {@code raft} section, when present) with a link to its marker, and the run's options (test.json).
 */
final class Header {
    static final int MAX_FAILURES = 10;
    private static final int OPTION_COLUMNS = 4;

    private Header() {
    }

    static String render(RunFolder run, List<Anomalies.Failure> failures, List<Anomalies.RaftViolation> violations,
                         Set<Long> drawnFailures) {
        StringBuilder out = new StringBuilder("<header id=\"summary\">");
        String name = run.results().path("name").asText(run.test().path("name").asText(run.dir().getFileName()
                .toString()));
        String verdict = run.verdict();
        out.append("<h1>").append(Html.esc(name)).append(" <span class=\"verdict v-").append(Html.esc(verdict))
                .append("\" id=\"verdict\">").append(Html.esc(verdict)).append("</span></h1><p class=\"facts\">")
                .append(Html.esc(facts(run))).append("</p>");
        problems(out, run.results().path("problems"));
        anomaly(out, run.results().path("check"), failures, drawnFailures);
        raft(out, violations);
        JsonNode unreadable = run.results().path("raft").path("unreadable");
        if (!unreadable.isEmpty()) {
            out.append("<p class=\"note\">The Raft check skipped ").append(unreadable.size())
                    .append(" unreadable input(s), e.g. ").append(Html.esc(Html.cap(unreadable.get(0).asText(), 200)))
                    .append(".</p>");
        }
        options(out, run.test());
        return out.append("</header>").toString();
    }

    private static String facts(RunFolder run) {
        JsonNode ops = run.results().path("check").path("operations");
        StringBuilder s = new StringBuilder("folder ").append(run.dir().getFileName());
        if (run.results().has("seed")) s.append(" \u00b7 seed ").append(run.results().get("seed").asText());
        if (run.results().has("exitCode")) s.append(" \u00b7 exit ").append(run.results().get("exitCode").asText());
        s.append(" \u00b7 ").append(run.history().operations().size()).append(" operations");
        if (ops.has("ok")) {
            s.append(" (").append(ops.path("ok").asText()).append(" ok, ").append(ops.path("fail").asText())
                    .append(" fail, ").append(ops.path("info").asText()).append(" info)");
        }
        s.append(" over ").append(Html.seconds(run.endNanos())).append(" s");
        String checker = run.results().path("check").path("verdict").asText("");
        if (!checker.isEmpty()) s.append(" \u00b7 checker ").append(checker);
        JsonNode raft = run.results().path("raft");
        if (raft.path("valid").isBoolean()) {
            s.append(" \u00b7 Raft check ").append(raft.get("valid").asBoolean() ? "valid" : "INVALID").append(" (")
                    .append(raft.path("elections").asText("?")).append(" elections, ")
                    .append(raft.path("restarts").asText("?")).append(" restarts)");
        }
        s.append(" \u00b7 ").append(run.faults().size())
                .append(" fault windows \u00b7 ").append(run.nodes().size()).append(" node logs");
        List<String> phases = new ArrayList<>();
        run.results().path("phasesMillis").properties().forEach(p -> phases.add(p.getKey() + " "
                + Html.seconds(p.getValue().asLong() * 1_000_000L) + " s"));
        if (!phases.isEmpty()) s.append(" \u00b7 phases: ").append(String.join(", ", phases));
        return s.toString();
    }

    private static void problems(StringBuilder out, JsonNode problems) {
        if (problems.isEmpty()) return;
        out.append("<ul class=\"problems\">");
        problems.forEach(p -> out.append("<li>").append(Html.esc(p.asText())).append("</li>"));
        out.append("</ul>");
    }

    private static void anomaly(StringBuilder out, JsonNode check, List<Anomalies.Failure> failures,
                                Set<Long> drawn) {
        String explanation = check.path("explanation").asText("");
        if (explanation.isEmpty() && failures.isEmpty()) return;
        out.append("<section id=\"anomaly\"><h2>Anomaly</h2><p class=\"explanation\">").append(Html.esc(explanation))
                .append("</p><ul class=\"failures\">");
        int shown = Math.min(MAX_FAILURES, failures.size());
        for (int i = 0; i < shown; i++) {
            if (i == 1) {
                out.append("</ul><details><summary>").append(failures.size() - 1)
                        .append(" more invalid key(s)</summary><ul class=\"failures\">");
            }
            failure(out, failures.get(i), drawn);
        }
        if (failures.size() > MAX_FAILURES) {
            out.append("<li>\u2026 and ").append(failures.size() - MAX_FAILURES).append(" more keys</li>");
        }
        out.append(shown > 1 ? "</ul></details>" : "</ul>").append("</section>");
    }

    private static void failure(StringBuilder out, Anomalies.Failure f, Set<Long> drawn) {
        out.append("<li>").append(f.key().isEmpty() || f.key().equals("null") ? "" : "key " + Html.esc(f.key()) + ": ");
        if (drawn.contains(f.index())) {
            out.append("<a class=\"op-link\" href=\"#").append(f.anchor()).append("\">operation #").append(f.index())
                    .append(" (").append(Html.esc(f.description())).append(") in the timeline</a>");
        } else {
            out.append("operation #").append(f.index()).append(" (").append(Html.esc(f.description()))
                    .append(", outside the timeline's detailed window)");
        }
        out.append(" \u2014 ").append(Html.esc(f.explanation())).append("</li>");
    }

    private static void raft(StringBuilder out, List<Anomalies.RaftViolation> violations) {
        if (violations.isEmpty()) return;
        out.append("<section id=\"raft-violations\"><h2>Raft invariant violations</h2><ul class=\"violations\">");
        for (Anomalies.RaftViolation v : violations) {
            out.append("<li><b>").append(Html.esc(v.kind())).append("</b> on node ").append(Html.esc(v.node()))
                    .append(", term ").append(Html.esc(v.term()));
            if (v.runNanos() != null) {
                out.append(", <a class=\"raft-link\" href=\"#").append(v.anchor()).append("\">t=")
                        .append(Html.seconds(v.runNanos())).append(" s</a>");
            } else {
                out.append(", found in the final logs");
            }
            out.append(": ").append(Html.esc(v.explanation())).append("</li>");
        }
        out.append("</ul></section>");
    }

    private static void options(StringBuilder out, JsonNode test) {
        if (!test.isObject()) {
            out.append("<p class=\"note\">No test.json: the run's options are unknown.</p>");
            return;
        }
        out.append("<details id=\"options\" open><summary>Options (test.json)</summary><table class=\"options\"><tr>");
        List<Map.Entry<String, JsonNode>> options = new ArrayList<>(test.properties());
        for (int i = 0; i < options.size(); i++) {
            if (i > 0 && i % OPTION_COLUMNS == 0) out.append("</tr><tr>");
            Map.Entry<String, JsonNode> e = options.get(i);
            out.append("<th>").append(Html.esc(e.getKey())).append("</th><td>")
                    .append(Html.esc(Html.brief(e.getValue()))).append("</td>");
        }
        out.append("</tr></table></details>");
    }
}
