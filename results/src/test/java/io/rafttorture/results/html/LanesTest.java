package io.rafttorture.results.html;

import static org.assertj.core.api.Assertions.assertThat;

import io.rafttorture.results.bench.SyntheticHistory;
import io.rafttorture.results.history.History;
import io.rafttorture.results.history.Op;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which lane a client process takes in the timeline. */
class LanesTest {
    /** Four clients with timeouts: processes are renumbered p + 4 after an info, as Jepsen does. */
    private final History renumbered = History.of(new SyntheticHistory(400, 2, 4, 0.2, 7).generate());

    @Test
    void withTheRunsConcurrencyALaneIsAClientThread() {
        Lanes lanes = Lanes.of(renumbered, 4);
        assertThat(lanes.count()).isEqualTo(4);
        assertThat(renumbered.operations()).allSatisfy(op ->
                assertThat(lanes.lane(op.process())).isEqualTo((int) ((Long) op.process() % 4)));
        assertThat(IntStream.range(0, 4).mapToObj(lanes::label)).containsExactly("p0", "p1", "p2", "p3");
    }

    @Test
    void withoutItJepsensNumberingIsRecognised() {
        List<Op> ops = new ArrayList<>();
        for (long p = 0; p < 3; p++) ops.add(op(ops.size(), Op.Type.INVOKE, p));
        ops.add(op(ops.size(), Op.Type.INFO, 1L)); // client 1 timed out: it carries on as process 1 + 3
        ops.add(op(ops.size(), Op.Type.INVOKE, 4L));
        ops.add(op(ops.size(), Op.Type.OK, 4L));
        Lanes lanes = Lanes.of(History.of(ops), 0);
        assertThat(lanes.count()).isEqualTo(3);
        assertThat(lanes.lane(4L)).isEqualTo(1);
    }

    private static Op op(int index, Op.Type type, long process) {
        return new Op(index, type, "read", null, process, (long) index, null, null);
    }

    @Test
    void otherwiseEachProcessHasALaneAndManyAreFolded() {
        Lanes lanes = Lanes.of(history(5, 7, 9), 0);
        assertThat(lanes.count()).isEqualTo(3);
        assertThat(List.of(lanes.label(0), lanes.label(1), lanes.label(2))).containsExactly("p5", "p7", "p9");
        assertThat(lanes.lane(9L)).isEqualTo(2);

        Lanes folded = Lanes.of(history(IntStream.range(1, 200).toArray()), 0);
        assertThat(folded.count()).isEqualTo(Lanes.MAX_LANES);
        assertThat(folded.lane(130L)).isEqualTo(130 % Lanes.MAX_LANES);
    }

    private static History history(int... processes) {
        List<Op> ops = new ArrayList<>();
        for (int p : processes) {
            ops.add(op(ops.size(), Op.Type.INVOKE, p));
            ops.add(op(ops.size(), Op.Type.OK, p));
        }
        return History.of(ops);
    }
}
