package io.rafttorture.harness.runner;

import io.rafttorture.results.history.Op;
import io.rafttorture.results.report.RunReport;

import java.nio.file.Path;
import java.util.List;

/**
 * What a torture run produced.
 *
 * @param exitCode 0 valid, 1 invalid, 2 unknown, 3 error ({@link RunReport})
 * @param folder   the run folder (history, results.json, summary.txt, node logs)
 * @param report   results.json's content
 * @param summary  summary.txt's content
 * @param history  every recorded event, in order (client and nemesis)
 */
public record RunResult(int exitCode, Path folder, RunReport report, String summary, List<Op> history) {
    public boolean isValid() {
        return exitCode == RunReport.VALID;
    }

    public boolean isInvalid() {
        return exitCode == RunReport.INVALID;
    }

    /** Events of one type from client processes. */
    public List<Op> clientOps(Op.Type type) {
        return history.stream().filter(op -> !op.isNemesis() && op.type() == type).toList();
    }

    public List<Op> nemesisOps() {
        return history.stream().filter(Op::isNemesis).toList();
    }
}
