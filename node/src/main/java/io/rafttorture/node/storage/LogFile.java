package io.rafttorture.node.storage;

import io.rafttorture.node.raft.Entry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The append-only log file: a sequence of records, each (big-endian) u64 index, u64 term, u8 kind, u32 length,
 * {@code length} data bytes, then u32 CRC32C over all the preceding bytes of the record. Record i holds index i.
 * Keeps only the byte offset of every record in memory, so truncation cuts the file at a record boundary.
 */
final class LogFile implements AutoCloseable {
    static final int HEADER = 8 + 8 + 1 + 4;
    static final int TRAILER = 4;

    private final Path file;
    private final FileChannel channel;
    private long[] offsets = new long[1024]; // offsets[i - 1] = start of the record of index i
    private long lastIndex;
    private long lastTerm;
    private long end; // byte length of the valid records

    private LogFile(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** What {@link #open} recovered, and how many bytes of torn or corrupt tail it cut off. */
    record Opened(LogFile log, List<Entry> entries, long discardedBytes, String discardReason) {}

    /** Opens (or creates) the log file, scanning records up to the first torn or corrupt one and truncating there. */
    static Opened open(Path dir) throws IOException {
        Path file = dir.resolve("log");
        boolean created = !Files.exists(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        if (created) FileStorage.fsyncDirectory(dir);
        LogFile log = new LogFile(file, channel);
        try {
            return log.recover();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private Opened recover() throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE) throw new CorruptStorageException(file, "log larger than 2 GiB is not supported");
        ByteBuffer buf = ByteBuffer.allocate((int) size);
        while (buf.hasRemaining() && channel.read(buf, buf.position()) >= 0) { /* read the whole file */ }
        buf.flip();
        List<Entry> entries = new ArrayList<>();
        String reason = null;
        while (buf.hasRemaining()) {
            int start = buf.position();
            reason = problemWithRecordAt(buf, start);
            if (reason != null) {
                refuseIfAnIntactRecordFollows(buf, start, reason);
                break;
            }
            Entry e = decodeRecord(buf);
            recordAppended(start, e);
            entries.add(e);
        }
        end = buf.position();
        long discarded = size - end;
        if (discarded > 0) {
            channel.truncate(end);
            channel.force(true);
        }
        return new Opened(this, entries, discarded, reason);
    }

    /**
     * Every intact record of a log file in file order, up to the first torn or damaged one, without recovery's
     * index and term rules and without writing to the file: what a node held on disk, for inspection.
     */
    static LogScan scan(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file));
        List<Entry> entries = new ArrayList<>();
        String damage = null;
        while (buf.hasRemaining() && (damage = damageAt(buf, buf.position())) == null) {
            entries.add(decodeRecord(buf));
        }
        return new LogScan(entries, damage);
    }

    /** Null when a whole, intact record starts at {@code start}; otherwise what is torn or damaged there. */
    private static String damageAt(ByteBuffer buf, int start) {
        if (buf.limit() - start < HEADER + TRAILER) return "torn record header at byte " + start;
        if (recordLengthAt(buf, start) < 0) return "torn record data at byte " + start;
        if (!checksumMatchesAt(buf, start)) return "checksum mismatch at byte " + start;
        return null;
    }

    /** Null when a whole, intact record of the next expected index starts at {@code start}; otherwise why not. */
    private String problemWithRecordAt(ByteBuffer buf, int start) {
        String damage = damageAt(buf, start);
        if (damage != null) return damage;
        long index = buf.getLong(start);
        long term = buf.getLong(start + 8);
        if (index != lastIndex + 1) return "index " + index + " where " + (lastIndex + 1) + " was expected, at byte " + start;
        if (term < lastTerm) return "term " + term + " below previous term " + lastTerm + " at byte " + start;
        return null;
    }

    /**
     * A whole record with a bad checksum followed by an intact record of the next index is not a torn tail (kill -9
     * only ever tears the last write): it is damage inside the synced log, and cutting there would silently drop
     * fsynced entries (and with them acknowledged writes). Refuse to start instead, as for a damaged hard state.
     * Intact records that break the index or term order are cut as before (Bug.SKIP_TRUNCATE leaves such a tail).
     */
    private void refuseIfAnIntactRecordFollows(ByteBuffer buf, int start, String reason) throws CorruptStorageException {
        int length = recordLengthAt(buf, start);
        if (length < 0 || checksumMatchesAt(buf, start)) return;
        int next = start + HEADER + length + TRAILER;
        if (recordLengthAt(buf, next) >= 0 && checksumMatchesAt(buf, next) && buf.getLong(next) == lastIndex + 2) {
            throw new CorruptStorageException(file, reason + " (index " + (lastIndex + 1) + "), but the record of index "
                    + (lastIndex + 2) + " after it is intact: the synced log is damaged, not torn; refusing to cut it");
        }
    }

    /** The data length of a record that fits in the buffer from {@code start}, or -1 if it would not fit. */
    private static int recordLengthAt(ByteBuffer buf, int start) {
        int remaining = buf.limit() - start;
        if (remaining < HEADER + TRAILER) return -1;
        int length = buf.getInt(start + 17);
        return length < 0 || length > remaining - HEADER - TRAILER ? -1 : length;
    }

    /** True when the CRC32C of the (fitting) record at {@code start} matches its trailer. */
    private static boolean checksumMatchesAt(ByteBuffer buf, int start) {
        int length = buf.getInt(start + 17);
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), start, HEADER + length);
        return (int) crc.getValue() == buf.getInt(start + HEADER + length);
    }

    private static Entry decodeRecord(ByteBuffer buf) {
        long index = buf.getLong();
        long term = buf.getLong();
        byte kind = buf.get();
        byte[] data = new byte[buf.getInt()];
        buf.get(data);
        buf.getInt(); // checksum, already verified
        return new Entry(index, term, kind, data);
    }

    long lastIndex() {
        return lastIndex;
    }

    Path path() {
        return file;
    }

    /** Appends with truncation semantics; see {@link Storage#append}. Not durable until {@link #sync()}. */
    void append(List<Entry> entries) throws IOException {
        if (entries.isEmpty()) return;
        long first = entries.get(0).index();
        if (first > lastIndex + 1) throw new IllegalArgumentException("append at index " + first + " leaves a gap after last index " + lastIndex);
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).index() != first + i) throw new IllegalArgumentException("entries not consecutive at " + entries.get(i).index());
        }
        if (first <= lastIndex) truncateFrom(first);
        ByteBuffer buf = encode(entries);
        long position = end;
        for (Entry e : entries) {
            recordAppended(position, e);
            position += HEADER + e.data().length + TRAILER;
        }
        while (buf.hasRemaining()) end += channel.write(buf, end);
    }

    private void truncateFrom(long index) throws IOException {
        end = offsets[(int) (index - 1)];
        channel.truncate(end);
        lastIndex = index - 1;
        lastTerm = 0; // only consulted by recovery, which rebuilds it
    }

    private static ByteBuffer encode(List<Entry> entries) {
        int size = 0;
        for (Entry e : entries) size += HEADER + e.data().length + TRAILER;
        ByteBuffer buf = ByteBuffer.allocate(size);
        CRC32C crc = new CRC32C();
        for (Entry e : entries) {
            int start = buf.position();
            buf.putLong(e.index()).putLong(e.term()).put(e.kind()).putInt(e.data().length).put(e.data());
            crc.reset();
            crc.update(buf.array(), start, buf.position() - start);
            buf.putInt((int) crc.getValue());
        }
        return buf.flip();
    }

    private void recordAppended(long offset, Entry e) {
        if (e.index() > offsets.length) offsets = Arrays.copyOf(offsets, offsets.length * 2);
        offsets[(int) (e.index() - 1)] = offset;
        lastIndex = e.index();
        lastTerm = e.term();
    }

    void sync() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
