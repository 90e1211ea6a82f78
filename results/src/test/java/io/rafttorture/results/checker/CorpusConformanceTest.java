package io.rafttorture.results.checker;

import static org.assertj.core.api.Assertions.assertThat;

import io.rafttorture.results.bench.Corpus;
import io.rafttorture.results.checker.model.Models;
import io.rafttorture.results.format.Histories;
import io.rafttorture.results.format.HistoryFormat;
import io.rafttorture.results.history.History;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every history of the conformance corpus (Porcupine's and Knossos' own test data), checked with the
 * model and initial state its MANIFEST.tsv row gives, must get the verdict upstream asserts. One dynamic test per
 * row: adding a row adds a case.
 */
class CorpusConformanceTest {
    @TestFactory
    Stream<DynamicTest> everyManifestRowGetsItsExpectedVerdict() throws IOException {
        Corpus corpus = Corpus.inRepository();
        return corpus.rows().stream().map(row -> DynamicTest.dynamicTest(row.path(), () -> check(corpus, row)));
    }

    private static void check(Corpus corpus, Corpus.Row row) throws IOException {
        HistoryFormat format = HistoryFormat.byName(row.format()).orElseThrow(
                () -> new AssertionError("MANIFEST.tsv: unknown format \"" + row.format() + "\" for " + row.path()));
        History history = Histories.read(corpus.resolve(row.path()), format);
        CheckResult result = Checker.check(history, Models.byName(row.model(), row.initialValue()),
                CheckOptions.defaults());
        assertThat(result.verdict()).as("verdict for %s (%s, %s); explanation: %s", row.path(), row.format(),
                row.model(), result.explanation()).isEqualTo(row.expectedVerdict());
        if (result.verdict() == Verdict.INVALID) {
            assertThat(result.explanation()).as("an invalid history is explained").isNotBlank();
            assertThat(result.keys().get(0).failure().operation()).as("and names an operation").isNotNull();
        }
    }
}
