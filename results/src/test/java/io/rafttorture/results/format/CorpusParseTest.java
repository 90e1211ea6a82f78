package io.rafttorture.results.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.rafttorture.results.bench.Corpus;
import io.rafttorture.results.history.History;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every history of the conformance corpus parses, in its declared format and by detection, with MANIFEST's op count. */
class CorpusParseTest {
    private static final Corpus CORPUS = Corpus.inRepository();

    static List<Corpus.Row> entries() throws IOException {
        return CORPUS.rows();
    }

    @Test
    void manifestListsTheWholeCorpus() throws IOException {
        assertThat(entries()).as("MANIFEST.tsv rows").hasSize(231);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void parsesWithManifestOpCount(Corpus.Row entry) throws IOException {
        HistoryFormat format = HistoryFormat.byName(entry.format()).orElseThrow();

        History history = Histories.read(CORPUS.resolve(entry.path()), format);

        assertThat(history.counts().invocations()).as("client invocations in %s", entry.path())
                .isEqualTo(entry.ops());
        assertThat(history.warnings()).as("warnings for %s", entry.path()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void detectsTheDeclaredFormat(Corpus.Row entry) throws IOException {
        HistoryFormat declared = HistoryFormat.byName(entry.format()).orElseThrow();

        assertThat(Histories.detect(CORPUS.resolve(entry.path()))).as("format detected for %s", entry.path()).isEqualTo(declared);
    }
}
