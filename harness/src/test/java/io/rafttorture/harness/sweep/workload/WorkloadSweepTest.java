package io.rafttorture.harness.sweep.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rafttorture.harness.runner.TortureTest;
import io.rafttorture.results.report.RunReport;
import io.rafttorture.results.sweep.ElectionRange;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a workload sweep refuses before any run starts, and how it ranks exit codes (no Docker). */
class WorkloadSweepTest {
    private static final TortureTest BASE = TortureTest.builder().nodes(3).build();

    @Test
    void aSweepWithoutSettingsOrTrialsIsRefusedWithTheReason() {
        assertThatThrownBy(() -> new WorkloadSweep(BASE, List.of(), 1, Path.of("sweep")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a workload sweep needs at least one setting");
        assertThatThrownBy(() -> new WorkloadSweep(BASE, ElectionRange.parseList("150-300"), 0, Path.of("sweep")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--trials must be at least 1, got 0");
    }

    @Test
    void invalidBeatsErrorBeatsUnknownBeatsValid() {
        int[] order = {RunReport.INVALID, RunReport.ERROR, RunReport.UNKNOWN, RunReport.VALID};
        for (int i = 0; i < order.length; i++) {
            for (int j = i; j < order.length; j++) {
                assertThat(WorkloadSweep.worse(order[i], order[j])).as("%d vs %d", order[i], order[j]).isEqualTo(order[i]);
                assertThat(WorkloadSweep.worse(order[j], order[i])).as("%d vs %d", order[j], order[i]).isEqualTo(order[i]);
            }
        }
    }
}
