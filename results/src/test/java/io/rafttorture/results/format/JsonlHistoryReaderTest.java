package io.rafttorture.results.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rafttorture.results.history.History;
import io.rafttorture.results.history.HistoryFormatException;
import io.rafttorture.results.history.Op;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSON Lines: fields, defaults, and an error naming file, line and field for each kind of bad input. */
class JsonlHistoryReaderTest {
    private static History parse(String text) {
        return Histories.parse(text, "history.jsonl", HistoryFormat.JSONL);
    }

    private static final String INVOKE = "{\"type\":\"invoke\",\"f\":\"read\",\"value\":[\"k1\",null],\"process\":3}\n";

    @Test
    void readsEveryField() {
        History h = parse(INVOKE + "\n{\"type\":\"ok\",\"f\":\"read\",\"value\":[\"k1\",7],\"process\":3,"
                + "\"time\":123,\"index\":9,\"node\":\"n2\",\"error\":{\"why\":[1]},\"extra\":true}\n");

        assertThat(h.ops()).containsExactly(
                new Op(0, Op.Type.INVOKE, "read", java.util.Arrays.asList("k1", null), 3L, null, null, null),
                new Op(9, Op.Type.OK, "read", List.of("k1", 7L), 3L, 123L, "n2", java.util.Map.of("why",
                        List.of(1L))));
    }

    @Test
    void readsNemesisEventsAndNumbersBeyondLong() {
        History h = parse("{\"type\":\"info\",\"f\":\"start\",\"process\":\"nemesis\",\"value\":123456789012345678901}");

        assertThat(h.ops().get(0).isNemesis()).isTrue();
        assertThat(h.ops().get(0).value()).isEqualTo(new java.math.BigInteger("123456789012345678901"));
    }

    @Test
    void anEmptyFileIsAnEmptyHistory() {
        assertThat(parse("").ops()).isEmpty();
        assertThat(parse("\n  \n").ops()).isEmpty();
    }

    @Test
    void unknownTypeNamesFileLineAndField() {
        assertThatThrownBy(() -> parse(INVOKE + "{\"type\":\"okay\",\"f\":\"read\",\"process\":3}"))
                .isInstanceOf(HistoryFormatException.class)
                .hasMessage("history.jsonl:2: field \"type\": unknown type \"okay\" (expected invoke, ok, fail, info)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON        | {\"type\":\"ok\",                          | history.jsonl:2: unparseable line: not JSON",
        "not an object   | [1, 2]                                     | history.jsonl:2: unparseable line: expected a JSON object",
        "two values      | {\"type\":\"ok\"} {}                       | history.jsonl:2: unparseable line: not JSON",
        "missing type    | {\"f\":\"read\",\"process\":3}             | history.jsonl:2: field \"type\": missing (expected invoke, ok, fail, info)",
        "type not text   | {\"type\":1,\"f\":\"read\",\"process\":3}  | history.jsonl:2: field \"type\": unknown type 1",
        "missing f       | {\"type\":\"ok\",\"process\":3}            | history.jsonl:2: field \"f\": missing",
        "missing process | {\"type\":\"ok\",\"f\":\"read\"}           | history.jsonl:2: field \"process\": missing (expected an integer, or nemesis)",
        "bad process     | {\"type\":\"ok\",\"f\":\"read\",\"process\":\"p3\"} | history.jsonl:2: field \"process\": got \"p3\" (expected an integer, or nemesis)",
        "bad time        | {\"type\":\"ok\",\"f\":\"read\",\"process\":3,\"time\":\"noon\"} | history.jsonl:2: field \"time\": expected an integer, got \"noon\"",
        "bad index       | {\"type\":\"ok\",\"f\":\"read\",\"process\":3,\"index\":1.5} | history.jsonl:2: field \"index\": expected an integer, got 1.5",
        "bad node        | {\"type\":\"ok\",\"f\":\"read\",\"process\":3,\"node\":2} | history.jsonl:2: field \"node\": expected a string, got 2",
        "no invoke       | {\"type\":\"ok\",\"f\":\"read\",\"process\":4} | history.jsonl:2: field \"process\": ok \"read\" of process 4 has no outstanding invoke",
        "second invoke   | {\"type\":\"invoke\",\"f\":\"write\",\"process\":3} | history.jsonl:2: field \"process\": process 3 invokes \"write\" while its invoke \"read\" from line 1 is still outstanding",
        "index backwards | {\"type\":\"ok\",\"f\":\"read\",\"process\":3,\"index\":0} | history.jsonl:2: field \"index\": index 0 is not greater than the previous event's index 0 (line 1)",
    })
    void badSecondLineIsReportedPrecisely(String problem, String line, String message) {
        assertThatThrownBy(() -> parse(INVOKE + line)).as(problem)
                .isInstanceOf(HistoryFormatException.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> assertThat(((HistoryFormatException) e).line()).isEqualTo(2));
    }

    @Test
    void lineNumbersCountBlankLines() {
        assertThatThrownBy(() -> parse("\n\n" + INVOKE + "\n{\"type\":\"nope\",\"f\":\"read\",\"process\":3}"))
                .hasMessageStartingWith("history.jsonl:5: field \"type\"");
    }
}
