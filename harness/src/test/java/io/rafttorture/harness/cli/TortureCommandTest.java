package io.rafttorture.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The root command dispatches to check and maps errors to exit code 3 with a message. */
class TortureCommandTest {
    @TempDir
    Path dir;

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
    void checkRunsAsASubcommand() throws Exception {
        Path file = Files.writeString(dir.resolve("h.jsonl"), "{\"type\":\"invoke\",\"f\":\"write\",\"value\":1,"
                + "\"process\":0}\n{\"type\":\"ok\",\"f\":\"write\",\"value\":1,\"process\":0}\n");

        Run run = run("check", file.toString());

        assertThat(run.exitCode()).as("err: %s", run.err()).isZero();
        assertThat(run.out()).contains("\"valid\" : true");
    }

    @Test
    void aBadHistoryNamesFileAndLineThroughTheRoot() throws Exception {
        Path file = Files.writeString(dir.resolve("h.jsonl"), "{\"type\":\"ok\",\"f\":\"write\",\"process\":0}\n");

        Run run = run("check", file.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("torture check: " + file + ":1: field \"process\":");
    }

    @Test
    void unknownSubcommandsAndNoSubcommandExitThree() {
        Run unknown = run("frobnicate");
        Run none = run();

        assertThat(unknown.exitCode()).isEqualTo(3);
        assertThat(unknown.err()).contains("frobnicate").contains("torture --help");
        assertThat(none.exitCode()).isEqualTo(3);
        assertThat(none.err()).contains("Usage: torture");
    }
}
