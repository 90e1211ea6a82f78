package io.rafttorture.results.format;

import io.rafttorture.results.history.History;
import io.rafttorture.results.history.HistoryFormatException;
import io.rafttorture.results.history.Op;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;

/**
 * Turns one event's fields (names without EDN's colon, values already converted to Op's value types) into an
 * {@link Op}, naming the field at fault. Shared by every format so they all accept and reject the same things.
 * Unknown fields are ignored, as Knossos does.
 */
final class OpDecoder {
    private static final String TYPES = "invoke, ok, fail, info";

    private final String source;
    private final String keyField;

    /**
     * @param source   file name for messages
     * @param keyField when non-null (porcupine-kv's "key"), this required field is folded into the value as
     *                 Jepsen's independent {@code [key value]} tuple
     */
    OpDecoder(String source, String keyField) {
        this.source = source;
        this.keyField = keyField;
    }

    /** Splits one line of a line-oriented format into an event's fields, naming the line in any error. */
    interface LineFields {
        Map<String, Object> fields(String line, int lineNumber);
    }

    /**
     * Reads a format with one event per line (JSON Lines, Jepsen's log): blank lines are skipped, every other line
     * must be an event, so a truncated or foreign file is reported rather than half read.
     */
    History readLines(Reader reader, LineFields format) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        History.Builder history = History.builder(source);
        long nextIndex = 0;
        int lineNumber = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            Op op = decode(format.fields(line, lineNumber), lineNumber, nextIndex);
            history.add(op, lineNumber);
            nextIndex = op.index() + 1;
        }
        return history.build();
    }

    /** Decodes an event found at {@code line}; {@code naturalIndex} is used when the event has no index. */
    Op decode(Map<String, Object> fields, int line, long naturalIndex) {
        Op.Type type = type(fields.get("type"), line);
        String f = f(fields.get("f"), line);
        Object process = process(fields.get("process"), line);
        Object value = value(fields, line);
        Long time = optionalLong(fields, "time", line);
        Long index = optionalLong(fields, "index", line);
        Object node = fields.get("node");
        if (node != null && !(node instanceof String)) {
            throw error(line, "node", "expected a string, got " + describe(node));
        }
        return new Op(index == null ? naturalIndex : index, type, f, value, process, time, (String) node,
                fields.get("error"));
    }

    private Op.Type type(Object raw, int line) {
        if (raw == null) {
            throw error(line, "type", "missing (expected " + TYPES + ")");
        }
        if (raw instanceof String s) {
            for (Op.Type t : Op.Type.values()) {
                if (t.keyword().equals(s)) {
                    return t;
                }
            }
        }
        throw error(line, "type", "unknown type " + describe(raw) + " (expected " + TYPES + ")");
    }

    private String f(Object raw, int line) {
        if (raw == null) {
            throw error(line, "f", "missing (expected the operation's name, e.g. read)");
        }
        if (!(raw instanceof String s) || s.isEmpty()) {
            throw error(line, "f", "expected a name such as read, got " + describe(raw));
        }
        return s;
    }

    private Object process(Object raw, int line) {
        if (raw instanceof Long || Op.NEMESIS.equals(raw)) {
            return raw;
        }
        String problem = raw == null ? "missing" : "got " + describe(raw);
        throw error(line, "process", problem + " (expected an integer, or nemesis)");
    }

    private Object value(Map<String, Object> fields, int line) {
        Object value = fields.get("value");
        if (keyField == null) {
            return value;
        }
        Object key = fields.get(keyField);
        if (key == null) {
            throw error(line, keyField, "missing (expected the key this event reads or writes)");
        }
        return Collections.unmodifiableList(Arrays.asList(key, value));
    }

    private Long optionalLong(Map<String, Object> fields, String name, int line) {
        Object raw = fields.get(name);
        if (raw == null || raw instanceof Long) {
            return (Long) raw;
        }
        String why = raw instanceof BigInteger ? "integer out of range: " + raw : "expected an integer, got "
                + describe(raw);
        throw error(line, name, why);
    }

    private HistoryFormatException error(int line, String field, String problem) {
        return new HistoryFormatException(source, line, field, problem);
    }

    /** A value for messages: strings quoted, collections named. */
    static String describe(Object value) {
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof java.util.List<?> || value instanceof java.util.Set<?>) {
            return "list " + value;
        }
        return value instanceof Map<?, ?> ? "map " + value : String.valueOf(value);
    }
}
