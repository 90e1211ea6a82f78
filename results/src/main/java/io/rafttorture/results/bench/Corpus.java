package io.rafttorture.results.bench;

import io.rafttorture.results.checker.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The conformance corpus: real histories of Porcupine and Knossos with the verdicts their own tests assert, kept in
 * the repository as test data ({@value #IN_REPOSITORY}, with their licences and a README). Its MANIFEST.tsv rows
 * carry each row's model, initial state and expected verdict in the checker's terms. Used by the benchmark and the
 * conformance tests.
 */
public record Corpus(Path root) {
    static final String IN_REPOSITORY = "results/src/test/resources/conformance";

    /**
     * One MANIFEST.tsv row: the columns the checker needs.
     *
     * @param path         file path relative to the corpus folder
     * @param format       jepsen-log, porcupine-kv or knossos-edn
     * @param model        cas-register, multi-register, mutex or kv
     * @param expected     linearizable, not-linearizable or unknown
     * @param ops          client operations in the history
     * @param initialState the initial_state column, e.g. "nil (key absent)", "0", "{:x 0 :y 0}"
     */
    public record Row(String path, String format, String model, String expected, int ops, String initialState) {
        @Override
        public String toString() {
            return path;
        }

        /**
         * The expected verdict. "unknown" marks the one empty file, which has no upstream verdict: an empty
         * history is trivially linearizable, so VALID.
         */
        public Verdict expectedVerdict() {
            return switch (expected) {
                case "linearizable", "unknown" -> Verdict.VALID;
                case "not-linearizable" -> Verdict.INVALID;
                default -> throw new IllegalArgumentException("MANIFEST.tsv, " + path
                        + ": unknown expected_verdict \"" + expected + "\"");
            };
        }

        /**
         * The initial state as a model's initial value: nil for "nil (key absent)" and "unlocked", "" for
         * Porcupine's strings, 0 for "{:x 0 :y 0}" (every register starts at 0), else the integer.
         */
        public Object initialValue() {
            if (initialState.startsWith("nil") || initialState.equals("unlocked")) {
                return null;
            }
            if (initialState.startsWith("\"\"")) {
                return "";
            }
            if (initialState.equals("{:x 0 :y 0}")) {
                return 0L;
            }
            try {
                return Long.parseLong(initialState.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("MANIFEST.tsv, " + path + ": unknown initial_state \""
                        + initialState + "\"", e);
            }
        }
    }

    /** Walks up from the working directory (the repository or one of its folders) to the corpus. */
    public static Optional<Corpus> locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(IN_REPOSITORY);
            if (Files.isRegularFile(candidate.resolve("MANIFEST.tsv"))) {
                return Optional.of(new Corpus(candidate));
            }
        }
        return Optional.empty();
    }

    /** The corpus of the repository holding the working directory; fails saying where it looked. */
    public static Corpus inRepository() {
        return locate().orElseThrow(() -> new IllegalStateException("conformance corpus not found: no "
                + IN_REPOSITORY + "/MANIFEST.tsv in " + Path.of("").toAbsolutePath() + " or any folder above it"));
    }

    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    /** Every row of MANIFEST.tsv, in file order. */
    public List<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(root.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int path = column(header, "path");
        int format = column(header, "format");
        int model = column(header, "model");
        int expected = column(header, "expected_verdict");
        int ops = column(header, "ops");
        int initial = column(header, "initial_state");
        return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t", -1))
                .map(f -> new Row(f[path], f[format], f[model], f[expected], Integer.parseInt(f[ops]), f[initial]))
                .toList();
    }

    private static int column(List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("MANIFEST.tsv has no column \"" + name + "\"; columns: " + header);
        }
        return i;
    }
}
