package io.rafttorture.results.raft;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each Raft property, broken once and kept once, on small hand-made event sequences and logs. */
class RaftInvariantsTest {
    private static NodeEvent event(long ts, int node, String type, Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return new NodeEvent(ts, node, type, fields);
    }

    private static List<LogEntry> log(long... terms) {
        List<LogEntry> log = new ArrayList<>();
        for (int i = 0; i < terms.length; i++) log.add(new LogEntry(i + 1, terms[i], "{\"op\":\"WRITE\",\"value\":\"" + i + "\"}"));
        return log;
    }

    private static RaftCheck check(List<NodeEvent> events, Map<Integer, List<LogEntry>> logs) {
        return RaftInvariants.check(events, logs, List.of());
    }

    /** n1 wins term 2 with n2's vote; n2 restarts remembering it; all logs agree. */
    private static List<NodeEvent> healthyElection() {
        return List.of(
                event(100, 1, "election-started", "term", 2L),
                event(101, 2, "vote-granted", "term", 2L, "candidate", 1L),
                event(102, 1, "vote-answered", "from", 2L, "term", 2L, "granted", true),
                event(102, 1, "election-won", "term", 2L, "votes", 2L),
                event(150, 1, "entries-committed", "first", 1L, "last", 3L, "term", 2L),
                event(151, 2, "entries-committed", "first", 1L, "last", 3L, "term", 2L),
                event(500, 2, "restored", "term", 2L, "votedFor", 1L, "lastLogIndex", 3L));
    }

    @Test
    void aHealthyRunBreaksNothing() {
        RaftCheck result = check(healthyElection(), Map.of(1, log(1, 2, 2), 2, log(1, 2, 2), 3, log(1, 2)));
        assertThat(result.violations()).as("a lagging follower (n3) holds a prefix: fine").isEmpty();
        assertThat(result.valid()).isTrue();
        assertThat(result.elections()).isEqualTo(1);
        assertThat(result.logsChecked()).containsExactly(1, 2, 3);
    }

