package io.rafttorture.results.format;

import java.io.IOException;
import java.io.Reader;
import us.bpsm.edn.parser.Parseable;

/**
 * edn-java's character source, counting lines so that syntax errors and events can name theirs. edn-java reports
 * no positions itself.
 */
final class LineCountingParseable implements Parseable {
    private final Reader reader;
    private final int[] pushedBack = new int[8];
    private int pushed;
    private int line = 1;

    LineCountingParseable(Reader reader) {
        this.reader = reader;
    }

    /** 1-based line of the next character to be read. */
    int line() {
        return line;
    }

    @Override
    public int read() throws IOException {
        int c = pushed > 0 ? pushedBack[--pushed] : reader.read();
        if (c == '\n') {
            line++;
        }
        return c < 0 ? END_OF_INPUT : c;
    }

    @Override
    public void unread(int c) throws IOException {
        if (c == END_OF_INPUT) {
            return;
        }
        if (pushed == pushedBack.length) {
            throw new IOException("edn: too many characters pushed back");
        }
        if (c == '\n') {
            line--;
        }
        pushedBack[pushed++] = c;
    }

    /** Next character without consuming it, or END_OF_INPUT. */
    int peek() throws IOException {
        int c = read();
        unread(c);
        return c;
    }

    /** Skips EDN whitespace (commas included) and ; comments; returns the next character, unread. */
    int skipBlanks() throws IOException {
        while (true) {
            int c = read();
            if (c == ';') {
                while (c != '\n' && c != END_OF_INPUT) {
                    c = read();
                }
            } else if (c == END_OF_INPUT || !(Character.isWhitespace(c) || c == ',')) {
                unread(c);
                return c;
            }
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
