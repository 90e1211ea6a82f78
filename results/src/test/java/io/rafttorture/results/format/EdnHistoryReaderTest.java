package io.rafttorture.results.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rafttorture.results.history.History;
import io.rafttorture.results.history.HistoryFormatException;
import io.rafttorture.results.history.Op;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EDN as Knossos and Jepsen write it, and errors that name the line. */
class EdnHistoryReaderTest {
    private static History parse(String text) {
        return Histories.parse(text, "history.edn", HistoryFormat.EDN);
    }

    @Test
    void readsAVectorWithCommentsCommasAndMultiLineMaps() {
        History h = parse("""
                ; two clients
                [{:process 0, :type :invoke, :f :cas, :value [3 7]}
                 ; between maps
                 {:type :info,
                  :f :cas, :value [3 7], :process 0, :error :timeout, :time 99}
                 {:process :nemesis, :type :info, :f :start, :value "say \\"hi\\" #{[ ;not a comment"}]
                ; trailing comment
                """);

        assertThat(h.ops()).containsExactly(
                new Op(0, Op.Type.INVOKE, "cas", List.of(3L, 7L), 0L, null, null, null),
                new Op(1, Op.Type.INFO, "cas", List.of(3L, 7L), 0L, 99L, null, "timeout"),
                new Op(2, Op.Type.INFO, "start", "say \"hi\" #{[ ;not a comment", Op.NEMESIS, null, null, null));
    }

    @Test
    void readsAListAndBareMapsOneAfterAnother() {
        String maps = "{:type :invoke, :f :acquire, :process 1, :index 4}\n{:type :ok, :f :acquire, :process 1, "
                + ":index 6}\n";

        assertThat(parse("(" + maps + ")").ops()).extracting(Op::index).containsExactly(4L, 6L);
        assertThat(parse(maps).ops()).extracting(Op::index).containsExactly(4L, 6L);
        assertThat(parse(maps).ops()).as("a missing :value is nil").extracting(Op::value).containsOnlyNulls();
    }

    @Test
    void keepsNestedKeywordsAsNames() {
        History h = parse("[{:type :invoke, :f :txn, :value [[:read :x nil] [:write :y 2]], :process 3}]");

        assertThat(h.ops().get(0).value()).isEqualTo(List.of(Arrays.asList("read", "x", null), List.of("write", "y",
                2L)));
    }

    @Test
    void emptyInputsAreEmptyHistories() {
        assertThat(parse("").ops()).isEmpty();
        assertThat(parse("; nothing\n[]\n").ops()).isEmpty();
        assertThat(parse("()").ops()).isEmpty();
    }

    @Test
    void aSyntaxErrorNamesItsLine() {
        assertThatThrownBy(() -> parse("[{:type :invoke, :f :read, :process 0}\n {:type :ok,\n :f :read :process}]"))
                .isInstanceOf(HistoryFormatException.class)
                .hasMessageStartingWith("history.edn:3: EDN syntax error: ");
    }

    @Test
    void anUnterminatedStringNamesTheLineWhereItsEventStarts() {
        assertThatThrownBy(() -> parse("[{:type :invoke, :f :read, :process 0}\n {:type :info, :f :start, "
                + ":process :nemesis,\n :value \"abc\n\n}]"))
                .hasMessageStartingWith("history.edn:2: EDN syntax error: ")
                .hasMessageEndingWith("(the file ends inside the event that starts on this line)");
    }

    @Test
    void aMissingClosingBracketIsReported() {
        assertThatThrownBy(() -> parse("[{:type :invoke, :f :read, :process 0}\n"))
                .hasMessage("history.edn:2: unexpected end of file: missing the closing ']'");
    }

    @Test
    void contentAfterTheClosingBracketIsReported() {
        assertThatThrownBy(() -> parse("[{:type :invoke, :f :read, :process 0}]\n{:type :ok}"))
                .hasMessage("history.edn:2: unexpected '{' after the closing ']' of the history");
    }

    @Test
    void somethingOtherThanACollectionIsReported() {
        assertThatThrownBy(() -> parse("42")).hasMessageStartingWith("history.edn:1: expected a vector [ ], a list");
    }

    @Test
    void anElementThatIsNotAMapIsReported() {
        assertThatThrownBy(() -> parse("[{:type :invoke, :f :read, :process 0}\n [:ok :read]]"))
                .hasMessage("history.edn:2: expected a map {:type ..., :f ..., :process ...} for each event, got "
                        + "list [ok, read]");
    }

    @Test
    void anUnknownTypeNamesTheLineOfItsMap() {
        assertThatThrownBy(() -> parse("[{:type :invoke, :f :read, :process 0}\n\n {:type :okay, :f :read, "
                + ":process 0}]"))
                .hasMessage("history.edn:3: field \"type\": unknown type \"okay\" (expected invoke, ok, fail, info)");
    }

    @Test
    void aCompletionWithoutInvokeNamesItsLine() {
        assertThatThrownBy(() -> parse("[{:type :ok, :f :read, :process 7, :value 1}]"))
                .hasMessage("history.edn:1: field \"process\": ok \"read\" of process 7 has no outstanding invoke");
    }

    @Test
    void aNonMonotonicIndexNamesItsLine() {
        assertThatThrownBy(() -> parse("[{:type :invoke, :f :read, :process 0, :index 3}\n"
                + " {:type :ok, :f :read, :process 0, :index 2}]"))
                .hasMessageStartingWith("history.edn:2: field \"index\": index 2 is not greater");
    }

    @Test
    void aSecondInvokeWhileOutstandingNamesBothLines() {
        assertThatThrownBy(() -> parse("[{:type :invoke, :f :read, :process 0}\n"
                + " {:type :invoke, :f :write, :process 0, :value 1}]"))
                .hasMessageContaining("history.edn:2: field \"process\": process 0 invokes \"write\" while its "
                        + "invoke \"read\" from line 1 is still outstanding");
    }
}
