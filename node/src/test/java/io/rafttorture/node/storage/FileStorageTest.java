package io.rafttorture.node.storage;

import io.rafttorture.node.raft.Entry;
import io.rafttorture.node.raft.HardState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileStorageTest {
    @TempDir
    Path dir;

    private static List<Entry> entries(long from, long to, long term) {
        List<Entry> out = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            out.add(new Entry(i, term, Entry.COMMAND, ("value-" + i + "@" + term).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private void writeAndClose(List<Entry> entries) throws IOException {
        try (FileStorage s = FileStorage.open(dir)) {
            s.append(entries);
            s.sync();
        }
    }

    @Test
    void emptyDirectoryOpensEmpty() throws IOException {
        try (FileStorage s = FileStorage.open(dir.resolve("fresh"))) {
            assertThat(s.load().hardState()).isEqualTo(HardState.INITIAL);
            assertThat(s.load().entries()).isEmpty();
            assertThat(s.lastIndex()).isZero();
        }
    }

    @Test
    void restartKeepsEverySyncedEntry() throws IOException {
        List<Entry> written = new ArrayList<>(entries(1, 50, 1));
        written.add(Entry.noop(51, 2));
        writeAndClose(written);
        try (FileStorage s = FileStorage.open(dir)) {
            assertThat(s.load().entries()).as("every fsynced entry comes back in order").isEqualTo(written);
            assertThat(s.lastIndex()).isEqualTo(51);
            assertThat(s.discardedBytes()).isZero();
        }
    }

    @Test
    void appendAtOrBelowLastIndexTruncatesThenAppends() throws IOException {
        try (FileStorage s = FileStorage.open(dir)) {
            s.append(entries(1, 10, 1));
            s.append(entries(6, 8, 2)); // conflicts from 6: entries 6..10 of term 1 go
            s.sync();
            assertThat(s.lastIndex()).isEqualTo(8);
            s.append(entries(9, 9, 3));
            s.sync();
        }
        List<Entry> expected = new ArrayList<>(entries(1, 5, 1));
        expected.addAll(entries(6, 8, 2));
        expected.addAll(entries(9, 9, 3));
        try (FileStorage s = FileStorage.open(dir)) {
            assertThat(s.load().entries()).isEqualTo(expected);
        }
    }

    @Test
    void truncateToEmptyThenAppend() throws IOException {
        try (FileStorage s = FileStorage.open(dir)) {
            s.append(entries(1, 3, 1));
            s.append(entries(1, 2, 2));
            s.sync();
        }
        try (FileStorage s = FileStorage.open(dir)) {
            assertThat(s.load().entries()).isEqualTo(entries(1, 2, 2));
        }
    }

    @Test
    void appendWithGapOrNonConsecutiveIndexesIsRejected() throws IOException {
        try (FileStorage s = FileStorage.open(dir)) {
            s.append(entries(1, 2, 1));
            assertThatThrownBy(() -> s.append(entries(4, 4, 1))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("gap");
            assertThatThrownBy(() -> s.append(List.of(Entry.noop(3, 1), Entry.noop(5, 1))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not consecutive");
            assertThat(s.lastIndex()).isEqualTo(2);
        }
    }

    @Test
    void tornTailAtEveryOffsetOfTheLastRecordIsCutAndEarlierEntriesKept() throws IOException {
        List<Entry> written = entries(1, 5, 1);
        writeAndClose(written);
        Path log = dir.resolve("log");
        byte[] full = Files.readAllBytes(log);
        int lastRecord = LogFile.HEADER + written.get(4).data().length + LogFile.TRAILER;
        int lastStart = full.length - lastRecord;
        for (int cut = lastStart; cut < full.length; cut++) {
            Files.write(log, java.util.Arrays.copyOf(full, cut));
            try (FileStorage s = FileStorage.open(dir)) {
                assertThat(s.load().entries()).as("cut at byte %d", cut).isEqualTo(written.subList(0, 4));
                assertThat(s.discardedBytes()).isEqualTo(cut - lastStart);
                s.append(entries(5, 6, 2)); // the log stays appendable after recovery
                s.sync();
            }
            try (FileStorage s = FileStorage.open(dir)) {
                assertThat(s.load().entries()).hasSize(6);
                assertThat(s.discardedBytes()).isZero();
            }
        }
    }

    /** Flips one data bit of the record of {@code index}; returns that record's size in bytes. */
    private int flipByteInRecord(List<Entry> written, int index) throws IOException {
        long start = 0;
        for (Entry e : written.subList(0, index - 1)) start += LogFile.HEADER + e.data().length + LogFile.TRAILER;
        int recordSize = LogFile.HEADER + written.get(index - 1).data().length + LogFile.TRAILER;
        long position = start + LogFile.HEADER + 2; // inside the record's data
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("log").toFile(), "rw")) {
            f.seek(position);
            int b = f.read();
            f.seek(position);
            f.write(b ^ 0x40);
        }
        return recordSize;
    }

    @Test
    void flippedByteInTheLastRecordIsCutAsADamagedTail() throws IOException {
        List<Entry> written = entries(1, 10, 1);
        writeAndClose(written);
        int recordSize = flipByteInRecord(written, 10);
        try (FileStorage s = FileStorage.open(dir)) {
            assertThat(s.load().entries()).isEqualTo(written.subList(0, 9));
            assertThat(s.discardReason()).contains("checksum mismatch");
            assertThat(s.discardedBytes()).isEqualTo(recordSize);
        }
    }

    @Test
    void flippedByteInsideTheSyncedLogIsRefusedRatherThanCuttingSyncedEntries() throws IOException {
        List<Entry> written = entries(1, 10, 1);
        writeAndClose(written);
        flipByteInRecord(written, 7);
        long sizeBefore = Files.size(dir.resolve("log"));
        assertThatThrownBy(() -> FileStorage.open(dir)).isInstanceOf(CorruptStorageException.class)
                .hasMessageContaining("checksum mismatch").hasMessageContaining("index 7")
                .hasMessageContaining("index 8 after it is intact");
        assertThat(Files.size(dir.resolve("log"))).as("entries 8..10 were synced: nothing is cut")
                .isEqualTo(sizeBefore);
    }

    @Test
    void intactRecordsThatLowerTheTermAreCutNotRefused() throws IOException {
        writeAndClose(entries(1, 3, 2));
        writeAndClose(entries(4, 6, 1)); // what Bug.SKIP_TRUNCATE's in-place overwrite leaves behind
        try (FileStorage s = FileStorage.open(dir)) {
            assertThat(s.load().entries()).isEqualTo(entries(1, 3, 2));
            assertThat(s.discardReason()).contains("term 1 below previous term 2");
        }
    }

    @Test
    void scanShowsTheLogAsStoredIncludingATermRegressionAndLeavesTheFileAlone() throws IOException {
        writeAndClose(entries(1, 3, 2));
        writeAndClose(entries(4, 6, 1));
        long size = Files.size(dir.resolve("log"));
        LogScan scan = FileStorage.scanLog(dir.resolve("log"));
        List<Entry> expected = new ArrayList<>(entries(1, 3, 2));
        expected.addAll(entries(4, 6, 1));
        assertThat(scan.entries()).as("records that break the term order are shown, not cut").isEqualTo(expected);
        assertThat(scan.damage()).isNull();
        assertThat(Files.size(dir.resolve("log"))).as("scanning never writes").isEqualTo(size);
    }

    @Test
    void scanStopsAtATornTailAndSaysWhere() throws IOException {
        List<Entry> written = entries(1, 5, 1);
        writeAndClose(written);
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("log").toFile(), "rw")) {
            f.setLength(f.length() - 3);
        }
        LogScan scan = FileStorage.scanLog(dir.resolve("log"));
        assertThat(scan.entries()).isEqualTo(written.subList(0, 4));
        assertThat(scan.damage()).startsWith("torn record");
    }

    @Test
    void hardStateRoundTripsAndSurvivesReopen() throws IOException {
        try (FileStorage s = FileStorage.open(dir)) {
            s.persistHardState(new HardState(3, 2));
            s.persistHardState(new HardState(7, 5));
        }
        try (FileStorage s = FileStorage.open(dir)) {
            assertThat(s.load().hardState()).isEqualTo(new HardState(7, 5));
        }
        assertThat(dir.resolve("hardstate.tmp")).doesNotExist();
    }

    @Test
    void corruptHardStateIsReportedNotIgnored() throws IOException {
        try (FileStorage s = FileStorage.open(dir)) {
            s.persistHardState(new HardState(9, 1));
        }
        Path file = dir.resolve("hardstate");
        byte[] bytes = Files.readAllBytes(file);
        bytes[8] ^= 1; // inside the term
        Files.write(file, bytes);
        assertThatThrownBy(() -> FileStorage.open(dir)).isInstanceOf(CorruptStorageException.class)
                .hasMessageContaining("hardstate").hasMessageContaining("checksum");
        Files.write(file, java.util.Arrays.copyOf(bytes, 5));
        assertThatThrownBy(() -> FileStorage.open(dir)).isInstanceOf(CorruptStorageException.class)
                .hasMessageContaining("expected 22 bytes");
    }

    @Test
    void aDataDirectoryCanBeOpenedByOneStorageAtATime() throws IOException {
        try (FileStorage s = FileStorage.open(dir)) {
            assertThatThrownBy(() -> FileStorage.open(dir)).isInstanceOf(IOException.class)
                    .hasMessageContaining("in use by another node");
        }
        try (FileStorage again = FileStorage.open(dir)) {
            assertThat(again.lastIndex()).as("the lock is released on close").isZero();
        }
    }

    @Test
    void leftoverTempFileOfACrashedWriteIsIgnored() throws IOException {
        try (FileStorage s = FileStorage.open(dir)) {
            s.persistHardState(new HardState(4, 3));
        }
        Files.write(dir.resolve("hardstate.tmp"), new byte[] {1, 2, 3});
        try (FileStorage s = FileStorage.open(dir)) {
            assertThat(s.load().hardState()).isEqualTo(new HardState(4, 3));
        }
    }
}
