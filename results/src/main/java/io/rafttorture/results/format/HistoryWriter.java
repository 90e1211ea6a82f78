package io.rafttorture.results.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rafttorture.results.history.Op;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a history as JSON Lines, the project's own format, one event per line as it happens:
 * <pre>{"type":"ok","f":"read","value":["k1",3],"process":3,"time":123456,"index":7,"node":"n1"}</pre>
 * Fields in this order: type, f, value, process (a number, or "nemesis"), time, index, node, error; null fields
 * are left out. Each line is flushed as soon as it is written, so that a run that dies still leaves a checkable
 * history (flushed to the operating system, not fsynced).
 *
 * <p>Thread-safe: {@link #write(Op)} may be called from many client threads; it assigns indexes 0, 1, 2, ... in
 * the order lines reach the file, so file order, index order and the order of calls agree.
 */
public final class HistoryWriter implements Closeable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Writer out;
    private long nextIndex;

    /** Writes to {@code out}, which this writer closes. */
    public HistoryWriter(Writer out) {
        this.out = out;
    }

    /** Creates (or truncates) {@code file} and writes to it. */
    public static HistoryWriter open(Path file) throws IOException {
        return new HistoryWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    }

    /**
     * Appends {@code op} with the next index (its own index is ignored) and flushes.
     *
     * @return the op as written, with its index
     */
    public synchronized Op write(Op op) throws IOException {
        Op indexed = new Op(nextIndex, op.type(), op.f(), op.value(), op.process(), op.time(), op.node(),
                op.error());
        out.write(toJsonLine(indexed));
        out.write('\n');
        out.flush();
        nextIndex++;
        return indexed;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    /** Writes whole events, keeping their indexes (for export and conversion), and flushes. */
    public static void writeAll(List<Op> ops, Writer out) throws IOException {
        for (Op op : ops) {
            out.write(toJsonLine(op));
            out.write('\n');
        }
        out.flush();
    }

    /** One event as a line of JSON, without the newline. */
    public static String toJsonLine(Op op) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", op.type().keyword());
        fields.put("f", op.f());
        putIfPresent(fields, "value", op.value());
        fields.put("process", op.process());
        putIfPresent(fields, "time", op.time());
        fields.put("index", op.index());
        putIfPresent(fields, "node", op.node());
        putIfPresent(fields, "error", op.error());
        try {
            return MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            // Op values are plain data (numbers, strings, lists, maps); anything else is a programming error.
            throw new UncheckedIOException("cannot write " + op + " as JSON", e);
        }
    }

    private static void putIfPresent(Map<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
