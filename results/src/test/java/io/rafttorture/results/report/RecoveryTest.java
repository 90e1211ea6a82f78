package io.rafttorture.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rafttorture.results.history.History;
import io.rafttorture.results.history.Op;
import io.rafttorture.results.raft.NodeEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Availability metrics of the workload phase, from small hand-built histories and node events. */
class RecoveryTest {
    private static final long MS = 1_000_000L;
    private static final long EPOCH = 1_700_000_000_000L;

    private static NodeEvent event(long runMs, int node, String type) {
        return new NodeEvent(EPOCH + runMs, node, type, Map.of("term", 2L));
    }

    @Test
    void theLongestGapRunsBetweenTheOkCompletionsFurthestApart() {
        History h = new ReportFixtures()
                .op(0, "write", 1L, 100, Op.Type.OK, 200, null)
                .op(1, "read", null, 300, Op.Type.FAIL, 2_000, "not-leader")
                .op(0, "read", null, 1_500, Op.Type.OK, 2_600, null)
                .op(0, "write", 2L, 2_700, Op.Type.OK, 2_800, null).history();

        Recovery r = Recovery.of(h, 0, 4_000 * MS, List.of(), null);

        assertThat(r.longestGap()).as("from the first ok (200 ms) to the second (2600 ms)")
                .isEqualTo(new Recovery.Gap(200, 2_600, 2_400));
    }

    @Test
    void aPhaseWithoutAnyOkIsOneGapFromStartToEnd() {
        History h = new ReportFixtures().op(0, "read", null, 100, Op.Type.FAIL, 200, "not-leader").history();

        Recovery r = Recovery.of(h, 0, 3_000 * MS, List.of(), null);

        assertThat(r.longestGap()).isEqualTo(new Recovery.Gap(0, 3_000, 3_000));
        assertThat(r.latencyMs()).as("no ok operation, no latency").isNull();
        assertThat(r.okPerSecond()).isZero();
    }

    @Test
    void failoverCountsOnlyOperationsInvokedAfterTheFaultStarted() {
        History h = new ReportFixtures()
                .op(0, "write", 1L, 900, Op.Type.OK, 1_100, null)   // in flight at the fault: does not count
                .nemesis("start-kill", 1_000)
                .op(1, "read", null, 1_050, Op.Type.INFO, 2_050, "timeout")
                .op(2, "read", null, 1_200, Op.Type.OK, 1_450, null)
                .op(3, "read", null, 1_300, Op.Type.OK, 1_400, null) // the first ok completion since the fault
                .nemesis("stop-kill", 2_000)
                .nemesis("start-partition", 3_000)
                .op(4, "write", 2L, 3_100, Op.Type.FAIL, 3_200, "not-leader").history();

        Recovery r = Recovery.of(h, 0, 4_000 * MS, List.of(), null);

        assertThat(r.failovers()).containsExactly(
                new Recovery.Failover("kill", 1_000, 1_400.0, 400.0),
                new Recovery.Failover("partition", 3_000, null, null));
        assertThat(r.failoverMs()).containsExactly(400.0);
        assertThat(r.notRecovered()).isEqualTo(1);
    }

    @Test
    void electionsAndLeaderChangesAreCountedInsideTheWorkloadPhaseOnly() {
        History h = new ReportFixtures().op(0, "read", null, 100, Op.Type.OK, 110, null).history();
        List<NodeEvent> events = List.of(
                event(-800, 1, "election-started"), event(-790, 1, "election-won"), // the setup's first election
                event(1_200, 2, "election-started"), event(1_250, 3, "election-started"),
                event(1_400, 3, "election-won"), event(1_500, 3, "role-changed"),
                event(6_000, 3, "election-started")); // after the phase: heal

        Recovery r = Recovery.of(h, 0, 5_000 * MS, events, EPOCH);
        Recovery unplaced = Recovery.of(h, 0, 5_000 * MS, events, null);

        assertThat(r.elections()).isEqualTo(2);
        assertThat(r.leaderChanges()).isEqualTo(1);
        assertThat(unplaced.elections()).as("without the run's start instant, node events cannot be placed").isNull();
        assertThat(unplaced.leaderChanges()).isNull();
    }

    @Test
    void throughputAndLatencyCoverOkOperationsInvokedInThePhaseAndLeaveFinalReadsOut() {
        ReportFixtures f = new ReportFixtures();
        for (int i = 0; i < 10; i++) f.op(i, "write", (long) i, i * 100, Op.Type.OK, i * 100 + 10 + i, null);
        f.op(20, "read", null, 5_000, Op.Type.OK, 5_900, null); // a final read, after the phase

        Recovery r = Recovery.of(f.history(), 0, 2_000 * MS, List.of(), null);

        assertThat(r.okPerSecond()).as("10 ok in 2 s").isEqualTo(5.0);
        assertThat(r.latencyMs().count()).isEqualTo(10);
        assertThat(r.latencyMs().p50()).as("latencies 10..19 ms, nearest rank").isEqualTo(14.0);
        assertThat(r.latencyMs().p99()).isEqualTo(19.0);
        assertThat(r.longestGap().toMs()).as("the phase ends at 2 s").isEqualTo(2_000);
    }

    @Test
    void theSectionSerializesWithItsFieldNamesAndTheSummaryLineReadsIt() throws Exception {
        History h = new ReportFixtures()
                .nemesis("start-pause", 500)
                .op(0, "write", 1L, 600, Op.Type.OK, 850, null).history();
        Recovery r = Recovery.of(h, 0, 1_000 * MS, List.of(event(700, 1, "election-started")), EPOCH);

        JsonNode json = new ObjectMapper().valueToTree(r);

        assertThat(json.path("longestGap").path("ms").asDouble()).isEqualTo(850.0);
        assertThat(json.path("failovers").get(0).path("failoverMs").asDouble()).isEqualTo(350.0);
        assertThat(json.path("elections").asInt()).isEqualTo(1);
        assertThat(json.path("latencyMs").path("p99").asDouble()).isEqualTo(250.0);
        assertThat(Summary.recoveryLine(r)).isEqualTo("recovery: longest gap without an ok 850 ms (at 0.0 s); "
                + "failover 350 ms after 1 fault; 1 elections started, 0 won; 1.0 ok/s, p50 250.0 ms, p99 250.0 ms");
    }
}
