package io.rafttorture.results.html;

/**
 * A run folder's file that cannot be read as expected. The message names the file, the line (when known) and the
 * problem, e.g. {@code nodes/n2.log:17: not a JSON object}; callers show it, never a stack trace.
 */
public class RunInputException extends IllegalArgumentException {
    public RunInputException(String file, int line, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
    }

    public RunInputException(String file, int line, String problem) {
        this(file, line, problem, null);
    }
}
