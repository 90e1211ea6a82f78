package io.rafttorture.harness.cli;

import io.rafttorture.results.cli.ExitCodes;
import io.rafttorture.results.history.HistoryFormatException;
import io.rafttorture.results.html.ReportPage;
import io.rafttorture.results.html.RunInputException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code torture report RUN_DIR}: (re)writes report.html, latency.png and rate.png in a run folder with
 * {@link ReportPage} and prints report.html's path on stdout. Exit 3 with one line on stderr naming the problem
 * when the folder is not a run (no such directory, no history.jsonl) or one of its files is malformed.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes report.html (timeline of operations, faults and node roles; latency and rate charts; "
            + "a Raft worksheet per node), latency.png and rate.png into a run folder and prints the report's path.", ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report written", "3:not a run folder, or a malformed file in it (the message names it)"})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A run folder, e.g. results/latest or results/kv-kill/20260101-120000.")
    Path runDir;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(runDir)) return error(runDir + " is not a run folder: no such directory");
        if (!Files.isRegularFile(runDir.resolve("history.jsonl"))) {
            return error(runDir + " is not a run folder: it has no history.jsonl (torture run writes one per run)");
        }
        Path report;
        try {
            report = ReportPage.write(runDir);
        } catch (RunInputException | HistoryFormatException e) {
            return error(e.getMessage()); // names the file and line, e.g. ".../history.jsonl:2: unparseable line"
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(report);
        out.flush();
        return ExitCodes.VALID;
    }

    private int error(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("torture report: " + message);
        err.flush();
        return ExitCodes.BAD_INPUT;
    }
}
