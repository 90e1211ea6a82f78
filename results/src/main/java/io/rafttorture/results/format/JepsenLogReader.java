package io.rafttorture.results.format;

import io.rafttorture.results.history.History;
import io.rafttorture.results.history.HistoryFormatException;
import java.io.IOException;
import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads Jepsen's textual log of client operations, one per line:
 * {@code INFO  jepsen.util - PROCESS TYPE F VALUE}, fields separated by tabs or spaces, VALUE being the rest of the
 * line (it may hold spaces: {@code [2 5]}). Anything before "jepsen.util - " (a timestamp, a thread name) is
 * ignored. Each field is EDN ({@code 3}, {@code :nemesis}, {@code :invoke}, {@code nil}, {@code :timed-out}) and
 * is kept as written: {@code :fail :read :timed-out} has the value "timed-out".
 *
 * <p>Blank lines are skipped; every other line must be an event, so that a truncated or foreign file is reported
 * rather than half read.
 */
final class JepsenLogReader {
    static final String MARKER = "jepsen.util - ";
    private static final String SHAPE = "expected \"INFO  jepsen.util - PROCESS TYPE F VALUE\"";

    private final String source;
    private final OpDecoder decoder;

    JepsenLogReader(String source) {
        this.source = source;
        this.decoder = new OpDecoder(source, null);
    }

    History read(Reader reader) throws IOException {
        return decoder.readLines(reader, this::fields);
    }

    private Map<String, Object> fields(String line, int lineNumber) {
        int at = line.indexOf(MARKER);
        if (at < 0) {
            throw new HistoryFormatException(source, lineNumber, null, "unparseable line: " + SHAPE + ", got \""
                    + line + "\"");
        }
        String rest = line.substring(at + MARKER.length()).strip();
        String[] parts = rest.isEmpty() ? new String[0] : rest.split("\\s+", 4);
        if (parts.length < 4) {
            String[] names = {"process", "type", "f", "value"};
            throw new HistoryFormatException(source, lineNumber, names[parts.length], "missing: " + SHAPE
                    + ", got \"" + line + "\"");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("process", edn(parts[0], "process", lineNumber));
        fields.put("type", edn(parts[1], "type", lineNumber));
        fields.put("f", edn(parts[2], "f", lineNumber));
        fields.put("value", edn(parts[3], "value", lineNumber));
        return fields;
    }

    /** One field's text as a single EDN value. */
    private Object edn(String text, String field, int lineNumber) {
        try {
            return EdnValues.parse(text);
        } catch (IllegalArgumentException e) {
            throw new HistoryFormatException(source, lineNumber, field, e.getMessage(), e);
        }
    }
}
