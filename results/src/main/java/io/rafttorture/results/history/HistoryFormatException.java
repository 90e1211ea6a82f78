package io.rafttorture.results.history;

/**
 * Bad input in a history: names the file, the line (1-based; 0 when unknown), the field (null when the problem is
 * not one field's) and the problem. {@link #getMessage()} reads like
 * {@code history.jsonl:12: field "type": unknown type "okay" (expected invoke, ok, fail, info)}.
 *
 * <p>Unchecked, so that code building histories in memory need not declare it; every reader and the CLI
 * catch it and show the message, never a stack trace.
 */
public class HistoryFormatException extends IllegalArgumentException {
    private final String file;
    private final int line;
    private final String field;
    private final String problem;

    public HistoryFormatException(String file, int line, String field, String problem) {
        this(file, line, field, problem, null);
    }

    public HistoryFormatException(String file, int line, String field, String problem, Throwable cause) {
        super(format(file, line, field, problem), cause);
        this.file = file;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    private static String format(String file, int line, String field, String problem) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (field != null) {
            sb.append("field \"").append(field).append("\": ");
        }
        return sb.append(problem).toString();
    }

    /** The file (or other source name) as the user gave it. */
    public String file() {
        return file;
    }

    /** 1-based line of the problem, 0 when unknown. */
    public int line() {
        return line;
    }

    /** The field at fault ("type", "process", "index", ...), or null. */
    public String field() {
        return field;
    }

    /** The problem alone, without file, line and field. */
    public String problem() {
        return problem;
    }
}
