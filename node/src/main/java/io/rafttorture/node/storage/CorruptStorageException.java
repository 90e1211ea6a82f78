package io.rafttorture.node.storage;

import java.io.IOException;
import java.nio.file.Path;

/** A storage file is damaged in a way recovery must not paper over (for example a bad hard state checksum). */
public final class CorruptStorageException extends IOException {
    public CorruptStorageException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
