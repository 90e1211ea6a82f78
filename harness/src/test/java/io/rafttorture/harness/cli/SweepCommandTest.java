package io.rafttorture.harness.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** `torture sweep`: help documents the experiments; bad options exit 3 with one clear line, before any container. */
class SweepCommandTest {
    @Test
    void helpNamesBothExperimentsAndThePaperSettings() {
        CliRun help = CliRun.of("sweep", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("leader-crash", "workload", "--election-ms", "--trials", "--trial-timeout",
                "150-150,150-151,150-155,150-175,", "12-24", "--workload", "--scenario");
    }

    @Test
    void badOptionsExitThreeNamingTheOption() {
        assertThat(CliRun.of("sweep", "--election-ms", "150-300,300-150")).satisfies(r -> {
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.err()).contains("--election-ms: election timeout range 300-150 ends below its start");
        });
        assertThat(CliRun.of("sweep", "--experiment", "chaos").err())
                .contains("--experiment must be leader-crash or workload, got \"chaos\"");
        assertThat(CliRun.of("sweep", "--nodes", "2").err()).contains("--nodes must be 3-8 for leader-crash");
        assertThat(CliRun.of("sweep", "--trials", "0").err()).contains("--trials must be at least 1, got 0");
        assertThat(CliRun.of("sweep", "--trial-timeout", "0").err()).contains("--trial-timeout must be a positive number");
        assertThat(CliRun.of("sweep", "--experiment", "workload", "--workload", "bank").err())
                .contains("setting 150-150: --workload must be register or kv");
    }
}
