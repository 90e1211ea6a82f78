package io.rafttorture.node.replica;

import io.rafttorture.node.kv.ClientRequest;
import io.rafttorture.node.raft.Bug;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a node reports as events, and that their volume does not grow with the write rate. */
class EventsTest {

    private static List<Event> events(ReplicaNet net) {
        return net.readies.stream().flatMap(rd -> rd.events().stream()).toList();
    }

    @Test
    void whenAnElectionHappens_thenVotesRolesAndTheWinAreReported() {
        ReplicaNet net = ReplicaNet.withLeader(3, Bug.NONE);
        assertThat(events(net)).extracting(Event::type).contains("election-started", "vote-requested",
                "vote-granted", "election-won", "role-changed", "append-sent", "append-handled", "append-answered",
                "entries-appended");
        Event granted = events(net).stream().filter(e -> e.type().equals("vote-granted")).findFirst().orElseThrow();
        assertThat(granted.fields()).containsEntry("term", 1L).containsEntry("candidate", 1);
        Event answered = events(net).stream().filter(e -> e.type().equals("vote-answered")).findFirst().orElseThrow();
        assertThat(answered.fields()).as("the candidate reports the vote it received")
                .containsEntry("term", 1L).containsEntry("granted", true);
        Event appended = events(net).stream().filter(e -> e.type().equals("entries-appended")).findFirst().orElseThrow();
        assertThat(appended.fields()).as("the log's terms at both ends of the append")
                .containsEntry("firstTerm", 1L).containsEntry("lastTerm", 1L);
    }

    @Test
    void whenAVoteIsRefused_thenTheReasonIsReported() {
        ReplicaNet net = ReplicaNet.withLeader(3, Bug.NONE);
        net.r(2).step(new io.rafttorture.node.raft.Message.RequestVote(3, 2, 1, 0, 0));
        net.drain(2);
        Event refused = events(net).stream().filter(e -> e.type().equals("vote-refused")).findFirst().orElseThrow();
        assertThat(refused.fields().get("reason")).isEqualTo("already voted for 1");
    }

    @Test
    void whenManyWritesCommit_thenAppendsCommitsAndAppliesAreReportedAsRanges() {
        ReplicaNet net = ReplicaNet.withLeader(3, Bug.NONE);
        int before = events(net).size();
        for (int i = 0; i < 500; i++) {
            net.submit(1, ClientRequest.write(5, i, "k", "v" + i));
            net.stabilize();
        }
        net.tick(1, 1);
        List<Event> during = events(net).subList(before, events(net).size());
        assertThat(net.answers).hasSize(500);
        assertThat(during).as("a bounded number of lines for 500 writes").hasSizeLessThan(500);
        Event committed = during.stream().filter(e -> e.type().equals("entries-committed")).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(committed.fields()).containsEntry("last", 501L);
        assertThat(during.stream().filter(e -> e.type().equals("entries-applied")).map(Event::fields)
                .map(f -> f.get("last"))).containsExactly(501L);
    }

    @Test
    void eventFieldsKeepTheirOrder() {
        Event e = Event.of("x", "b", 1, "a", 2);
        assertThat(e.fields().keySet()).containsExactly("b", "a");
        assertThat(e.fields()).isEqualTo(Map.of("a", 2, "b", 1));
    }
}
