package io.rafttorture.harness.runner;

import io.rafttorture.results.checker.CheckOptions;
import io.rafttorture.results.checker.CheckResult;
import io.rafttorture.results.checker.Checker;
import io.rafttorture.results.checker.Verdict;
import io.rafttorture.results.checker.model.Models;
import io.rafttorture.results.history.History;
import io.rafttorture.results.history.Op;
import io.rafttorture.results.raft.FinalLogs;
import io.rafttorture.results.raft.NodeEvent;
import io.rafttorture.results.raft.NodeEvents;
import io.rafttorture.results.raft.RaftCheck;
import io.rafttorture.results.raft.RaftInvariants;
import io.rafttorture.results.report.Availability;
import io.rafttorture.results.report.FaultWindows;
import io.rafttorture.results.report.Recovery;
import io.rafttorture.results.report.RunReport;
import io.rafttorture.results.report.Stats;
import io.rafttorture.results.report.Summary;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The last phases of a run: check the history, check Raft's safety properties from the nodes' output (events and
 * stored logs in nodes/), compute stats, availability and recovery metrics, and write history.edn,
 * results.json and summary.txt (history.jsonl and test.json are written while the run goes on).
 */
final class RunReporter {
    /** After a fault stops, the cluster may take this long to elect a leader again: not a quiet second yet. */
    static final Duration RECOVERY_GRACE = Duration.ofSeconds(2);
    /** Share of quiet seconds that must see an ok operation (see {@link Availability}). */
    static final double MIN_QUIET_FRACTION = 0.5;

    private final TortureTest test;
    private final ResultsFolder folder;
    private final Map<String, Long> phases;
    private final Long startEpochMs;

    /** @param startEpochMs the wall-clock instant of history time 0 (places node events), null when unknown */
    RunReporter(TortureTest test, ResultsFolder folder, Map<String, Long> phases, Long startEpochMs) {
        this.test = test;
        this.folder = folder;
        this.phases = phases;
        this.startEpochMs = startEpochMs;
    }

    RunResult report(List<Op> ops, boolean interrupted, String setupError, String laterError, Duration budget) {
        RunReport report = setupError != null ? errorReport(setupError, interrupted)
                : checkedReport(ops, interrupted, laterError, budget);
        folder.writeEdn(ops);
        folder.writeJson("results.json", report);
        String summary = Summary.of(report, folder.dir().toString());
        folder.writeText("summary.txt", summary);
        return new RunResult(report.exitCode(), folder.dir(), report, summary, ops);
    }

    private RunReport errorReport(String error, boolean interrupted) {
        return new RunReport(RunReport.valid(RunReport.ERROR), RunReport.ERROR, List.of(error), test.name(),
                test.seed(), interrupted, null, null, null, null, null, List.of(), phases, error);
    }

    private RunReport checkedReport(List<Op> ops, boolean interrupted, String laterError, Duration budget) {
        History history = History.of(ops);
        long start = System.nanoTime();
        CheckResult check = check(history, budget);
        phases.put("check", (System.nanoTime() - start) / 1_000_000);
        long workloadEnd = Math.min(test.timeLimit().toNanos(), lastTime(ops));
        Availability availability = Availability.of(history, FaultWindows.of(history.nemesisOps()), 0, workloadEnd,
                RECOVERY_GRACE.toNanos(), MIN_QUIET_FRACTION);
        List<String> problems = new ArrayList<>();
        List<NodeEvent> events = new ArrayList<>();
        RaftCheck raft = raftCheck(problems, events);
        Recovery recovery = Recovery.of(history, 0, workloadEnd, events, events.isEmpty() ? null : startEpochMs);
        int exitCode = RunReport.exitCode(check.verdict(), raft, availability, test.allowUnavailable(), interrupted);
        if (laterError != null && exitCode == RunReport.VALID) exitCode = RunReport.UNKNOWN;
        if (interrupted) problems.add("interrupted: the run was cut short (no heal, no final reads)");
        if (laterError != null) problems.add("the run did not finish: " + laterError);
        if (check.verdict() == Verdict.INVALID) problems.add("not linearizable (the checker's explanation follows)");
        if (raft != null && !raft.valid()) {
            problems.add("Raft safety broken: " + raft.violations().stream().map(v -> v.property() + " (n" + v.node()
                    + ", term " + v.term() + ")").distinct().collect(Collectors.joining(", ")) + " (explained below)");
        }
        if (check.verdict() == Verdict.UNKNOWN) problems.add("checker undecided: " + check.reason());
        availability.problems().forEach(p -> problems.add(
                (test.allowUnavailable() ? "(allowed) " : "unavailable: ") + p));
        return new RunReport(RunReport.valid(exitCode), exitCode, problems, test.name(), test.seed(), interrupted,
                check, raft, Stats.of(history), availability, recovery, nemesisEvents(history), phases, laterError);
    }

    /**
     * Raft's safety properties from the nodes' event lines and final logs in nodes/; null (and a problem saying
     * why) when they cannot be read at all. The election events {@link Recovery} counts are added to {@code
     * elections} (read in the same pass: node logs can be large).
     */
    private RaftCheck raftCheck(List<String> problems, List<NodeEvent> elections) {
        Path nodes = folder.dir().resolve("nodes");
        try {
            NodeEvents.Read events = NodeEvents.read(nodes, e -> RaftInvariants.relevant(e) || Recovery.relevant(e));
            elections.addAll(events.events().stream().filter(Recovery::relevant).toList());
            FinalLogs.Read logs = FinalLogs.read(nodes);
            List<String> unreadable = new ArrayList<>(events.unreadable());
            unreadable.addAll(logs.unreadable());
            return RaftInvariants.check(events.events().stream().filter(RaftInvariants::relevant).toList(),
                    logs.logs(), unreadable);
        } catch (IOException | RuntimeException e) {
            problems.add("Raft properties not checked: cannot read " + nodes + ": " + e);
            return null;
        }
    }

    private CheckResult check(History history, Duration budget) {
        try {
            return Checker.check(history, Models.byName(test.workloadValue().modelName(), null),
                    CheckOptions.defaults().withTimeout(budget));
        } catch (RuntimeException e) {
            // A checker that throws yields unknown, never a pass (Jepsen's rule).
            return new CheckResult(Verdict.UNKNOWN, test.workloadValue().modelName(), history.counts(), 0,
                    "checker failed: " + e, null, List.of());
        }
    }

    private static long lastTime(List<Op> ops) {
        return ops.stream().filter(op -> op.time() != null && !op.isNemesis()).mapToLong(Op::time).max().orElse(0);
    }

    private static List<Map<String, Object>> nemesisEvents(History history) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (Op op : history.nemesisOps()) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("timeMs", op.time() == null ? null : op.time() / 1_000_000);
            event.put("f", op.f());
            event.put("value", op.value());
            events.add(event);
        }
        return events;
    }
}
