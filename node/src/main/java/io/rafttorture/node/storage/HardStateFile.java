package io.rafttorture.node.storage;

import io.rafttorture.node.raft.HardState;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The hard state file: magic "RTHS", u16 version 1, u64 term, u32 votedFor, u32 CRC32C of the preceding bytes
 * (22 bytes, big-endian). Replaced atomically: write a temp file, fsync it, rename over, fsync the directory,
 * so a crash leaves either the old or the new state, never a mix.
 */
final class HardStateFile {
    static final int MAGIC = 0x52544853; // "RTHS"
    static final short VERSION = 1;
    static final int SIZE = 4 + 2 + 8 + 4 + 4;

    private final Path file;
    private final Path temp;

    HardStateFile(Path dir) {
        this.file = dir.resolve("hardstate");
        this.temp = dir.resolve("hardstate.tmp");
    }

    Path path() {
        return file;
    }

    /** Reads the stored hard state; {@link HardState#INITIAL} when none was ever written. */
    HardState read() throws IOException {
        Files.deleteIfExists(temp); // a leftover of a crash mid-write; the rename never happened
        if (!Files.exists(file)) return HardState.INITIAL;
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != SIZE) throw new CorruptStorageException(file, "expected " + SIZE + " bytes, found " + bytes.length);
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int magic = buf.getInt();
        short version = buf.getShort();
        long term = buf.getLong();
        int votedFor = buf.getInt();
        int crc = buf.getInt();
        if (magic != MAGIC) throw new CorruptStorageException(file, "bad magic " + Integer.toHexString(magic));
        if (version != VERSION) throw new CorruptStorageException(file, "unsupported version " + version);
        if (crc != crc32c(bytes, SIZE - 4)) throw new CorruptStorageException(file, "checksum mismatch");
        return new HardState(term, votedFor);
    }

    void write(HardState state) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(SIZE);
        buf.putInt(MAGIC).putShort(VERSION).putLong(state.term()).putInt(state.votedFor());
        buf.putInt(crc32c(buf.array(), SIZE - 4));
        buf.flip();
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        FileStorage.fsyncDirectory(file.getParent());
    }

    static int crc32c(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
