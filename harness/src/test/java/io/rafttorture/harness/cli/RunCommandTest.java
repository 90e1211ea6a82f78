package io.rafttorture.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `torture run`: help documents every option; bad options exit 3 with one clear line, before any container. */
class RunCommandTest {
    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = TortureCommand.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return new Run(cmd.execute(args), out.toString(), err.toString());
    }

    @Test
    void helpListsEveryOptionAndTheExitCodes() {
        Run help = run("run", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--nodes", "--time-limit", "--concurrency", "--rate", "--workload", "--keys",
                "--nemesis", "--nemesis-interval", "--seed", "--heartbeat-ms", "--election-min-ms",
                "--election-max-ms", "--bug", "--results-dir", "--test-count", "--allow-unavailable",
                "0   valid", "3   error");
    }

    @Test
    void badOptionsExitThreeNamingTheOption() {
        assertThat(run("run", "--nodes", "12")).satisfies(r -> {
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.err()).startsWith("torture run: --nodes must be 1-8, got 12");
        });
        assertThat(run("run", "--bug", "typo").err()).contains("--bug: unknown bug 'typo'; known: none, stale-read");
        assertThat(run("run", "--nemesis", "partition,flood").err()).contains("unknown fault \"flood\"");
        assertThat(run("run", "--time-limit", "-1").err()).contains("--time-limit must be a positive number");
        assertThat(run("run", "--test-count", "0").exitCode()).isEqualTo(3);
        assertThat(run("run", "--rate", "fast")).satisfies(r -> {
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.err()).contains("--rate").contains("fast");
        });
    }

    @Test
    void aResultsDirectoryThatCannotBeCreatedExitsThree(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");

        Run run = run("run", "--results-dir", file.toString(), "--nemesis", "none");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("torture run: cannot create a run folder under " + file);
    }

    @Test
    void repeatedRunsReportTheWorstOutcome() {
        assertThat(RunCommand.worse(0, 2)).isEqualTo(2);
        assertThat(RunCommand.worse(2, 3)).isEqualTo(3);
        assertThat(RunCommand.worse(3, 1)).isEqualTo(1);
        assertThat(RunCommand.worse(0, 0)).isZero();
    }
}
