package io.rafttorture.results.format;

import io.rafttorture.results.history.History;
import io.rafttorture.results.history.HistoryFormatException;
import java.io.IOException;
import java.io.Reader;
import java.util.Map;
import us.bpsm.edn.EdnException;
import us.bpsm.edn.EdnIOException;
import us.bpsm.edn.parser.Parseable;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/**
 * Reads EDN histories with edn-java: Knossos' files (one vector or list of maps, with comments and commas),
 * Jepsen's history.edn (maps one after another, no enclosing collection), and porcupine-kv (maps one per line,
 * whose :key is folded into the value as the independent {@code [key value]} tuple).
 *
 * <p>Each map is one event; see {@link OpDecoder} for the fields. A missing :value is nil, unknown keys are
 * ignored. Errors name the line where the bad map (or the syntax error) is.
 */
final class EdnHistoryReader {
    private final String source;
    private final OpDecoder decoder;
    private final Parser parser = Parsers.newParser(Parsers.defaultConfiguration());

    /** @param keyField "key" for porcupine-kv, null for plain EDN */
    EdnHistoryReader(String source, String keyField) {
        this.source = source;
        this.decoder = new OpDecoder(source, keyField);
    }

    History read(Reader reader) throws IOException {
        LineCountingParseable in = new LineCountingParseable(reader);
        History.Builder history = History.builder(source);
        int first = in.skipBlanks();
        int closer = first == '[' ? ']' : first == '(' ? ')' : Parseable.END_OF_INPUT;
        if (closer != Parseable.END_OF_INPUT) {
            in.read();
        } else if (first != '{' && first != Parseable.END_OF_INPUT) {
            throw new HistoryFormatException(source, in.line(), null, "expected a vector [ ], a list ( ) or maps "
                    + "{ } of events, found '" + (char) first + "'");
        }
        readEvents(in, closer, history);
        return history.build();
    }

    private void readEvents(LineCountingParseable in, int closer, History.Builder history) throws IOException {
        long nextIndex = 0;
        while (true) {
            int c = in.skipBlanks();
            if (c == closer) {
                in.read();
                expectEnd(in, closer);
                return;
            }
            if (c == Parseable.END_OF_INPUT) {
                throw new HistoryFormatException(source, in.line(), null, "unexpected end of file: missing the "
                        + "closing '" + (char) closer + "'");
            }
            int line = in.line();
            Object value = nextValue(in, line);
            if (!(value instanceof Map<?, ?> map)) {
                throw new HistoryFormatException(source, line, null, "expected a map {:type ..., :f ..., "
                        + ":process ...} for each event, got " + OpDecoder.describe(EdnValues.toJava(value)));
            }
            var op = decoder.decode(EdnValues.fields(map), line, nextIndex);
            history.add(op, line);
            nextIndex = op.index() + 1;
        }
    }

    /** The next value; a syntax error names its line, or the event's first line when the file ends inside it. */
    private Object nextValue(LineCountingParseable in, int startLine) throws IOException {
        try {
            return parser.nextValue(in);
        } catch (EdnIOException e) {
            throw e.getCause() != null ? e.getCause() : new IOException(e.getMessage(), e);
        } catch (EdnException e) {
            if (in.peek() == Parseable.END_OF_INPUT) {
                throw new HistoryFormatException(source, startLine, null, "EDN syntax error: " + e.getMessage()
                        + " (the file ends inside the event that starts on this line)", e);
            }
            throw new HistoryFormatException(source, in.line(), null, "EDN syntax error: " + e.getMessage(), e);
        }
    }

    private void expectEnd(LineCountingParseable in, int closer) throws IOException {
        int c = in.skipBlanks();
        if (c != Parseable.END_OF_INPUT) {
            throw new HistoryFormatException(source, in.line(), null, "unexpected '" + (char) c + "' after the "
                    + "closing '" + (char) closer + "' of the history");
        }
    }
}
