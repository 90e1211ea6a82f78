package io.rafttorture.results.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.rafttorture.results.bench.Corpus;
import io.rafttorture.results.history.History;
import io.rafttorture.results.history.Op;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Writing a history as JSON Lines or EDN and reading it back gives the same events. */
class RoundTripTest {
    /** Every field and every kind of value Op allows, nulls inside tuples, awkward strings. */
    static List<Op> awkwardHistory() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("cause", "connection reset");
        error.put("codes", List.of(1L, 2L));
        return List.of(
                new Op(0, Op.Type.INVOKE, "read", Arrays.asList("k1", null), 0L, 10L, "n1", null),
                new Op(1, Op.Type.INVOKE, "cas", List.of("k2", List.of(1L, 2L)), 1L, 11L, "n2", null),
                new Op(2, Op.Type.INFO, "start", "isolate \"n1\" {#[;\\ é\n", Op.NEMESIS, 12L, null, null),
                new Op(3, Op.Type.OK, "read", Arrays.asList("k1", 5L), 0L, 13L, "n1", null),
                new Op(4, Op.Type.FAIL, "cas", List.of("k2", List.of(1L, 2L)), 1L, 14L, "n2", "not-found"),
                new Op(5, Op.Type.INVOKE, "write", List.of("k3", new BigInteger("99999999999999999999")), 2L,
                        null, null, null),
                new Op(6, Op.Type.INFO, "write", List.of("k3", 1.5), 2L, 16L, null, error),
                new Op(7, Op.Type.INVOKE, "write", List.of("nil", true), 3L, null, null, "with space"));
    }

    @Test
    void jsonLinesRoundTripsEveryField() throws IOException {
        StringWriter out = new StringWriter();
        HistoryWriter.writeAll(awkwardHistory(), out);

        History back = Histories.parse(out.toString(), "x.jsonl", HistoryFormat.JSONL);

        assertThat(back.ops()).isEqualTo(awkwardHistory());
    }

    @Test
    void ednRoundTripsEveryField() throws IOException {
        StringWriter out = new StringWriter();
        EdnHistoryWriter.write(awkwardHistory(), out);

        History back = Histories.parse(out.toString(), "x.edn", HistoryFormat.EDN);

        assertThat(back.ops()).isEqualTo(awkwardHistory());
    }

    @Test
    void ednLooksLikeKnossos() {
        Op op = new Op(7, Op.Type.OK, "read", List.of("k", 3L), 3L, 123L, null, null);
        Op fault = new Op(8, Op.Type.INFO, "start", null, Op.NEMESIS, null, null, "timeout");

        assertThat(EdnHistoryWriter.toEdn(op))
                .isEqualTo("{:type :ok, :f :read, :value [\"k\" 3], :process 3, :time 123, :index 7}");
        assertThat(EdnHistoryWriter.toEdn(fault))
                .isEqualTo("{:type :info, :f :start, :process :nemesis, :index 8, :error :timeout}");
    }

    @Test
    void jsonLinesOmitNullFields() {
        Op op = new Op(7, Op.Type.INVOKE, "read", null, 3L, null, null, null);

        assertThat(HistoryWriter.toJsonLine(op)).isEqualTo("{\"type\":\"invoke\",\"f\":\"read\",\"process\":3,"
                + "\"index\":7}");
    }

    static Stream<Corpus.Row> corpus() throws IOException {
        return Corpus.inRepository().rows().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyCorpusHistoryRoundTripsThroughBothFormats(Corpus.Row entry) throws IOException {
        History original = Histories.read(Corpus.inRepository().resolve(entry.path()), HistoryFormat.byName(entry.format()).orElseThrow());
        StringWriter jsonl = new StringWriter();
        StringWriter edn = new StringWriter();
        HistoryWriter.writeAll(original.ops(), jsonl);
        EdnHistoryWriter.write(original.ops(), edn);

        assertThat(Histories.parse(jsonl.toString(), "x.jsonl", HistoryFormat.JSONL).ops()).as("via JSON Lines")
                .isEqualTo(original.ops());
        assertThat(Histories.parse(edn.toString(), "x.edn", HistoryFormat.EDN).ops()).as("via EDN")
                .isEqualTo(original.ops());
    }
}
