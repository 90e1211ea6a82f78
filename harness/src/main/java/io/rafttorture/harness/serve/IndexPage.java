package io.rafttorture.harness.serve;

import io.rafttorture.results.html.Html;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The index page: one table row per run, newest first, with the verdict as a coloured word, the run's name and time,
 * seed, key options, duration, a link to report.html when the folder has one, and links to each of its files.
 * Every text taken from the folder is HTML-escaped; every link is a percent-encoded path under the server's root.
 */
final class IndexPage {
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
            table{border-collapse:collapse;width:100%}
            th,td{border-bottom:1px solid #ddd;padding:.35em .6em;text-align:left;vertical-align:top}
            th{background:#f4f4f4}
            .verdict{font-weight:bold;padding:.15em .5em;border-radius:.3em;color:#fff;white-space:nowrap}
            .verdict-valid{background:#2e7d32}.verdict-invalid{background:#c62828}
            .verdict-unknown{background:#ef8f00}.verdict-error{background:#6a1b9a}.verdict-unreadable{background:#757575}
            .reason{color:#555;font-size:.85em}.options{font-size:.85em}.files a{margin-right:.6em;font-size:.85em}
            .stamp{color:#555}
            """;

    private IndexPage() {
    }

    /** The whole page for {@code runs} (already sorted) found under {@code resultsDir} (shown in the title). */
    static String render(String resultsDir, List<RunFolder> runs) {
        StringBuilder html = new StringBuilder(4096 + 1024 * runs.size());
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>raft-torture runs</title>")
                .append("<style>").append(STYLE).append("</style></head><body>\n")
                .append("<h1>raft-torture runs</h1>\n<p>").append(runs.size()).append(" run folder")
                .append(runs.size() == 1 ? "" : "s").append(" in <code>").append(Html.esc(resultsDir))
                .append("</code>, newest first").append(tally(runs)).append(".</p>\n");
        if (runs.isEmpty()) {
            html.append("<p id=\"no-runs\">No runs yet: <code>torture run</code> writes them here.</p>\n");
        } else {
            html.append("<table id=\"runs\"><thead><tr><th>verdict</th><th>run</th><th>seed</th><th>options</th>")
                    .append("<th>duration</th><th>report</th><th>files</th></tr></thead><tbody>\n");
            runs.forEach(run -> row(html, run));
            html.append("</tbody></table>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static void row(StringBuilder html, RunFolder run) {
        html.append("<tr class=\"run\" data-path=\"").append(Html.esc(run.path())).append("\" data-verdict=\"")
                .append(Html.esc(run.verdict().word())).append("\">");
        html.append("<td><span class=\"verdict verdict-").append(run.verdict().name().toLowerCase(Locale.ROOT))
                .append("\">").append(Html.esc(run.verdict().word())).append("</span>");
        if (!run.reason().isEmpty()) html.append("<div class=\"reason\">").append(Html.esc(run.reason())).append("</div>");
        html.append("</td><td>").append(Html.esc(run.name())).append("<div class=\"stamp\">").append(Html.esc(run.stamp()))
                .append("</div></td><td>").append(run.seed() == null ? "" : run.seed()).append("</td><td class=\"options\">");
        for (Map.Entry<String, String> option : run.options().entrySet()) {
            html.append(Html.esc(option.getKey())).append("&nbsp;").append(Html.esc(option.getValue())).append("<br>");
        }
        html.append("</td><td>").append(duration(run.durationMillis())).append("</td><td>");
        if (run.hasReport()) {
            html.append("<a class=\"report\" href=\"").append(href(run.path(), "report.html")).append("\">report</a>");
        }
        html.append("</td><td class=\"files\">");
        for (String file : run.files()) {
            html.append("<a href=\"").append(href(run.path(), file)).append("\">").append(Html.esc(file)).append("</a> ");
        }
        html.append("</td></tr>\n");
    }

    /** ": 3 valid, 1 invalid, 1 ?" (verdicts in enum order, those with no run left out), or "" for no runs. */
    static String tally(List<RunFolder> runs) {
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        runs.forEach(run -> counts.merge(run.verdict(), 1L, Long::sum));
        StringJoiner text = new StringJoiner(", ", ": ", "").setEmptyValue("");
        counts.forEach((verdict, count) -> text.add("<span class=\"count-" + verdict.name().toLowerCase(Locale.ROOT)
                + "\">" + count + " " + Html.esc(verdict.word()) + "</span>"));
        return text.toString();
    }

    /** "72.8 s", "3 min 5 s", or "" when unknown. */
    static String duration(Long millis) {
        if (millis == null) return "";
        if (millis < 120_000) return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        return (millis / 60_000) + " min " + (millis % 60_000) / 1000 + " s";
    }

    /** An absolute link to {@code file} of the run folder at {@code path}, each segment percent-encoded. */
    static String href(String path, String file) {
        StringBuilder href = new StringBuilder();
        for (String segment : (path + "/" + file).split("/")) {
            href.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return Html.esc(href.toString());
    }
}
