package io.rafttorture.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rafttorture.node.raft.Bug;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test value: defaults, names, test.json, and validation that names the option. */
class TortureTestTest {
    @Test
    void defaultsAreASixtySecondFiveNodeKvRunUnderPartitionKillPause() {
        TortureTest test = TortureTest.builder().seed(5).build();

        assertThat(test.nodes()).isEqualTo(5);
        assertThat(test.timeLimit()).isEqualTo(Duration.ofSeconds(60));
        assertThat(test.name()).isEqualTo("kv-partition+kill+pause");
        assertThat(test.toMap()).containsEntry("seed", 5L).containsEntry("bug", "none")
                .containsEntry("nemesis", List.of("partition", "kill", "pause"));
    }

    @Test
    void noneMeansNoFaults() {
        TortureTest test = TortureTest.builder().workload("register").nemesis("none").build();

        assertThat(test.nemesis()).isEmpty();
        assertThat(test.name()).isEqualTo("register-none");
        assertThat(test.toMap()).containsEntry("nemesis", List.of("none"));
    }

    @Test
    void toBuilderKeepsEveryValue() {
        TortureTest test = TortureTest.builder().nodes(3).bug(Bug.EARLY_ACK).rate(5).keys(2).seed(9).build();

        assertThat(test.toBuilder().build()).isEqualTo(test);
    }

    @Test
    void badValuesNameTheirOption() {
        assertThatThrownBy(() -> TortureTest.builder().nodes(9).build()).hasMessage("--nodes must be 1-8, got 9");
        assertThatThrownBy(() -> TortureTest.builder().workload("bank").build())
                .hasMessage("--workload must be register or kv, got \"bank\"");
        assertThatThrownBy(() -> TortureTest.builder().nemesis("partition", "flood").build())
                .hasMessageContaining("--nemesis: unknown fault \"flood\"");
        assertThatThrownBy(() -> TortureTest.builder().raftTimeouts(50, 40, 300).build())
                .hasMessageContaining("--heartbeat-ms < --election-min-ms");
        assertThatThrownBy(() -> TortureTest.builder().raftTimeouts(50, 150, 149).build())
                .hasMessageContaining("--election-min-ms <= --election-max-ms");
        assertThat(TortureTest.builder().raftTimeouts(75, 150, 150).tickMs(1).build().toMap())
                .containsEntry("election-max-ms", 150).containsEntry("tick-ms", 1);
        assertThatThrownBy(() -> TortureTest.builder().tickMs(60).build())
                .hasMessage("--tick-ms must be 1 to --heartbeat-ms (50), got 60");
        assertThatThrownBy(() -> TortureTest.builder().rate(0).build()).hasMessageContaining("--rate");
        assertThatThrownBy(() -> TortureTest.builder().nodes(1).nemesis("partition").build())
                .hasMessageContaining("partition needs at least 2 nodes");
    }
}
