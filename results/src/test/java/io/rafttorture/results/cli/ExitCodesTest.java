package io.rafttorture.results.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Errors that escape a command end in one line and an exit code that no verdict uses. */
class ExitCodesTest {
    @Command(name = "crash")
    static final class Crash implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Test
    void anErrorEscapingTheCommandExitsFourInOneLine() {
        StringWriter err = new StringWriter();
        CommandLine cmd = ExitCodes.configure(new CommandLine(new Crash()));
        cmd.setErr(new PrintWriter(err));

        int code = ExitCodes.execute(cmd);

        assertThat(code).as("not 1, which would read as 'not linearizable'").isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(err.toString()).isEqualTo("crash: internal error: java.lang.OutOfMemoryError: Java heap space"
                + System.lineSeparator());
    }
}
