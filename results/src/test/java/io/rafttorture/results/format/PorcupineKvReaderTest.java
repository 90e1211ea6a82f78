package io.rafttorture.results.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rafttorture.results.history.History;
import io.rafttorture.results.history.Op;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Porcupine's key-value histories, read into Jepsen's independent [key value] convention. */
class PorcupineKvReaderTest {
    private static History parse(String text) {
        return Histories.parse(text, "c01-ok.txt", HistoryFormat.PORCUPINE_KV);
    }

    @Test
    void foldsTheKeyIntoTheValue() {
        History h = parse("""
                {:process 0, :type :invoke, :f :put, :key "3", :value "x 0 0 y"}
                {:process 1, :type :invoke, :f :get, :key "3", :value nil}
                {:process 0, :type :ok, :f :put, :key "3", :value "x 0 0 y"}
                {:process 1, :type :ok, :f :get, :key "3", :value ""}
                """);

        assertThat(h.ops()).extracting(Op::f).containsExactly("put", "get", "put", "get");
        assertThat(h.ops()).extracting(Op::value).containsExactly(List.of("3", "x 0 0 y"), Arrays.asList("3", null),
                List.of("3", "x 0 0 y"), List.of("3", ""));
    }

    @Test
    void aMissingKeyNamesTheField() {
        assertThatThrownBy(() -> parse("{:process 0, :type :invoke, :f :put, :key \"3\", :value \"a\"}\n"
                + "{:process 0, :type :ok, :f :put, :value \"a\"}\n"))
                .hasMessage("c01-ok.txt:2: field \"key\": missing (expected the key this event reads or writes)");
    }

    @Test
    void aBrokenLineNamesItsLine() {
        assertThatThrownBy(() -> parse("{:process 0, :type :invoke, :f :put, :key \"3\", :value \"a\"}\n"
                + "{:process 0, :type :ok, :f :put, :key \"3\", :value \"a}\n"))
                .hasMessageStartingWith("c01-ok.txt:2: EDN syntax error");
    }
}
