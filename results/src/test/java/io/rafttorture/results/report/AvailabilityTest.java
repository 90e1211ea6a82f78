package io.rafttorture.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.rafttorture.results.history.History;
import io.rafttorture.results.history.Op;
import org.junit.jupiter.api.Test;

/** No silent passes: an operation type that never succeeded, or quiet seconds without any ok, are named. */
class AvailabilityTest {
    private static final long S = 1_000_000_000L;

    private static Availability of(History h, long toSeconds) {
        return Availability.of(h, FaultWindows.of(h.nemesisOps()), 0, toSeconds * S, 0, 0.5);
    }

    @Test
    void aHealthyRunIsAvailable() {
        ReportFixtures f = new ReportFixtures();
        for (int s = 0; s < 4; s++) {
            f.op(s * 2, "write", 1L, s * 1000 + 100, Op.Type.OK, s * 1000 + 110, null);
            f.op(s * 2 + 1, "read", 1L, s * 1000 + 200, Op.Type.OK, s * 1000 + 210, null);
        }

        Availability a = of(f.history(), 4);

        assertThat(a.available()).isTrue();
        assertThat(a.quietSeconds()).isEqualTo(4);
        assertThat(a.quietSecondsWithOk()).isEqualTo(4);
    }

    @Test
    void anOperationTypeThatNeverSucceededIsAProblem() {
        History h = new ReportFixtures()
                .op(0, "write", 1L, 100, Op.Type.OK, 110, null)
                .op(1, "cas", null, 200, Op.Type.FAIL, 210, "not-leader").history();

        Availability a = of(h, 1);

        assertThat(a.neverOk()).containsExactly("cas");
        assertThat(a.problems()).containsExactly("no cas ever succeeded");
    }

    @Test
    void quietSecondsWithoutAnyOkAreAProblemButFaultWindowsAreExcused() {
        ReportFixtures f = new ReportFixtures()
                .op(0, "write", 1L, 100, Op.Type.OK, 110, null)
                .nemesis("start-partition", 1000)
                .op(1, "write", 1L, 1500, Op.Type.FAIL, 1600, "not-leader")
                .nemesis("stop-partition", 2000);
        for (int s = 2; s < 6; s++) f.op(10 + s, "write", 1L, s * 1000 + 100, Op.Type.FAIL, s * 1000 + 200, "unavailable");

        Availability a = of(f.history(), 6);

        assertThat(a.quietSeconds()).as("second 1 lies in the partition").isEqualTo(5);
        assertThat(a.quietSecondsWithOk()).isEqualTo(1);
        assertThat(a.problems()).containsExactly(
                "only 1 of 5 fault-free seconds had an ok operation (at least 50% expected)");
    }

    @Test
    void aFaultNeverStoppedCoversTheRestOfTheRun() {
        History h = new ReportFixtures().nemesis("start-kill", 500)
                .op(0, "write", 1L, 600, Op.Type.OK, 700, null).history();

        FaultWindows windows = FaultWindows.of(h.nemesisOps());

        assertThat(windows.covers(10_000 * 1_000_000L)).isTrue();
        assertThat(of(h, 5).quietSeconds()).isZero();
    }
}
