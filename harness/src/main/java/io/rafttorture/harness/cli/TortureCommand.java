package io.rafttorture.harness.cli;

import io.rafttorture.results.cli.CheckCommand;
import io.rafttorture.results.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code torture} command line: {@code torture check FILE ...}, {@code torture run [OPTIONS]}, {@code torture
 * report RUN_DIR}, {@code torture replay RUN_DIR [--test-count N]} and {@code torture serve [OPTIONS]}; more
 * subcommands join {@link #commandLine()}. Exit codes are {@link ExitCodes}'; every error is one line on stderr,
 * never a stack trace.
 */
@Command(name = "torture", mixinStandardHelpOptions = true, version = "raft-torture 0.1.0",
        description = "Jepsen-style fault-injection harness for a Raft key-value store.",
        subcommands = {CheckCommand.class, RunCommand.class, SweepCommand.class, ReportCommand.class, ServeCommand.class,
            ReplayCommand.class, CommandLine.HelpCommand.class})
public final class TortureCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Without a subcommand: usage on stderr, exit 3 (bad options). */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }

    /** The command line with every subcommand and the error handlers installed. */
    public static CommandLine commandLine() {
        return ExitCodes.configure(new CommandLine(new TortureCommand()));
    }

    public static void main(String[] args) {
        System.exit(ExitCodes.execute(commandLine(), args));
    }
}
