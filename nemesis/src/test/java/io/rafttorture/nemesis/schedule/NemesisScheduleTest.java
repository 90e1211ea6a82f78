package io.rafttorture.nemesis.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fault timeline: alternating start/stop every interval, seeded, never past the time limit. */
class NemesisScheduleTest {
    private static final long S = 1_000_000_000L;

    @Test
    void faultsStartEveryOtherIntervalAndStopOneIntervalLater() {
        List<NemesisSchedule.Step> steps = new NemesisSchedule(List.of("kill"), Duration.ofSeconds(5), 1)
                .steps(Duration.ofSeconds(30));

        assertThat(steps).extracting(NemesisSchedule.Step::atNanos)
                .containsExactly(5 * S, 10 * S, 15 * S, 20 * S, 25 * S);
        assertThat(steps).extracting(NemesisSchedule.Step::f)
                .containsExactly("start-kill", "stop-kill", "start-kill", "stop-kill", "start-kill");
    }

    @Test
    void aStopIsPairedWithTheFaultItsStartChose() {
        List<NemesisSchedule.Step> steps = new NemesisSchedule(List.of("partition", "kill", "pause"),
                Duration.ofSeconds(1), 7).steps(Duration.ofSeconds(60));

        for (int i = 0; i + 1 < steps.size(); i += 2) {
            assertThat(steps.get(i).start()).isTrue();
            assertThat(steps.get(i + 1).start()).isFalse();
            assertThat(steps.get(i + 1).fault()).isEqualTo(steps.get(i).fault());
        }
        assertThat(steps).extracting(NemesisSchedule.Step::fault).contains("partition", "kill", "pause");
    }

    @Test
    void theSeedDecidesTheChoices() {
        NemesisSchedule a = new NemesisSchedule(List.of("partition", "kill"), Duration.ofSeconds(1), 3);
        NemesisSchedule b = new NemesisSchedule(List.of("partition", "kill"), Duration.ofSeconds(1), 3);
        NemesisSchedule c = new NemesisSchedule(List.of("partition", "kill"), Duration.ofSeconds(1), 4);

        assertThat(a.steps(Duration.ofSeconds(60))).isEqualTo(b.steps(Duration.ofSeconds(60)))
                .isNotEqualTo(c.steps(Duration.ofSeconds(60)));
    }

    @Test
    void noFaultsMeansAnEmptyTimeline() {
        assertThat(new NemesisSchedule(List.of(), Duration.ofSeconds(1), 1).steps(Duration.ofSeconds(60))).isEmpty();
        assertThatThrownBy(() -> new NemesisSchedule(List.of("kill"), Duration.ZERO, 1))
                .hasMessageContaining("interval must be positive");
    }
}