    @Test
    void whenTwoNodesWinOneTerm_thenElectionSafetyIsBroken() {
        List<NodeEvent> events = new ArrayList<>(healthyElection());
        events.add(event(900, 3, "election-won", "term", 2L, "votes", 2L));
        RaftCheck result = check(events, Map.of());
        assertThat(result.valid()).isFalse();
        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.property()).isEqualTo("election-safety");
            assertThat(v.term()).isEqualTo(2);
            assertThat(v.explanation()).contains("n1 and n3 both won the election of term 2");
        });
    }

    @Test
    void whenAVoterRestartsWithoutTheVoteItsCandidateReceived_thenPersistentStateIsBroken() {
        List<NodeEvent> events = new ArrayList<>(healthyElection().subList(0, 4));
        events.add(event(500, 2, "restored", "term", 2L, "votedFor", 0L, "lastLogIndex", 0L));
        assertThat(check(events, Map.of()).violations()).singleElement().satisfies(v -> {
            assertThat(v.property()).isEqualTo("persistent-state");
            assertThat(v.node()).isEqualTo(2);
            assertThat(v.explanation()).contains("n2 granted its vote in term 2 to n1").contains("votedFor none");
        });
    }

    @Test
    void whenACandidateRestartsWithoutItsOwnVote_thenPersistentStateIsBroken() {
        List<NodeEvent> events = new ArrayList<>(healthyElection().subList(0, 4));
        events.add(event(600, 1, "restored", "term", 2L, "votedFor", 0L, "lastLogIndex", 3L));
        assertThat(check(events, Map.of()).violations()).singleElement().satisfies(v -> {
            assertThat(v.node()).isEqualTo(1);
            assertThat(v.explanation()).contains("n1 voted for itself in term 2 (its RequestVote reached n2")
                    .contains("votedFor none");
        });
    }

    @Test
    void whenAVoterRestartsInAnEarlierTerm_thenCurrentTermWentBack() {
        List<NodeEvent> events = new ArrayList<>(healthyElection().subList(0, 4));
        events.add(event(500, 2, "restored", "term", 1L, "votedFor", 0L, "lastLogIndex", 0L));
        assertThat(check(events, Map.of()).violations()).singleElement()
                .satisfies(v -> assertThat(v.explanation()).contains("currentTerm went back"));
    }

    @Test
    void aVoteThatNeverReachedItsCandidateBeforeTheRestartMayBeLost() {
        // Granted in memory, killed before the fsync and the answer: nothing was promised.
        List<NodeEvent> events = List.of(
                event(101, 2, "vote-granted", "term", 2L, "candidate", 1L),
                event(500, 2, "restored", "term", 1L, "votedFor", 0L, "lastLogIndex", 0L),
                event(600, 1, "restored", "term", 2L, "votedFor", 1L, "lastLogIndex", 0L));
        assertThat(check(events, Map.of()).violations()).isEmpty();
    }

    @Test
    void whenAFollowerKeepsEntriesOfAnOlderTermAfterNewerOnes_thenLogMatchingIsBroken() {
        RaftCheck result = check(List.of(), Map.of(1, log(1, 3, 3), 2, log(1, 3, 2, 2)));
        assertThat(result.violations()).extracting(Violation::property).containsExactly("log-matching");
        assertThat(result.violations().get(0).explanation())
                .contains("n2's final log holds an entry of term 2 at index 3 after one of term 3 at index 2")
                .contains("2 entries of older terms");
    }

    @Test
    void whenTwoLogsShareAnEntryButNotItsPrefix_thenLogMatchingIsBroken() {
        List<LogEntry> other = new ArrayList<>(log(1, 1, 2));
        other.set(1, new LogEntry(2, 1, "{\"op\":\"WRITE\",\"value\":\"other\"}"));
        RaftCheck result = check(List.of(), Map.of(1, log(1, 1, 2), 2, other));
        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.property()).isEqualTo("log-matching");
            assertThat(v.explanation()).contains("both hold an entry of term 2 at index 3 but differ at index 2");
        });
    }

    @Test
    void whenCommittedEntriesDiffer_thenStateMachineSafetyIsBrokenAndReportedOnce() {
        List<LogEntry> other = new ArrayList<>(log(1, 2, 2));
        other.set(1, new LogEntry(2, 2, "{\"op\":\"WRITE\",\"value\":\"other\"}"));
        RaftCheck result = check(healthyElection(), Map.of(1, log(1, 2, 2), 2, other));
        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.property()).isEqualTo("state-machine-safety");
            assertThat(v.explanation()).contains("both committed index 2");
        });
    }

    @Test
    void whenAnAppendLeavesAnOlderTermAtTheEndOfTheLog_thenLogMatchingIsBrokenOncePerNodeAndTerm() {
        List<NodeEvent> events = List.of(
                event(10, 3, "entries-appended", "first", 5L, "last", 9L, "term", 4L, "firstTerm", 4L, "lastTerm", 4L),
                event(20, 2, "entries-appended", "first", 5L, "last", 9L, "term", 6L, "firstTerm", 6L, "lastTerm", 4L),
                event(30, 2, "entries-appended", "first", 6L, "last", 9L, "term", 6L, "firstTerm", 6L, "lastTerm", 4L));
        assertThat(events).filteredOn(RaftInvariants::relevant).hasSize(2);
        assertThat(check(events, Map.of()).violations()).singleElement().satisfies(v -> {
            assertThat(v.property()).isEqualTo("log-matching");
            assertThat(v.node()).isEqualTo(2);
            assertThat(v.explanation()).contains("n2 appended entries from index 5 (term 6) yet its log still ends "
                    + "at index 9 with term 4");
        });
    }

    @Test
    void aStoredTermRegressionFoundOnRestartBreaksLogMatchingButATornTailDoesNot() {
        List<NodeEvent> events = List.of(
                event(10, 1, "log-tail-discarded", "bytes", 40L, "reason", "torn record data at byte 400"),
                event(20, 2, "log-tail-discarded", "bytes", 90L, "reason", "term 3 below previous term 5 at byte 812"));
        assertThat(check(events, Map.of()).violations()).singleElement().satisfies(v -> {
            assertThat(v.property()).isEqualTo("log-matching");
            assertThat(v.node()).isEqualTo(2);
        });
    }
}
