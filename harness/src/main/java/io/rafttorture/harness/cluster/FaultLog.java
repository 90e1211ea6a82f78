package io.rafttorture.harness.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.Consumer;

/** Appends each fault line, prefixed with the time, to a file (nemesis.log); also logs it at DEBUG. */
final class FaultLog implements Consumer<String> {
    private static final System.Logger LOG = System.getLogger("io.rafttorture.nemesis");
    private final Path file;

    FaultLog(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void accept(String line) {
        String stamped = Instant.now() + " " + line;
        LOG.log(System.Logger.Level.DEBUG, stamped);
        try {
            Files.writeString(file, stamped + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }
}
