package io.rafttorture.node.raft;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RaftConfigTest {
    private static final List<Integer> THREE = List.of(1, 2, 3);

    @Test
    void defaultsMatchTheDocumentedTimings() {
        RaftConfig c = RaftConfig.defaults(2, THREE);
        assertThat(c.ticks(c.heartbeatMs())).isEqualTo(5);
        assertThat(c.ticks(c.electionMinMs())).isEqualTo(15);
        assertThat(c.ticks(c.electionMaxMs())).isEqualTo(30);
        assertThat(c.quorum()).isEqualTo(2);
        assertThat(c.bug()).isEqualTo(Bug.NONE);
    }

    @Test
    void withCopiesChangeOnlyTheirField() {
        RaftConfig c = RaftConfig.defaults(1, THREE).withHeartbeatMs(20).withElectionMs(100, 200).withBug(Bug.EARLY_ACK)
                .withSeed(5).withRpcTimeoutMs(40).withRequestTimeoutMs(500).withTickMs(5);
        assertThat(c).isEqualTo(new RaftConfig(1, THREE, 5, 20, 100, 200, 40, 500, 5, Bug.EARLY_ACK, 64, 4));
    }

    @Test
    void whenValuesAreInconsistent_thenTheErrorNamesTheField() {
        RaftConfig c = RaftConfig.defaults(1, THREE);
        assertThatThrownBy(() -> c.withElectionMs(40, 300)).hasMessageContaining("electionMinMs (40)")
                .hasMessageContaining("heartbeatMs (50)");
        assertThatThrownBy(() -> c.withElectionMs(300, 200)).hasMessageContaining("electionMaxMs (200)");
        assertThatThrownBy(() -> c.withTickMs(0)).hasMessageContaining("tickMs");
        assertThatThrownBy(() -> RaftConfig.defaults(4, THREE)).hasMessageContaining("id 4 is not among members");
        assertThatThrownBy(() -> RaftConfig.defaults(1, List.of(1, 9))).hasMessageContaining("member id 9");
        assertThatThrownBy(() -> RaftConfig.defaults(1, List.of(1, 1))).hasMessageContaining("repeat");
        assertThatThrownBy(() -> c.withBug(null)).hasMessageContaining("bug");
        assertThatThrownBy(() -> c.withBatching(0, 1)).hasMessageContaining("maxEntriesPerAppend");
    }

    @Test
    void whenStoredLogIsNotContiguous_thenRecoveryNamesThePosition() {
        List<Entry> gap = List.of(Entry.noop(1, 1), Entry.noop(3, 1));
        assertThatThrownBy(() -> new RaftLog(gap)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 1 has index 3, expected 2");
    }
}
