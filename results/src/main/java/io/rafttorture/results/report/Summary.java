package io.rafttorture.results.report;

import io.rafttorture.results.checker.KeyResult;
import io.rafttorture.results.checker.Verdict;
import io.rafttorture.results.raft.RaftCheck;

import java.util.Map;
import java.util.TreeMap;

/** summary.txt: a few lines a person reads first (also printed at the end of {@code torture run}). */
public final class Summary {
    private Summary() {
    }

    /** The summary of {@code report}, whose files are in {@code folder}. */
    public static String of(RunReport report, String folder) {
        StringBuilder out = new StringBuilder();
        out.append("run ").append(report.name()).append(", seed ").append(report.seed())
                .append(report.interrupted() ? " (interrupted)" : "").append('\n');
        out.append("result: ").append(verdictWord(report.exitCode())).append(" (exit ").append(report.exitCode())
                .append(")\n");
        report.problems().forEach(p -> out.append("  - ").append(p).append('\n'));
        if (report.check() != null) appendCheck(out, report);
        if (report.raft() != null) appendRaft(out, report.raft());
        if (report.stats() != null) {
            appendStats(out, report.stats());
            appendNemesis(out, report);
        }
        if (report.recovery() != null) out.append(recoveryLine(report.recovery())).append('\n');
        out.append("results: ").append(folder).append('\n');
        return out.toString();
    }

    private static String verdictWord(int exitCode) {
        return switch (exitCode) {
            case RunReport.VALID -> "VALID (linearizable)";
            case RunReport.INVALID -> "INVALID";
            case RunReport.UNKNOWN -> "UNKNOWN";
            default -> "ERROR";
        };
    }

    private static void appendCheck(StringBuilder out, RunReport report) {
        var check = report.check();
        long invalid = check.keys().stream().filter(k -> k.verdict() == Verdict.INVALID).count();
        long unknown = check.keys().stream().filter(k -> k.verdict() == Verdict.UNKNOWN).count();
        out.append("checker: ").append(check.verdict()).append(" (model ").append(check.model()).append(", ")
                .append(check.keys().size()).append(check.keys().size() == 1 ? " key: " : " keys: ").append(invalid).append(" invalid, ").append(unknown)
                .append(" unknown) in ").append(check.checkMillis()).append(" ms\n");
        if (check.reason() != null) out.append("  why unknown: ").append(check.reason()).append('\n');
        for (KeyResult key : check.keys()) {
            if (key.verdict() == Verdict.UNKNOWN && key.key() != null) {
                out.append("  undecided key ").append(key.key()).append(": ").append(key.reason()).append('\n');
            }
        }
        if (check.explanation() != null) out.append("  ").append(check.explanation()).append('\n');
    }

    private static void appendRaft(StringBuilder out, RaftCheck raft) {
        out.append("raft: ").append(raft.valid() ? "no property broken" : raft.violations().size() + " broken")
                .append(" (").append(raft.elections()).append(" elections, ").append(raft.restarts())
                .append(" restarts, final logs of ").append(raft.logsChecked().size()).append(" nodes compared)\n");
        raft.violations().forEach(v -> out.append("  ").append(v.property()).append(": ").append(v.explanation())
                .append('\n'));
        if (!raft.unreadable().isEmpty()) {
            out.append("  unreadable node output, skipped: ").append(raft.unreadable().get(0))
                    .append(raft.unreadable().size() > 1 ? " (and more in results.json)" : "").append('\n');
        }
    }

    private static void appendStats(StringBuilder out, Stats stats) {
        stats.byF().forEach((f, c) -> {
            out.append(String.format("%-6s %6d ok %6d fail %6d info", f, c.ok(), c.fail(), c.info()));
            Stats.Latency l = stats.latencyMs().get(f);
            if (l != null) out.append(String.format("   latency ms p50 %.1f p95 %.1f p99 %.1f max %.1f", l.p50(),
                    l.p95(), l.p99(), l.max()));
            if (!c.failErrors().isEmpty()) out.append("   fails: ").append(c.failErrors());
            out.append('\n');
        });
        out.append(String.format("throughput: %.1f ok/s over %.1f s%n", stats.okPerSecond(), stats.durationSeconds()));
    }

    /**
     * "recovery: longest gap without an ok 1234 ms (at 5.2 s); failover 250, 310, not recovered ms after 3 faults;
     * 4 elections started, 3 won; 120.5 ok/s, p50 3.1 ms, p99 40.2 ms" (measured over the workload phase).
     */
    static String recoveryLine(Recovery r) {
        StringBuilder out = new StringBuilder("recovery: longest gap without an ok ");
        out.append(String.format("%.0f ms (at %.1f s); ", r.longestGap().ms(), r.longestGap().fromMs() / 1000));
        if (r.failovers().isEmpty()) {
            out.append("no faults");
        } else {
            out.append("failover ").append(r.failovers().stream().map(f -> f.failoverMs() == null ? "not recovered"
                    : String.format("%.0f", f.failoverMs())).collect(java.util.stream.Collectors.joining(", ")))
                    .append(" ms after ").append(r.failovers().size())
                    .append(r.failovers().size() == 1 ? " fault" : " faults");
        }
        if (r.elections() != null) {
            out.append("; ").append(r.elections()).append(" elections started, ").append(r.leaderChanges())
                    .append(" won");
        }
        out.append(String.format("; %.1f ok/s", r.okPerSecond()));
        if (r.latencyMs() != null) {
            out.append(String.format(", p50 %.1f ms, p99 %.1f ms", r.latencyMs().p50(), r.latencyMs().p99()));
        }
        return out.toString();
    }

    private static void appendNemesis(StringBuilder out, RunReport report) {
        Map<String, Integer> starts = new TreeMap<>();
        report.nemesis().forEach(e -> {
            String f = String.valueOf(e.get("f"));
            if (f.startsWith("start-") || f.equals("nemesis-error")) starts.merge(f, 1, Integer::sum);
        });
        out.append("nemesis: ").append(starts.isEmpty() ? "no faults" : starts.toString()).append('\n');
    }
}
