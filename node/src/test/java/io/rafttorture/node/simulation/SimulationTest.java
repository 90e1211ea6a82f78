package io.rafttorture.node.simulation;

import io.rafttorture.node.raft.Bug;
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
 * {@code mvn -pl node test -Dtest=SimulationTest#replay -Dsim.seed=123 -Dsim.nodes=5}.
 */
class SimulationTest {

    @ParameterizedTest(name = "{0} nodes, {1} seeds")
    @CsvSource({"3, 900", "5, 600", "7, 300"})
    void whenFaultsAreRandom_thenSafetyLinearizabilityAndLivenessHold(int nodes, int seeds) {
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        long acknowledged = 0;
        long committed = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            SimResult r = Simulation.run(SimOptions.random(seed, nodes, Bug.NONE));
            if (!r.passed()) failures.add(r.describe());
            acknowledged += r.acknowledged();
            committed += r.committed();
        }
        System.out.printf("simulation: %d nodes, %d seeds in %.1f s, %d acknowledged client ops, %d committed"
                        + " entries%n",
                nodes, seeds, (System.nanoTime() - started) / 1e9, acknowledged, committed);
        assertThat(failures).as("schedules that broke a property").isEmpty();
        assertThat(acknowledged).as("clients got answers at all").isGreaterThan(seeds * 10L);
    }

    /** Replays one schedule given by -Dsim.seed (and optionally -Dsim.nodes, -Dsim.bug); skipped otherwise. */
    @Test
    void replay() {
        String seed = System.getProperty("sim.seed");
        assumeTrue(seed != null, "set -Dsim.seed=N to replay one schedule");
        int nodes = Integer.parseInt(System.getProperty("sim.nodes", "3"));
        Bug bug = Bug.fromFlag(System.getProperty("sim.bug", "none"));
        SimResult r = Simulation.run(SimOptions.random(Long.parseLong(seed), nodes, bug));
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
