package io.rafttorture.results.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A node's lane: role and term over run time, from its events and the history's kills. */
class NodeRolesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TimeAnchor STARTED_AT_1000_MS = new TimeAnchor(1000L, "test");
    private static final long END = 3_000_000_000L;

    @Test
    void rolesAndTermsFollowTheEventsAndAKillIsDownUntilTheNextStart() {
        NodeLog log = log("""
                {"ts":1000,"type":"node-started"}
                {"ts":1001,"type":"restored","term":3,"votedFor":2}
                {"ts":1100,"type":"role-changed","term":3,"role":"FOLLOWER","leader":2}
                {"ts":1500,"type":"term-changed","from":3,"to":4}
                {"ts":1500,"type":"role-changed","term":4,"role":"CANDIDATE","leader":0}
                {"ts":1600,"type":"role-changed","term":4,"role":"LEADER","leader":1}
                {"ts":3500,"type":"node-started"}
                {"ts":3501,"type":"restored","term":4,"votedFor":1}
                """);
        List<Faults.Fault> kill = List.of(new Faults.Fault("kill", 2_000_000_000L, 2_400_000_000L, List.of(1),
                "kill n1", "{}"));

        assertThat(NodeRoles.of(log, STARTED_AT_1000_MS, kill, END)).extracting(NodeRolesTest::show)
                .containsExactly("FOLLOWER ? 0-1", "FOLLOWER 3 1-100", "FOLLOWER 3 n2 100-500",
                        "CANDIDATE 4 500-600", "LEADER 4 n1 600-2000", "DOWN 4 2000-2500", "FOLLOWER 4 2500-3000");
    }

    @Test
    void aCleanStopIsDownAndEventsBeforeTheRunStartAreClippedToZero() {
        NodeLog log = log("""
                {"ts":500,"type":"restored","term":1,"votedFor":0}
                {"ts":2000,"type":"node-stopped"}
                """);
        assertThat(NodeRoles.of(log, STARTED_AT_1000_MS, List.of(), END)).extracting(NodeRolesTest::show)
                .containsExactly("FOLLOWER 1 0-1000", "DOWN 1 1000-3000");
    }

    @Test
    void aKillOfAnotherNodeLeavesThisOneAlone() {
        NodeLog log = log("""
                {"ts":1000,"type":"restored","term":1,"votedFor":0}
                """);
        List<Faults.Fault> kill = List.of(new Faults.Fault("kill", 1, 2, List.of(2), "kill n2", "{}"));
        assertThat(NodeRoles.of(log, STARTED_AT_1000_MS, kill, END)).extracting(NodeRolesTest::show)
                .containsExactly("FOLLOWER 1 0-3000");
    }

    private static String show(NodeRoles.Segment s) {
        return s.role() + " " + (s.term() < 0 ? "?" : s.term()) + (s.leader().isEmpty() || s.leader().equals("0")
                ? "" : " n" + s.leader()) + " " + s.fromNanos() / 1_000_000 + "-" + s.toNanos() / 1_000_000;
    }

    private static NodeLog log(String lines) {
        List<JsonNode> events = lines.lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new IllegalArgumentException(line, e);
            }
        }).toList();
        return new NodeLog(1, events, List.of(), 0, null);
    }
}
