package io.rafttorture.results.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rafttorture.results.history.History;
import io.rafttorture.results.history.HistoryFormatException;
import io.rafttorture.results.history.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jepsen's textual log: tabs or spaces, values kept as written, errors naming the line. */
class JepsenLogReaderTest {
    private static History parse(String text) {
        return Histories.parse(text, "etcd.log", HistoryFormat.JEPSEN_LOG);
    }

    @Test
    void readsTabAndSpaceSeparatedLinesKeepingEveryValue() {
        History h = parse("""
                INFO  jepsen.util - 0\t:invoke\t:cas\t[2 5]
                INFO  jepsen.util - 1   :invoke :read   nil
                INFO  jepsen.util - 1   :fail   :read   :timed-out
                2015-01-01 12:00:00,000 INFO  jepsen.util - 0\t:ok\t:cas\t[2 5]

                INFO  jepsen.util - :nemesis\t:info\t:start\t"cut off n1"
                """);

        assertThat(h.ops()).containsExactly(
                new Op(0, Op.Type.INVOKE, "cas", List.of(2L, 5L), 0L, null, null, null),
                new Op(1, Op.Type.INVOKE, "read", null, 1L, null, null, null),
                new Op(2, Op.Type.FAIL, "read", "timed-out", 1L, null, null, null),
                new Op(3, Op.Type.OK, "cas", List.of(2L, 5L), 0L, null, null, null),
                new Op(4, Op.Type.INFO, "start", "cut off n1", Op.NEMESIS, null, null, null));
    }

    @Test
    void aTimedOutWritesOperationValueIsItsInvocations() {
        History h = parse("INFO  jepsen.util - 2\t:invoke\t:write\t1\nINFO  jepsen.util - 2\t:info\t:write\t:timed-out\n");

        assertThat(h.ops().get(1).value()).as("kept as written").isEqualTo("timed-out");
        assertThat(h.operations().get(0).value()).as("the operation's value").isEqualTo(1L);
    }

    @Test
    void aLineWithoutTheMarkerIsUnparseable() {
        assertThatThrownBy(() -> parse("INFO  jepsen.util - 0\t:invoke\t:read\tnil\nhello world\n"))
                .isInstanceOf(HistoryFormatException.class)
                .hasMessage("etcd.log:2: unparseable line: expected \"INFO  jepsen.util - PROCESS TYPE F VALUE\", "
                        + "got \"hello world\"");
    }

    @Test
    void aMissingValueNamesTheField() {
        assertThatThrownBy(() -> parse("INFO  jepsen.util - 0\t:invoke\t:read\n"))
                .hasMessageStartingWith("etcd.log:1: field \"value\": missing");
        assertThatThrownBy(() -> parse("INFO  jepsen.util - \n"))
                .hasMessageStartingWith("etcd.log:1: field \"process\": missing");
    }

    @Test
    void anUnknownTypeNamesTheField() {
        assertThatThrownBy(() -> parse("INFO  jepsen.util - 0\t:okay\t:read\t1\n"))
                .hasMessage("etcd.log:1: field \"type\": unknown type \"okay\" (expected invoke, ok, fail, info)");
    }

    @Test
    void aValueThatIsNotEdnNamesTheField() {
        assertThatThrownBy(() -> parse("INFO  jepsen.util - 0\t:invoke\t:cas\t[1 2\n"))
                .hasMessageStartingWith("etcd.log:1: field \"value\": not an EDN value: \"[1 2\"");
        assertThatThrownBy(() -> parse("INFO  jepsen.util - 0\t:invoke\t:write\t1 2\n"))
                .hasMessage("etcd.log:1: field \"value\": expected one EDN value, got \"1 2\"");
    }

    @Test
    void aProcessThatIsNotANumberNamesTheField() {
        assertThatThrownBy(() -> parse("INFO  jepsen.util - p0\t:invoke\t:read\tnil\n"))
                .hasMessage("etcd.log:1: field \"process\": got \"p0\" (expected an integer, or nemesis)");
    }

    @Test
    void aCompletionWithoutInvokeNamesTheLine() {
        assertThatThrownBy(() -> parse("INFO  jepsen.util - 0\t:invoke\t:read\tnil\n"
                + "INFO  jepsen.util - 5\t:ok\t:read\t3\n"))
                .hasMessage("etcd.log:2: field \"process\": ok \"read\" of process 5 has no outstanding invoke");
    }

    @Test
    void aSecondInvokeWhileOutstandingNamesTheLine() {
        assertThatThrownBy(() -> parse("INFO  jepsen.util - 0\t:invoke\t:read\tnil\n"
                + "INFO  jepsen.util - 0\t:invoke\t:read\tnil\n"))
                .hasMessageStartingWith("etcd.log:2: field \"process\": process 0 invokes");
    }
}
