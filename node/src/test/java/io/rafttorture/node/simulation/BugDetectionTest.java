package io.rafttorture.node.simulation;

import io.rafttorture.node.raft.Bug;
import io.rafttorture.node.simulation.SimOptions.Family;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each deliberate bug (node/BUGS.md) must be caught: within a bounded number of seeds the simulation reports a
 * violated property, and the very same schedules pass with correct Raft.
 */
class BugDetectionTest {
    /** forget-vote needs a voter to die and return inside one contested election: about 1 schedule in 80. */
    private static int maxSeeds(Bug bug) {
        return bug == Bug.FORGET_VOTE ? 1000 : 300;
    }

    @ParameterizedTest
    @EnumSource(value = Bug.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void whenABugIsInjected_thenSomeScheduleViolatesAProperty(Bug bug) {
        SimResult caught = null;
        for (long seed = 1; seed <= maxSeeds(bug) && caught == null; seed++) {
            SimResult r = Simulation.run(options(seed, bug));
            if (!r.passed()) caught = r;
        }
        assertThat(caught).as(bug.flag() + " caught within " + maxSeeds(bug) + " seeds").isNotNull();
        System.out.printf("bug %s caught at seed %d: %s%n", bug.flag(), caught.options().seed(), caught.violation());
        for (long s = 1; s <= caught.options().seed(); s++) {
            SimResult correct = Simulation.run(options(s, Bug.NONE));
            assertThat(correct.passed()).as(correct.describe()).isTrue();
        }
    }

    private static SimOptions options(long seed, Bug bug) {
        return SimOptions.random(seed, 3, bug, bug == Bug.FORGET_VOTE ? Family.QUICK_RESTARTS : Family.RANDOM);
    }
}
