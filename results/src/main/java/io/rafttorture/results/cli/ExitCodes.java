package io.rafttorture.results.cli;

import io.rafttorture.results.history.HistoryFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Exit codes of the {@code torture} commands, and picocli handlers that turn every error into a one-line message
 * and its code, never a stack trace.
 */
public final class ExitCodes {
    /** The history is linearizable (or, for other commands, success). */
    public static final int VALID = 0;
    /** The history is not linearizable. */
    public static final int INVALID = 1;
    /** The checker could not decide (a budget ran out, or it failed). */
    public static final int UNKNOWN = 2;
    /** Bad input: bad options, a missing or unreadable file, a malformed history. */
    public static final int BAD_INPUT = 3;
    /** A bug in torture itself: the message says what failed. */
    public static final int INTERNAL_ERROR = 4;

    private ExitCodes() {
    }

    /** Installs the handlers on {@code cmd} and its subcommands (add subcommands first); returns {@code cmd}. */
    public static CommandLine configure(CommandLine cmd) {
        cmd.setParameterExceptionHandler(ExitCodes::badOptions);
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> failed(e, commandLine));
        return cmd;
    }

    /**
     * Runs {@code cmd} (configured by {@link #configure}) on {@code args} and returns its exit code. An Error that
     * escapes the command (picocli's handlers see only Exceptions) becomes one line on stderr and
     * {@link #INTERNAL_ERROR}: left to the JVM it would exit 1, which for {@code check} means "not linearizable".
     */
    public static int execute(CommandLine cmd, String... args) {
        try {
            return cmd.execute(args);
        } catch (Error e) {
            PrintWriter err = cmd.getErr();
            err.println(cmd.getCommandSpec().qualifiedName() + ": internal error: " + e);
            err.flush();
            return INTERNAL_ERROR;
        }
    }

    private static int badOptions(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return BAD_INPUT;
    }

    private static int failed(Exception e, CommandLine cmd) {
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        int code;
        if (e instanceof HistoryFormatException) {
            err.println(name + ": " + e.getMessage());
            code = BAD_INPUT;
        } else if (e instanceof IOException) {
            err.println(name + ": cannot read input: " + e.getMessage());
            code = BAD_INPUT;
        } else {
            err.println(name + ": internal error: " + e);
            code = INTERNAL_ERROR;
        }
        err.flush();
        return code;
    }
}
