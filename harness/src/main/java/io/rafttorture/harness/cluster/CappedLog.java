package io.rafttorture.harness.cluster;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongFunction;

/**
 * An append-only file of lines that stops growing at a cap: lines are written (and flushed, so a reader sees them
 * at once) while the file stays within {@code maxBytes}; the first line that does not fit is replaced by one marker
 * line saying so, and every later line is dropped. The file thus holds at most {@code maxBytes} of lines plus that
 * marker. A file that exists already is appended to and its size counts toward the cap. Not thread-safe: the caller
 * ({@link NodeLog}) serialises writes.
 */
final class CappedLog implements Closeable {
    private final Path file;
    private final long maxBytes;
    private final LongFunction<String> markerLine;
    private final OutputStream out;
    private long bytes;
    private boolean capped;

    /**
     * @param maxBytes   the cap, at least 1
     * @param markerLine the marker for a cap of N bytes (without the line break), e.g. "log capped at N bytes"
     */
    CappedLog(Path file, long maxBytes, LongFunction<String> markerLine) {
        if (maxBytes < 1) throw new IllegalArgumentException("a log cap must be at least 1 byte, got " + maxBytes);
        this.file = file;
        this.maxBytes = maxBytes;
        this.markerLine = markerLine;
        try {
            this.out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND));
            this.bytes = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    /** Appends {@code line} and a line break, or the marker once the cap is reached; false when the line was dropped. */
    boolean append(String line) {
        if (capped) return false;
        byte[] encoded = (line + "\n").getBytes(StandardCharsets.UTF_8);
        if (bytes + encoded.length > maxBytes) {
            capped = true;
            write((markerLine.apply(maxBytes) + "\n").getBytes(StandardCharsets.UTF_8));
            return false;
        }
        write(encoded);
        return true;
    }

    private void write(byte[] encoded) {
        try {
            out.write(encoded);
            out.flush();
            bytes += encoded.length;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + file, e);
        }
    }

    /** Whether the cap was reached (the marker is written). */
    boolean capped() {
        return capped;
    }

    /** The file's size in bytes, marker included. */
    long bytes() {
        return bytes;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
