package io.rafttorture.results.format;

import io.rafttorture.results.history.Op;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a history as EDN that Knossos and Elle read: one vector, one map per line, e.g.
 * <pre>{:type :ok, :f :read, :value ["k1" 3], :process 3, :time 123, :index 7}</pre>
 * type and f are keywords, a nemesis process is :nemesis, an error that is a plain name is a keyword
 * (:timeout); values are data, so strings stay strings. Null fields are left out (Knossos reads a missing :value
 * as nil).
 */
public final class EdnHistoryWriter {
    private EdnHistoryWriter() {
    }

    /** Writes {@code ops} as one EDN vector and flushes; does not close {@code out}. */
    public static void write(List<Op> ops, Writer out) throws IOException {
        out.write('[');
        for (int i = 0; i < ops.size(); i++) {
            if (i > 0) {
                out.write("\n ");
            }
            out.write(toEdn(ops.get(i)));
        }
        out.write("]\n");
        out.flush();
    }

    /** One event as an EDN map. */
    public static String toEdn(Op op) {
        StringBuilder out = new StringBuilder("{:type ");
        EdnValues.appendKeyword(out, op.type().keyword());
        out.append(", :f ");
        appendName(out, op.f());
        if (op.value() != null) {
            out.append(", :value ");
            EdnValues.appendValue(out, op.value());
        }
        out.append(", :process ");
        EdnValues.appendProcess(out, op.process());
        if (op.time() != null) {
            out.append(", :time ").append(op.time());
        }
        out.append(", :index ").append(op.index());
        if (op.node() != null) {
            out.append(", :node ");
            EdnValues.appendValue(out, op.node());
        }
        if (op.error() != null) {
            out.append(", :error ");
            if (op.error() instanceof String name) {
                appendName(out, name);
            } else {
                EdnValues.appendValue(out, op.error());
            }
        }
        return out.append('}').toString();
    }

    /** A name as a keyword when it reads back unchanged, else as a string. */
    private static void appendName(StringBuilder out, String name) {
        if (EdnValues.isKeywordName(name)) {
            EdnValues.appendKeyword(out, name);
        } else {
            EdnValues.appendValue(out, name);
        }
    }
}
