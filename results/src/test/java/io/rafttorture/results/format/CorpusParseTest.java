package io.rafttorture.results.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.rafttorture.results.history.History;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every history of the shared corpus parses, in its declared format and by detection, with MANIFEST's op count. */
class CorpusParseTest {
    static List<Corpus.Entry> entries() {
        return Corpus.entries();
    }

    @Test
    void manifestListsTheWholeCorpus() {
        assertThat(entries()).as("MANIFEST.tsv rows").hasSize(231);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void parsesWithManifestOpCount(Corpus.Entry entry) throws IOException {
        HistoryFormat format = HistoryFormat.byName(entry.format()).orElseThrow();

        History history = Histories.read(entry.file(), format);

        assertThat(history.counts().invocations()).as("client invocations in %s", entry.path())
                .isEqualTo(entry.ops());
        assertThat(history.warnings()).as("warnings for %s", entry.path()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void detectsTheDeclaredFormat(Corpus.Entry entry) throws IOException {
        HistoryFormat declared = HistoryFormat.byName(entry.format()).orElseThrow();

        assertThat(Histories.detect(entry.file())).as("format detected for %s", entry.path()).isEqualTo(declared);
    }
}
