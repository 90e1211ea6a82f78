package io.rafttorture.results.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rafttorture.results.history.HistoryFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Format names and detection from content, then extension. */
class HistoryFormatTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "h.txt   | {\"type\":\"invoke\",\"f\":\"read\",\"process\":0}          | jsonl",
        "h.txt   | ; comment\\n[{:type :invoke, :f :read, :process 0}]         | edn",
        "h.txt   | ({:type :invoke, :f :read, :process 0})                    | edn",
        "h.txt   | {:type :invoke, :f :read, :process 0}                      | edn",
        "h.txt   | {:process 0, :type :invoke, :f :get, :key \"3\", :value nil} | porcupine-kv",
        "h.txt   | 2015 INFO  jepsen.util - 0\\t:invoke\\t:read\\tnil           | jepsen-log",
        "h.jsonl | ''                                                         | jsonl",
        "h.edn   | ; only a comment                                           | edn",
        "h.log   | ''                                                         | jepsen-log",
    })
    void detectsFromContentThenExtension(String name, String head, String expected) {
        String text = head.replace("\\n", "\n").replace("\\t", "\t");

        assertThat(HistoryFormat.detect(name, text)).contains(HistoryFormat.byName(expected).orElseThrow());
    }

    @Test
    void undetectableFilesAskForFormat() throws IOException {
        Path file = Files.writeString(dir.resolve("mystery.txt"), "hello\n");

        assertThat(HistoryFormat.detect("mystery.txt", "hello")).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> Histories.read(file)).isInstanceOf(HistoryFormatException.class)
                .hasMessage(file + ":1: cannot tell the history's format from its content or name; give --format "
                        + "(jsonl, edn, jepsen-log, porcupine-kv)");
    }

    @Test
    void aMissingFileIsReportedByName() {
        Path file = dir.resolve("absent.jsonl");

        assertThatThrownBy(() -> Histories.read(file)).isInstanceOf(HistoryFormatException.class)
                .hasMessage(file + ": no such file");
    }

    @Test
    void aBinaryFileIsReportedAsNotText() throws IOException {
        Path file = Files.write(dir.resolve("h.edn"), new byte[] {'[', '{', ':', 'f', ' ', (byte) 0xff, (byte) 0xfe});

        for (HistoryFormat format : new HistoryFormat[] {null, HistoryFormat.EDN, HistoryFormat.JSONL}) {
            assertThatThrownBy(() -> Histories.read(file, format)).as("format %s", format)
                    .isInstanceOf(HistoryFormatException.class)
                    .hasMessage(file + ": not UTF-8 text");
        }
    }

    @Test
    void namesIncludeKnossosAlias() {
        assertThat(HistoryFormat.byName("knossos-edn")).contains(HistoryFormat.EDN);
        assertThat(HistoryFormat.byName("JSONL")).contains(HistoryFormat.JSONL);
        assertThat(HistoryFormat.byName("csv")).isEmpty();
    }
}
