package io.rafttorture.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The root command dispatches to check and maps errors to exit code 3 with a message. */
class TortureCommandTest {
    @TempDir
    Path dir;

    @Test
    void checkRunsAsASubcommand() throws Exception {
        Path file = Files.writeString(dir.resolve("h.jsonl"), "{\"type\":\"invoke\",\"f\":\"write\",\"value\":1,"
                + "\"process\":0}\n{\"type\":\"ok\",\"f\":\"write\",\"value\":1,\"process\":0}\n");

        CliRun run = CliRun.of("check", file.toString());

        assertThat(run.exitCode()).as("err: %s", run.err()).isZero();
        assertThat(run.out()).contains("\"valid\" : true");
    }

    @Test
    void aBadHistoryNamesFileAndLineThroughTheRoot() throws Exception {
        Path file = Files.writeString(dir.resolve("h.jsonl"), "{\"type\":\"ok\",\"f\":\"write\",\"process\":0}\n");

        CliRun run = CliRun.of("check", file.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("torture check: " + file + ":1: field \"process\":");
    }

    @Test
    void unknownSubcommandsAndNoSubcommandExitThree() {
        CliRun unknown = CliRun.of("frobnicate");
        CliRun none = CliRun.of();

        assertThat(unknown.exitCode()).isEqualTo(3);
        assertThat(unknown.err()).contains("frobnicate").contains("torture --help");
        assertThat(none.exitCode()).isEqualTo(3);
        assertThat(none.err()).contains("Usage: torture");
    }
}
