package io.rafttorture.results.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.rafttorture.results.history.History;
import io.rafttorture.results.history.Op;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticHistoryTest {
    @Test
    void sameSeedGivesTheSameHistory() {
        SyntheticHistory spec = new SyntheticHistory(500, 3, 5, 0.1, 7);

        assertThat(spec.generate()).isEqualTo(spec.generate());
        assertThat(new SyntheticHistory(500, 3, 5, 0.1, 8).generate()).isNotEqualTo(spec.generate());
    }

    @Test
    void historyHasTheRequestedShape() {
        List<Op> ops = new SyntheticHistory(2000, 4, 10, 0.05, 1).generate();

        History.Counts counts = History.of(ops).counts();
        assertThat(counts.invocations()).isEqualTo(2000);
        assertThat(counts.info() + counts.open()).as("about 5%% info").isBetween(50, 150);
        assertThat(counts.fail()).as("failed cas operations").isPositive();
        assertThat(ops).extracting(op -> (Object) ((List<?>) op.value()).get(0)).containsOnly(0L, 1L, 2L, 3L);
    }
}
