package io.rafttorture.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.rafttorture.results.checker.CheckResult;
import io.rafttorture.results.checker.KeyResult;
import io.rafttorture.results.checker.Verdict;
import io.rafttorture.results.history.History;
import io.rafttorture.results.raft.RaftCheck;
import io.rafttorture.results.raft.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exit-code rules and what summary.txt says. */
class SummaryTest {
    private static final Availability AVAILABLE = new Availability(List.of(), 5, 5, 0.5, List.of());
    private static final Availability UNAVAILABLE = new Availability(List.of("cas"), 5, 5, 0.5,
            List.of("no cas ever succeeded"));

    @Test
    void invalidAlwaysWinsAndUnavailableOrInterruptedValidRunsAreUnknown() {
        assertThat(RunReport.exitCode(Verdict.VALID, null, AVAILABLE, false, false)).isEqualTo(0);
        assertThat(RunReport.exitCode(Verdict.VALID, null, UNAVAILABLE, false, false)).isEqualTo(2);
        assertThat(RunReport.exitCode(Verdict.VALID, null, UNAVAILABLE, true, false)).isEqualTo(0);
        assertThat(RunReport.exitCode(Verdict.VALID, null, AVAILABLE, false, true)).isEqualTo(2);
        assertThat(RunReport.exitCode(Verdict.INVALID, null, UNAVAILABLE, false, true)).isEqualTo(1);
        assertThat(RunReport.exitCode(Verdict.UNKNOWN, null, AVAILABLE, true, false)).isEqualTo(2);
        assertThat(RunReport.valid(2)).isEqualTo("unknown");
    }

    @Test
    void aBrokenRaftPropertyMakesEvenALinearizableRunInvalidAndTheSummarySaysWhich() {
        Violation violation = new Violation("persistent-state", 2, 7, 1000, "n2 granted its vote in term 7 to n1, "
                + "yet restarted in term 7 with votedFor none.");
        RaftCheck broken = new RaftCheck(false, List.of(violation), 3, 1, List.of(1, 2, 3), List.of());
        RaftCheck clean = new RaftCheck(true, List.of(), 3, 1, List.of(1, 2, 3), List.of());
        assertThat(RunReport.exitCode(Verdict.VALID, broken, AVAILABLE, false, false)).isEqualTo(1);
        assertThat(RunReport.exitCode(Verdict.VALID, clean, AVAILABLE, false, false)).isEqualTo(0);

        RunReport report = new RunReport(false, 1, List.of("Raft safety broken: persistent-state (n2, term 7)"),
                "kv-kill", 42, false, null, broken, null, null, null, List.of(), Map.of(), null);
        assertThat(Summary.of(report, "results/x")).contains("result: INVALID (exit 1)",
                "raft: 1 broken (3 elections, 1 restarts, final logs of 3 nodes compared)",
                "  persistent-state: n2 granted its vote in term 7 to n1");
    }

    @Test
    void summaryNamesVerdictProblemsUndecidedKeysOpsAndFaults() {
        CheckResult check = new CheckResult(Verdict.UNKNOWN, "kv", new History.Counts(3, 2, 1, 0, 0, 2), 60_000,
                "time budget of 60 s ran out", null,
                List.of(new KeyResult("7", Verdict.UNKNOWN, 900, 10, 60_000, "time budget ran out", null)));
        Stats stats = new Stats(Map.of("read", new Stats.Counts(2, 1, 0, Map.of("not-leader", 1))),
                Map.of("read", new Stats.Latency(2, 1.5, 3.0, 3.0, 3.0)), 2.0, 1.0);
        RunReport report = new RunReport("unknown", 2, List.of("checker undecided: time budget of 60 s ran out"),
                "kv-kill", 42, false, check, null, stats, AVAILABLE, null,
                List.of(Map.of("f", "start-kill"), Map.of("f", "stop-kill")), Map.of(), null);

        String summary = Summary.of(report, "results/kv-kill/20260101-000000");

        assertThat(summary).contains("run kv-kill, seed 42", "result: UNKNOWN (exit 2)",
                "  - checker undecided: time budget of 60 s ran out", "undecided key 7: time budget ran out",
                "read        2 ok", "p50 1.5", "fails: {not-leader=1}", "nemesis: {start-kill=1}",
                "results: results/kv-kill/20260101-000000");
    }
}
