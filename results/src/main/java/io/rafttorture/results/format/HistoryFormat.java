package io.rafttorture.results.format;

import java.util.Locale;
import java.util.Optional;

/**
 * The history formats {@link Histories} reads, by their command-line names.
 * <ul>
 *   <li>{@code jsonl}: the project's own JSON Lines ({@link HistoryWriter});</li>
 *   <li>{@code edn}: Knossos/Jepsen EDN, a vector or list of maps, or maps one after another (also
 *       {@code knossos-edn});</li>
 *   <li>{@code jepsen-log}: Jepsen's textual log, {@code INFO  jepsen.util - 3 :invoke :read nil};</li>
 *   <li>{@code porcupine-kv}: Porcupine's key-value histories, one EDN map per line with a :key; read into the
 *       independent {@code [key value]} convention, f being get, put or append.</li>
 * </ul>
 */
public enum HistoryFormat {
    JSONL("jsonl"),
    EDN("edn"),
    JEPSEN_LOG("jepsen-log"),
    PORCUPINE_KV("porcupine-kv");

    private final String cliName;

    HistoryFormat(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in MANIFEST.tsv. */
    public String cliName() {
        return cliName;
    }

    @Override
    public String toString() {
        return cliName;
    }

    /** The format with this name ("jsonl", "edn", "knossos-edn", "jepsen-log", "porcupine-kv"), if any. */
    public static Optional<HistoryFormat> byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("knossos-edn")) {
            return Optional.of(EDN);
        }
        for (HistoryFormat f : values()) {
            if (f.cliName.equals(n)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * Detects the format from the first event in {@code head} (the start of the file), falling back to the file
     * name's extension (.jsonl, .ndjson, .edn, .log) when the content says nothing (empty, comments only).
     *
     * @return empty when neither content nor extension tells
     */
    public static Optional<HistoryFormat> detect(String fileName, String head) {
        String first = firstEventLine(head);
        if (first == null) {
            return byExtension(fileName);
        }
        if (first.contains(JepsenLogReader.MARKER)) {
            return Optional.of(JEPSEN_LOG);
        }
        String compact = first.replaceAll("\\s+", "");
        if (compact.startsWith("{\"")) {
            return Optional.of(JSONL);
        }
        if (compact.startsWith("{:") && first.matches(".*[{,\\s]:key\\s.*")) {
            return Optional.of(PORCUPINE_KV);
        }
        if (compact.startsWith("{") || compact.startsWith("[") || compact.startsWith("(")) {
            return Optional.of(EDN);
        }
        return byExtension(fileName);
    }

    /** The first line that is neither blank nor an EDN comment, or null. */
    private static String firstEventLine(String head) {
        for (String line : head.split("\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith(";")) {
                return t;
            }
        }
        return null;
    }

    private static Optional<HistoryFormat> byExtension(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Optional.of(JSONL);
        }
        if (name.endsWith(".edn")) {
            return Optional.of(EDN);
        }
        return name.endsWith(".log") ? Optional.of(JEPSEN_LOG) : Optional.empty();
    }
}
