package io.rafttorture.results.format;

import io.rafttorture.results.history.Op;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import us.bpsm.edn.EdnException;
import us.bpsm.edn.Keyword;
import us.bpsm.edn.Symbol;
import us.bpsm.edn.parser.Parseable;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;
import us.bpsm.edn.printer.Printer;
import us.bpsm.edn.printer.Printers;
import us.bpsm.edn.protocols.Protocol;

/**
 * Converts between edn-java's values and Op's: keywords and symbols become strings without the colon,
 * vectors, lists and sets become lists, maps keep their entries; numbers, strings, booleans and nil stay.
 * Printing goes the other way, with keywords only where {@link EdnHistoryWriter} asks for them.
 * Public for {@link #parse}, which command-line options use; the rest serves this package's readers and writers.
 */
public final class EdnValues {
    /** A string that reads back as the same name when printed as a keyword (:timeout, :not-found). */
    private static final Pattern KEYWORD_NAME = Pattern.compile("[A-Za-z*+!_?<>=-][A-Za-z0-9*+!_?<>=.:/'#-]*");

    private static final Parser.Config CONFIG = Parsers.defaultConfiguration();
    /** Built once: Printers.printString(Object) builds a new protocol on every call. */
    private static final Protocol<Printer.Fn<?>> PRINTER = Printers.defaultPrinterProtocol();

    private EdnValues() {
    }

    /**
     * Parses one EDN value ({@code 0}, {@code nil}, {@code ""}, {@code [1 2]}, {@code {:x 0}}) into Op's value types.
     *
     * @throws IllegalArgumentException naming the problem when {@code text} is not exactly one EDN value
     */
    public static Object parse(String text) {
        Parser parser = Parsers.newParser(CONFIG);
        // Not Parsers.newParseable(String): it detects the end of the text by catching an exception, per value.
        Parseable in = new LineCountingParseable(new StringReader(text));
        try {
            Object value = parser.nextValue(in);
            if (value == Parser.END_OF_INPUT) {
                throw new IllegalArgumentException("expected an EDN value, got nothing");
            }
            if (parser.nextValue(in) != Parser.END_OF_INPUT) {
                throw new IllegalArgumentException("expected one EDN value, got \"" + text + "\"");
            }
            return toJava(value);
        } catch (EdnException e) {
            throw new IllegalArgumentException("not an EDN value: \"" + text + "\" (" + e.getMessage() + ")", e);
        }
    }

    /** An edn-java value as an Op value. */
    static Object toJava(Object edn) {
        if (edn instanceof Keyword k) {
            return k.getPrefix() == null || k.getPrefix().isEmpty() ? k.getName() : k.getPrefix() + "/" + k.getName();
        }
        if (edn instanceof Symbol s) {
            return s.toString();
        }
        if (edn instanceof Character c) {
            return c.toString();
        }
        if (edn instanceof Collection<?> items) {
            List<Object> out = new ArrayList<>(items.size());
            for (Object item : items) {
                out.add(toJava(item));
            }
            return Collections.unmodifiableList(out);
        }
        if (edn instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(toJava(k), toJava(v)));
            return Collections.unmodifiableMap(out);
        }
        return edn;
    }

    /** An EDN map's entries with keyword keys by name, values converted. */
    static Map<String, Object> fields(Map<?, ?> ednMap) {
        Map<String, Object> out = new LinkedHashMap<>();
        ednMap.forEach((k, v) -> {
            Object key = toJava(k);
            if (key instanceof String name) {
                out.put(name, toJava(v));
            }
        });
        return out;
    }

    /** True when {@code s} prints as a keyword that reads back as {@code s}. */
    static boolean isKeywordName(String s) {
        return KEYWORD_NAME.matcher(s).matches() && !s.equals("nil") && !s.equals("true") && !s.equals("false");
    }

    /** Appends {@code name} as a keyword (caller checked {@link #isKeywordName}). */
    static void appendKeyword(StringBuilder out, String name) {
        out.append(':').append(name);
    }

    /** Appends an Op value as EDN data: strings as strings, lists as vectors, maps as maps. */
    static void appendValue(StringBuilder out, Object value) {
        if (value instanceof Collection<?> items) {
            out.append('[');
            String sep = "";
            for (Object item : items) {
                out.append(sep);
                appendValue(out, item);
                sep = " ";
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String sep = "";
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(sep);
                appendValue(out, e.getKey());
                out.append(' ');
                appendValue(out, e.getValue());
                sep = ", ";
            }
            out.append('}');
        } else if (value instanceof Long || value instanceof Boolean || value == null) {
            out.append(value == null ? "nil" : value.toString());
        } else if (value instanceof String || value instanceof Number) {
            out.append(Printers.printString(PRINTER, value));
        } else {
            out.append(Printers.printString(PRINTER, value.toString()));
        }
    }

    /** Appends a process: a number, or :nemesis. */
    static void appendProcess(StringBuilder out, Object process) {
        if (Op.NEMESIS.equals(process)) {
            appendKeyword(out, Op.NEMESIS);
        } else {
            appendValue(out, process);
        }
    }
}
