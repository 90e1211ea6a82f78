package io.rafttorture.results.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pairing of invocations with completions, and the rules {@link History} enforces or tolerates. */
class HistoryTest {
    private static Op op(long index, Op.Type type, String f, Object value, Object process) {
        return new Op(index, type, f, value, process, null, null, null);
    }

    @Test
    void pairsEachCompletionWithItsProcesssInvoke() {
        History h = History.of(List.of(
                op(0, Op.Type.INVOKE, "write", 1L, 0L),
                op(1, Op.Type.INVOKE, "read", null, 1L),
                op(2, Op.Type.OK, "read", 1L, 1L),
                op(3, Op.Type.INFO, "start", "partition", Op.NEMESIS),
                op(4, Op.Type.FAIL, "write", 1L, 0L)));

        assertThat(h.operations()).as("operations in invocation order").hasSize(2);
        Operation write = h.operations().get(0);
        Operation read = h.operations().get(1);
        assertThat(write.outcome()).isEqualTo(Op.Type.FAIL);
        assertThat(write.invokePosition()).isZero();
        assertThat(write.completionPosition()).isEqualTo(4);
        assertThat(read.value()).as("an ok read's value is the one read").isEqualTo(1L);
        assertThat(read.completionPosition()).isEqualTo(2);
        assertThat(h.nemesisOps()).extracting(Op::f).containsExactly("start");
        assertThat(h.counts()).isEqualTo(new History.Counts(2, 1, 1, 0, 0, 1));
    }

    @Test
    void anInvocationThatNeverCompletesIsOpenAndCountsAsInfo() {
        History h = History.of(List.of(
                op(0, Op.Type.INVOKE, "cas", List.of(1L, 2L), 3L),
                op(1, Op.Type.INVOKE, "read", null, 4L),
                op(2, Op.Type.INFO, "read", "timed-out", 4L)));

        Operation cas = h.operations().get(0);
        assertThat(cas.isOpen()).isTrue();
        assertThat(cas.outcome()).isEqualTo(Op.Type.INFO);
        assertThat(cas.completionPosition()).as("open: after every event").isEqualTo(3);
        assertThat(cas.value()).isEqualTo(List.of(1L, 2L));
        assertThat(h.operations().get(1).value()).as("an info's value comes from its invocation").isNull();
        assertThat(h.counts()).isEqualTo(new History.Counts(2, 0, 0, 1, 1, 0));
    }

    @Test
    void aSecondInvokeWhileOneIsOutstandingIsAnError() {
        List<Op> ops = List.of(op(0, Op.Type.INVOKE, "write", 1L, 0L), op(1, Op.Type.INVOKE, "read", null, 0L));

        assertThatThrownBy(() -> History.of(ops)).isInstanceOf(HistoryFormatException.class)
                .hasMessage("history:2: field \"process\": process 0 invokes \"read\" while its invoke \"write\" "
                        + "from line 1 is still outstanding");
    }

    @Test
    void aCompletionWithoutInvokeIsAnError() {
        List<Op> ops = List.of(op(0, Op.Type.OK, "read", 1L, 2L));

        assertThatThrownBy(() -> History.of(ops)).isInstanceOf(HistoryFormatException.class)
                .hasMessage("history:1: field \"process\": ok \"read\" of process 2 has no outstanding invoke")
                .extracting(e -> ((HistoryFormatException) e).line()).isEqualTo(1);
    }

    @Test
    void aCompletionOfAnotherFunctionIsAnError() {
        List<Op> ops = List.of(op(0, Op.Type.INVOKE, "read", null, 0L), op(1, Op.Type.OK, "write", 1L, 0L));

        assertThatThrownBy(() -> History.of(ops)).hasMessage(
                "history:2: field \"f\": ok \"write\" of process 0 does not match its invoke \"read\" (line 1)");
    }

    @Test
    void anIndexThatDoesNotIncreaseIsAnError() {
        List<Op> ops = List.of(op(5, Op.Type.INVOKE, "read", null, 0L), op(5, Op.Type.OK, "read", 1L, 0L));

        assertThatThrownBy(() -> History.of(ops)).isInstanceOf(HistoryFormatException.class)
                .hasMessage("history:2: field \"index\": index 5 is not greater than the previous event's index 5 "
                        + "(line 1)");
    }

    @Test
    void invokingAgainAfterInfoIsToleratedWithAWarning() {
        History h = History.of(List.of(
                op(0, Op.Type.INVOKE, "write", 1L, 0L),
                op(1, Op.Type.INFO, "write", 1L, 0L),
                op(2, Op.Type.INVOKE, "read", null, 0L),
                op(3, Op.Type.OK, "read", 1L, 0L)));

        assertThat(h.operations()).hasSize(2);
        assertThat(h.operations().get(1).completion().index()).isEqualTo(3);
        assertThat(h.warnings()).containsExactly("history:3: process 0 invokes again after its info on line 2; the "
                + "earlier operation may still take effect at any later time");
    }

    @Test
    void nemesisEventsNeedNoInvoke() {
        History h = History.of(List.of(op(0, Op.Type.INFO, "start", null, Op.NEMESIS),
                op(1, Op.Type.INFO, "stop", null, Op.NEMESIS)));

        assertThat(h.operations()).isEmpty();
        assertThat(h.counts().nemesis()).isEqualTo(2);
    }
}
