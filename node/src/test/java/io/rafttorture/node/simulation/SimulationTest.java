package io.rafttorture.node.simulation;

import io.rafttorture.node.raft.Bug;
import io.rafttorture.node.simulation.SimOptions.Family;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Thousands of seeded random schedules over clusters of 3, 5 and 7 correct replicas: every safety property holds
 * after every step, the clients' history is consistent with the committed log, and the cluster recovers after
 * healing. A failure prints its seed; replay one with
 * {@code mvn -pl node test -Dtest=SimulationTest#replay -Dsim.seed=123 -Dsim.nodes=5 -Dsim.family=random}.
 */
class SimulationTest {

    @ParameterizedTest(name = "{0} nodes, {1} seeds")
    @CsvSource({"3, 900", "5, 600", "7, 300"})
    void whenFaultsAreRandom_thenSafetyLinearizabilityAndLivenessHold(int nodes, int seeds) {
        assertAllPass(nodes, seeds, Family.RANDOM);
    }

    /**
     * Thesis §6.4: an answer to an old term's heartbeat round must not confirm a read in a later term. A leader runs
     * hundreds of rounds, the backlog held for a crashed follower arrives after it restarted and moved on to a later
     * term, and the same leader may have won that term again. Before AppendEntriesResponse named the term of the
     * request it answers, this family broke read safety in 4 of these 2000 seeds (107, 701, 1536, 1594), the random
     * family in none of its 900.
     */
    @Test
    void whenAnOldTermsHeartbeatsAreAnsweredAfterTheirLeaderWonAgain_thenNoReadIsConfirmedByThem() {
        assertAllPass(3, 2000, Family.LONG_LEADERSHIPS);
    }

    private static void assertAllPass(int nodes, int seeds, Family family) {
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        long acknowledged = 0;
        long committed = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            SimResult r = Simulation.run(SimOptions.random(seed, nodes, Bug.NONE, family));
            if (!r.passed()) failures.add(r.describe());
            acknowledged += r.acknowledged();
            committed += r.committed();
        }
        System.out.printf("simulation: %d nodes, %s, %d seeds in %.1f s, %d acknowledged client ops, %d committed"
                        + " entries%n",
                nodes, family.flag(), seeds, (System.nanoTime() - started) / 1e9, acknowledged, committed);
        assertThat(failures).as("schedules that broke a property").isEmpty();
        assertThat(acknowledged).as("clients got answers at all").isGreaterThan(seeds * 10L);
    }

    /** Replays one schedule given by -Dsim.seed (optionally -Dsim.nodes, -Dsim.bug, -Dsim.family); else skipped. */
    @Test
    void replay() {
        String seed = System.getProperty("sim.seed");
        assumeTrue(seed != null, "set -Dsim.seed=N to replay one schedule");
        int nodes = Integer.parseInt(System.getProperty("sim.nodes", "3"));
        Bug bug = Bug.fromFlag(System.getProperty("sim.bug", "none"));
        Family family = Family.fromFlag(System.getProperty("sim.family", "random"));
        SimResult r = Simulation.run(SimOptions.random(Long.parseLong(seed), nodes, bug, family));
        System.out.println(r.describe());
        assertThat(r.passed()).as(r.describe()).isTrue();
    }

    @Test
    void whenTheSameSeedRunsTwice_thenTheScheduleIsIdentical() {
        SimResult a = Simulation.run(SimOptions.random(42, 5, Bug.NONE));
        SimResult b = Simulation.run(SimOptions.random(42, 5, Bug.NONE));
        assertThat(b.trace()).isEqualTo(a.trace());
        assertThat(b.committed()).isEqualTo(a.committed());
        assertThat(b.acknowledged()).isEqualTo(a.acknowledged());
    }
}
