package io.rafttorture.results.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shared conformance corpus (shared/corpus beside the repository), found by walking up from the working
 * directory, and its MANIFEST.tsv rows. Fails with a message saying where it looked when the corpus is absent.
 */
public final class Corpus {
    private static final Path MANIFEST = Path.of("shared", "corpus", "MANIFEST.tsv");

    private Corpus() {
    }

    /** One MANIFEST.tsv row; {@code file} is resolved against the corpus folder. */
    public record Entry(Path file, String path, String format, String model, String expectedVerdict, int ops,
                        String initialState, String notes) {
        @Override
        public String toString() {
            return path;
        }
    }

    /** The corpus folder (the one holding MANIFEST.tsv). */
    public static Path root() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(MANIFEST))) {
                return dir.resolve(MANIFEST).getParent();
            }
        }
        throw new IllegalStateException("conformance corpus not found: no " + MANIFEST + " in " + start
                + " or any folder above it (the corpus lives at ../shared/corpus beside the repository)");
    }

    /** Every row of MANIFEST.tsv, in file order. */
    public static List<Entry> entries() {
        Path root = root();
        try {
            List<String> lines = Files.readAllLines(root.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
            List<String> header = Arrays.asList(lines.get(0).split("\t", -1));
            List<Entry> entries = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    entries.add(entry(root, header, line.split("\t", -1)));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Entry entry(Path root, List<String> header, String[] cells) {
        String path = cells[header.indexOf("path")];
        return new Entry(root.resolve(path), path, cells[header.indexOf("format")], cells[header.indexOf("model")],
                cells[header.indexOf("expected_verdict")], Integer.parseInt(cells[header.indexOf("ops")]),
                cells[header.indexOf("initial_state")], cells[header.indexOf("notes")]);
    }
}
