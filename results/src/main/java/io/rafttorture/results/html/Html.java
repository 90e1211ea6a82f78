package io.rafttorture.results.html;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Escaping and number formats shared by the sections: every text that reaches the page goes through here (and
 * the text of {@code torture serve}'s pages too).
 */
public final class Html {
    private Html() {
    }

    /** {@code text} escaped for an HTML or SVG text node or a quoted attribute; null becomes "". */
    public static String esc(Object text) {
        if (text == null) return "";
        String s = text.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code text} cut to {@code max} characters (with an ellipsis), so that no value can blow up the page. */
    static String cap(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    /** A JSON value in one short line: text without quotes, anything else compact JSON. */
    static String brief(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) return "";
        return node.isTextual() ? node.textValue() : node.toString();
    }

    /** An operation's value as Knossos prints it: nil, numbers, [a b] lists. */
    static String show(Object value) {
        if (value == null) return "nil";
        if (value instanceof java.util.List<?> list) {
            StringBuilder s = new StringBuilder("[");
            for (Object item : list) s.append(s.length() > 1 ? " " : "").append(show(item));
            return s.append(']').toString();
        }
        return value.toString();
    }

    /** Seconds with three decimals, e.g. "6.998". */
    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    /** One decimal, for pixels and milliseconds. */
    static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
