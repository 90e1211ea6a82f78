package io.rafttorture.node.storage;

import io.rafttorture.node.raft.Entry;
import io.rafttorture.node.raft.HardState;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * {@link Storage} in a data directory: {@code hardstate} (replaced atomically) and {@code log} (append-only
 * records with CRC32C; see node/PROTOCOL.md). Opening recovers: it reads the hard state (a bad checksum is an
 * error: the node must not forget a vote) and scans the log up to the first torn or corrupt record, cutting the
 * file there; a corrupt record followed by an intact one is damage inside the synced log and an error too.
 * Entries fsynced by {@link #sync()} are always intact, so they survive kill -9.
 */
public final class FileStorage implements Storage {
    private final FileChannel lockChannel;
    private final HardStateFile hardStateFile;
    private final LogFile log;
    private final Recovered recovered;
    private final long discardedBytes;
    private final String discardReason;

    private FileStorage(FileChannel lockChannel, HardStateFile hardStateFile, LogFile.Opened opened, HardState hardState) {
        this.lockChannel = lockChannel;
        this.hardStateFile = hardStateFile;
        this.log = opened.log();
        this.recovered = new Recovered(hardState, opened.entries());
        this.discardedBytes = opened.discardedBytes();
        this.discardReason = opened.discardReason();
    }

    /**
     * Opens the storage in {@code dir}, creating the directory and empty files when absent.
     *
     * @throws CorruptStorageException if the hard state is damaged, or a damaged log record has intact ones after it
     * @throws IOException if another process (or another FileStorage) has the directory open
     */
    public static FileStorage open(Path dir) throws IOException {
        Files.createDirectories(dir);
        FileChannel lock = lock(dir);
        try {
            HardStateFile hardStateFile = new HardStateFile(dir);
            HardState hardState = hardStateFile.read();
            return new FileStorage(lock, hardStateFile, LogFile.open(dir), hardState);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Reads a log file (a node's {@code log}, or a copy of it) without recovering or changing it: every intact
     * record in file order, and what stopped the scan (null at a clean end). Records that break the index or term
     * order are kept, so a damaged log can be inspected as it was.
     */
    public static LogScan scanLog(Path logFile) throws IOException {
        return LogFile.scan(logFile);
    }

    /** Two nodes sharing a data directory would interleave their logs: hold an OS lock on {@code dir/LOCK}. */
    private static FileChannel lock(Path dir) throws IOException {
        FileChannel ch = FileChannel.open(dir.resolve("LOCK"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (ch.tryLock() != null) return ch;
        } catch (OverlappingFileLockException e) {
            // held by this JVM
        }
        ch.close();
        throw new IOException(dir + " is in use by another node (cannot lock " + dir.resolve("LOCK") + ")");
    }

    @Override
    public Recovered load() {
        return recovered;
    }

    /** Bytes cut from the end of the log file on open (a torn or corrupt tail), 0 if it was intact. */
    public long discardedBytes() {
        return discardedBytes;
    }

    /** Why the tail was cut on open, or null when nothing was. */
    public String discardReason() {
        return discardReason;
    }

    @Override
    public long lastIndex() {
        return log.lastIndex();
    }

    @Override
    public void append(List<Entry> entries) throws IOException {
        log.append(entries);
    }

    @Override
    public void persistHardState(HardState hardState) throws IOException {
        hardStateFile.write(hardState);
    }

    @Override
    public void sync() throws IOException {
        log.sync();
    }

    @Override
    public void close() throws IOException {
        try {
            log.close();
        } finally {
            lockChannel.close(); // releases the lock
        }
    }

    /** Makes a directory's entries (a created or renamed file) durable; POSIX needs an fsync of the directory. */
    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }
}
