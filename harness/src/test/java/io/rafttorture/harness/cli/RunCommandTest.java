package io.rafttorture.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `torture run`: help documents every option; bad options exit 3 with one clear line, before any container. */
class RunCommandTest {
    @Test
    void helpListsEveryOptionAndTheExitCodes() {
        CliRun help = CliRun.of("run", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--nodes", "--time-limit", "--concurrency", "--rate", "--workload", "--keys",
                "--nemesis", "--nemesis-interval", "--seed", "--tick-ms", "--heartbeat-ms", "--election-min-ms",
                "--election-max-ms", "--bug", "--results-dir", "--test-count", "--allow-unavailable",
                "0   valid", "3   error");
    }

    @Test
    void badOptionsExitThreeNamingTheOption() {
        assertThat(CliRun.of("run", "--nodes", "12")).satisfies(r -> {
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.err()).startsWith("torture run: --nodes must be 1-8, got 12");
        });
        assertThat(CliRun.of("run", "--bug", "typo").err()).contains("--bug: unknown bug 'typo'; known: none, stale-read");
        assertThat(CliRun.of("run", "--nemesis", "partition,flood").err()).contains("unknown fault \"flood\"");
        assertThat(CliRun.of("run", "--time-limit", "-1").err()).contains("--time-limit must be a positive number");
        assertThat(CliRun.of("run", "--test-count", "0").exitCode()).isEqualTo(3);
        assertThat(CliRun.of("run", "--rate", "fast")).satisfies(r -> {
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.err()).contains("--rate").contains("fast");
        });
    }

    @Test
    void aResultsDirectoryThatCannotBeCreatedExitsThree(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");

        CliRun run = CliRun.of("run", "--results-dir", file.toString(), "--nemesis", "none");

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
