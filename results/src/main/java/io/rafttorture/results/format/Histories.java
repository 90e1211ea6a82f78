package io.rafttorture.results.format;

import io.rafttorture.results.history.History;
import io.rafttorture.results.history.HistoryFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a history file in any {@link HistoryFormat}. Every problem with the input, a missing file included, is a
 * {@link HistoryFormatException} whose message names the file (as given), the line and the field.
 */
public final class Histories {
    /** Bytes read to detect a format: enough for leading comments and the first event. */
    private static final int HEAD_CHARS = 8192;

    private Histories() {
    }

    /** Reads {@code file}, detecting its format from content and extension. */
    public static History read(Path file) throws IOException {
        return read(file, null);
    }

    /**
     * Reads {@code file} in {@code format}, or detects it when {@code format} is null.
     *
     * @throws HistoryFormatException for a missing file, an undetectable format, or any bad event
     * @throws IOException            when the file exists but cannot be read
     */
    public static History read(Path file, HistoryFormat format) throws IOException {
        String source = file.toString();
        requireFile(file);
        HistoryFormat chosen = format != null ? format : detect(file);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, source, chosen);
        } catch (NoSuchFileException e) {
            throw new HistoryFormatException(source, 0, null, "no such file", e);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new HistoryFormatException(source, 0, null, "not UTF-8 text", e);
        }
    }

    /** Reads a history from {@code in}; {@code source} names it in messages. Does not close {@code in}. */
    public static History read(Reader in, String source, HistoryFormat format) throws IOException {
        return switch (format) {
            case JSONL -> new JsonlHistoryReader(source).read(in);
            case EDN -> new EdnHistoryReader(source, null).read(in);
            case PORCUPINE_KV -> new EdnHistoryReader(source, "key").read(in);
            case JEPSEN_LOG -> new JepsenLogReader(source).read(in);
        };
    }

    /** Reads history text in {@code format}, for tests and in-memory use. */
    public static History parse(String text, String source, HistoryFormat format) {
        try {
            return read(new StringReader(text), source, format);
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }

    /**
     * The format of {@code file}, from its first event, else its extension.
     *
     * @throws HistoryFormatException when the file is missing or neither content nor name tells the format
     */
    public static HistoryFormat detect(Path file) throws IOException {
        requireFile(file);
        char[] buffer = new char[HEAD_CHARS];
        int n;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            n = Math.max(0, in.read(buffer));
        } catch (java.nio.charset.MalformedInputException e) {
            throw new HistoryFormatException(file.toString(), 0, null, "not UTF-8 text", e);
        }
        String head = new String(buffer, 0, n);
        return HistoryFormat.detect(file.getFileName().toString(), head).orElseThrow(() ->
                new HistoryFormatException(file.toString(), 1, null, "cannot tell the history's format from its "
                        + "content or name; give --format (jsonl, edn, jepsen-log, porcupine-kv)"));
    }

    private static void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new HistoryFormatException(file.toString(), 0, null, Files.exists(file) ? "not a regular file"
                    : "no such file");
        }
    }
}
