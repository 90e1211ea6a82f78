package io.rafttorture.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.rafttorture.results.history.Op;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Counts per f, latency percentiles of ok operations, throughput. */
class StatsTest {
    @Test
    void countsOutcomesAndFailErrorsPerF() {
        Stats stats = Stats.of(new ReportFixtures()
                .op(0, "write", 1L, 0, Op.Type.OK, 10, null)
                .op(1, "write", 2L, 0, Op.Type.FAIL, 5, "not-leader")
                .op(2, "read", null, 0, Op.Type.INFO, 1000, "timeout")
                .op(3, "write", 3L, 20, Op.Type.FAIL, 25, "not-leader").history());

        assertThat(stats.byF().get("write")).isEqualTo(new Stats.Counts(1, 2, 0, Map.of("not-leader", 2)));
        assertThat(stats.byF().get("read")).isEqualTo(new Stats.Counts(0, 0, 1, Map.of()));
        assertThat(stats.durationSeconds()).isEqualTo(1.0);
        assertThat(stats.okPerSecond()).isEqualTo(1.0);
    }

    @Test
    void latencyPercentilesUseNearestRankOverOkOperations() {
        ReportFixtures f = new ReportFixtures();
        for (int i = 1; i <= 100; i++) f.op(i, "read", null, 0, Op.Type.OK, i, null);
        f.op(200, "read", null, 0, Op.Type.FAIL, 5000, "not-leader");

        Stats.Latency latency = Stats.of(f.history()).latencyMs().get("read");

        assertThat(latency).isEqualTo(new Stats.Latency(100, 50.0, 95.0, 99.0, 100.0));
    }
}
