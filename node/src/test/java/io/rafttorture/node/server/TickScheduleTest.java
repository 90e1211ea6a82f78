package io.rafttorture.node.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TickScheduleTest {
    private static final long MS = 1_000_000;

    @Test
    void ticksOncePerPeriodAndMakesUpAShortStall() {
        TickSchedule ticks = new TickSchedule(0, MS, 5);
        assertThat(ticks.due(MS / 2)).isZero();
        assertThat(ticks.due(MS)).isOne();
        assertThat(ticks.due(4 * MS + MS / 5)).as("ticks 2, 3 and 4 were missed while busy").isEqualTo(3);
        assertThat(ticks.next()).isEqualTo(5 * MS);
    }

    @Test
    void aStallLongerThanTheCatchUpLimitDropsTheRest() {
        TickSchedule ticks = new TickSchedule(0, MS, 5);
        assertThat(ticks.due(20 * MS)).as("a 20 ms stall makes up 5 ticks, not 20").isEqualTo(5);
        assertThat(ticks.next()).as("the cadence resumes from now").isEqualTo(21 * MS);
        assertThat(ticks.due(21 * MS)).isOne();
    }
}
