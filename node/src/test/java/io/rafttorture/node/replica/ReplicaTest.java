package io.rafttorture.node.replica;

import io.rafttorture.node.kv.ClientRequest;
import io.rafttorture.node.kv.ClientResponse;
import io.rafttorture.node.kv.ClientResponse.Status;
import io.rafttorture.node.raft.Bug;
import io.rafttorture.node.raft.Entry;
import io.rafttorture.node.raft.HardState;
import io.rafttorture.node.raft.Message;
import io.rafttorture.node.raft.RaftConfig;
import io.rafttorture.node.raft.Role;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaTest {

    @Test
    void whenNotLeader_thenWritesAndReadsGetNotLeaderWithTheKnownLeader() {
        ReplicaNet net = ReplicaNet.withLeader(3, Bug.NONE);
        net.submit(2, ClientRequest.write(5, 1, "k", "v"));
        net.submit(2, ClientRequest.read(5, 2, "k"));
        assertThat(net.answers).extracting(ClientResponse::status, ClientResponse::leader)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Status.NOT_LEADER, 1),
                        org.assertj.core.groups.Tuple.tuple(Status.NOT_LEADER, 1));
    }

    @Test
    void whenNoLeaderIsKnown_thenNotLeaderNamesNone() {
        ReplicaNet net = new ReplicaNet(3, Bug.NONE);
        net.submit(2, ClientRequest.write(5, 1, "k", "v"));
        assertThat(net.lastAnswer().status()).isEqualTo(Status.NOT_LEADER);
        assertThat(net.lastAnswer().leader()).isZero();
    }

    @Test
    void whenARetriedWriteCommitsAgain_thenItTakesEffectOnceAndGetsTheStoredAnswer() {
        ReplicaNet net = ReplicaNet.withLeader(3, Bug.NONE);
        net.submit(1, ClientRequest.write(5, 1, "k", "a"));
        net.stabilize();
        net.submit(1, ClientRequest.write(6, 1, "k", "b"));
        net.stabilize();
        net.submit(1, ClientRequest.write(5, 1, "k", "a")); // the client retries after losing the answer
        net.stabilize();
        assertThat(net.answers).extracting(ClientResponse::status).containsOnly(Status.OK).hasSize(3);
        assertThat(net.r(1).localValue("k")).as("the retry did not apply again").isEqualTo("b");
        assertThat(net.r(1).status().lastApplied()).isEqualTo(4);
    }

    @Test
    void whenAnOlderSeqCommitsAfterANewerOne_thenItIsNotAppliedAndTimesOutWithoutAValue() {
        ReplicaNet net = ReplicaNet.withLeader(3, Bug.NONE);
        net.submit(1, ClientRequest.write(5, 2, "k", "new"));
        net.submit(1, ClientRequest.write(5, 1, "k", "old")); // a late retry of an earlier request
        net.stabilize();
        assertThat(net.answers).extracting(ClientResponse::seq, ClientResponse::status, ClientResponse::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, Status.OK, null),
                        org.assertj.core.groups.Tuple.tuple(1L, Status.TIMEOUT, null));
        assertThat(net.lastAnswer().message()).contains("later seq");
        assertThat(net.r(1).localValue("k")).isEqualTo("new");
    }

    @Test
    void whenAWriteCommits_thenItIsAnsweredOkOnlyAfterAMajorityStoredIt_5_3() {
        ReplicaNet net = ReplicaNet.withLeader(3, Bug.NONE);
        net.submit(1, ClientRequest.write(5, 1, "k", "v"));
        assertThat(net.answers).as("not before replication").isEmpty();
        net.stabilize();
        assertThat(net.answers).containsExactly(new ClientResponse(5, 1, Status.OK, null, 1, ""));
        net.tick(1, 5); // a heartbeat carries the new commitIndex to the followers
        net.stabilize();
        assertThat(net.r(3).localValue("k")).isEqualTo("v");
        assertThat(net.r(3).status().lastApplied()).isEqualTo(2);
    }

    @Test
    void whenAReadIsSubmitted_thenItIsServedAfterAConfirmedRound_6_4() {
        ReplicaNet net = ReplicaNet.withLeader(3, Bug.NONE);
        net.submit(1, ClientRequest.write(5, 1, "k", "v"));
        net.stabilize();
        net.submit(1, ClientRequest.read(6, 1, "k"));
        assertThat(net.lastAnswer().clientId()).as("no answer before the round").isEqualTo(5);
        net.stabilize();
        assertThat(net.lastAnswer()).isEqualTo(new ClientResponse(6, 1, Status.OK, "v", 1, ""));
    }

    @Test
    void whenCasExpectsAnotherValue_thenCasMismatch() {
        ReplicaNet net = ReplicaNet.withLeader(3, Bug.NONE);
        net.submit(1, ClientRequest.cas(5, 1, "k", "x", "y"));
        net.stabilize();
        assertThat(net.lastAnswer().status()).isEqualTo(Status.CAS_MISMATCH);
    }

    @Test
    void whenStatusIsRequested_thenItIsAnsweredAtOnceAsJson() {
        ReplicaNet net = ReplicaNet.withLeader(3, Bug.NONE);
        net.submit(2, ClientRequest.status(9, 1));
        assertThat(net.lastAnswer().status()).isEqualTo(Status.OK);
        assertThat(net.lastAnswer().value()).isEqualTo("{\"id\":2,\"role\":\"FOLLOWER\",\"term\":1,\"votedFor\":1,"
                + "\"leader\":1,\"commitIndex\":1,\"lastApplied\":1,\"lastLogIndex\":1,\"lastLogTerm\":1}");
    }

    @Test
    void whenTheKeyIsMissing_thenBadRequestNamesIt() {
        ReplicaNet net = ReplicaNet.withLeader(3, Bug.NONE);
        net.submit(1, new ClientRequest(1, 1, ClientRequest.Op.WRITE, null, "v", null));
        assertThat(net.lastAnswer().status()).isEqualTo(Status.BAD_REQUEST);
        assertThat(net.lastAnswer().message()).contains("key");
    }

    @Test
    void whenTheLeaderStepsDown_thenPendingWritesTimeOutAndPendingReadsAreUnavailable() {
        ReplicaNet net = ReplicaNet.withLeader(3, Bug.NONE);
        net.cut.add(1);
        net.submit(1, ClientRequest.write(5, 1, "k", "v"));
        net.submit(1, ClientRequest.read(6, 1, "k"));
        net.r(1).step(new Message.AppendEntries(2, 1, 7, 0, 0, List.of(), 0, 1));
        net.drain(1);
        assertThat(net.answers).extracting(ClientResponse::status).containsExactly(Status.TIMEOUT, Status.UNAVAILABLE);
        assertThat(net.r(1).status().role()).isEqualTo(Role.FOLLOWER);
    }

    @Test
    void whenNothingCommitsWithinRequestTimeout_thenWriteTimesOutAndReadIsUnavailable() {
        ReplicaNet net = ReplicaNet.withLeader(3, Bug.NONE);
        net.cut.add(1);
        net.submit(1, ClientRequest.write(5, 1, "k", "v"));
        net.submit(1, ClientRequest.read(6, 1, "k"));
        net.tick(1, 99);
        assertThat(net.answers).isEmpty();
        net.tick(1, 1); // requestTimeoutMs 1000 = 100 ticks
        assertThat(net.answers).extracting(ClientResponse::status).containsExactly(Status.TIMEOUT, Status.UNAVAILABLE);
    }

    @Test
    void whenHardStateIsUnchanged_thenReadyCarriesNoneAndAdvanceClearsTheWork() {
        ReplicaNet net = new ReplicaNet(3, Bug.NONE);
        net.r(2).step(new Message.RequestVote(1, 2, 1, 0, 0));
        Ready vote = net.r(2).ready();
        assertThat(vote.hardState()).isEqualTo(new HardState(1, 1));
        assertThat(vote.messages()).containsExactly(new Message.RequestVoteResponse(2, 1, 1, 1, true));
        net.r(2).advance(vote);
        assertThat(net.r(2).hasReady()).isFalse();
        net.r(2).step(new Message.AppendEntries(1, 2, 1, 0, 0, List.of(Entry.noop(1, 1)), 0, 1));
        Ready append = net.r(2).ready();
        assertThat(append.hardState()).isNull();
        assertThat(append.entries()).containsExactly(Entry.noop(1, 1));
        net.r(2).advance(append);
        assertThat(net.r(2).hasReady()).isFalse();
    }

    @Test
    void whenRestoredFromStorage_thenTheMapIsRebuiltOnceCommitIsLearned_5_2() {
        ReplicaNet net = ReplicaNet.withLeader(3, Bug.NONE);
        net.submit(1, ClientRequest.write(5, 1, "k", "v"));
        net.stabilize();
        List<Entry> log = net.readies.stream().filter(rd -> rd.messages().stream().anyMatch(m -> m.from() == 1))
                .flatMap(rd -> rd.entries().stream()).distinct().toList();
        RaftConfig config = RaftConfig.defaults(1, List.of(1)).withElectionMs(150, 150);
        Replica restored = Replica.restore(config, new HardState(1, 1), log);
        assertThat(restored.localValue("k")).as("commitIndex is not persisted").isNull();
        for (int i = 0; i < 15; i++) restored.tick();
        assertThat(restored.status().role()).isEqualTo(Role.LEADER);
        assertThat(restored.localValue("k")).isEqualTo("v");
    }

    @Test
    void whenForgetVoteBugIsOn_thenStorageGetsNoVoteWhileMemoryKeepsIt() {
        ReplicaNet net = new ReplicaNet(3, Bug.FORGET_VOTE);
        net.r(2).step(new Message.RequestVote(1, 2, 1, 0, 0));
        Ready vote = net.r(2).ready();
        assertThat(vote.hardState()).isEqualTo(new HardState(1, 0));
        assertThat(net.r(2).status().votedFor()).isEqualTo(1);
    }

    @Test
    void whenEarlyAckBugIsOn_thenTheLeaderAnswersBeforeCommit() {
        ReplicaNet net = ReplicaNet.withLeader(3, Bug.EARLY_ACK);
        net.cut.add(1);
        net.submit(1, ClientRequest.write(5, 1, "k", "v"));
        assertThat(net.lastAnswer().status()).isEqualTo(Status.OK);
        assertThat(net.r(1).status().commitIndex()).isEqualTo(1);
    }

    @Test
    void whenStaleReadBugIsOn_thenAFollowerAnswersFromItsOwnState() {
        ReplicaNet net = ReplicaNet.withLeader(3, Bug.STALE_READ);
        net.submit(2, ClientRequest.read(5, 1, "k"));
        assertThat(net.lastAnswer()).isEqualTo(new ClientResponse(5, 1, Status.OK, null, 1, ""));
    }

    @Test
    void whenLeaderReadNoQuorumBugIsOn_thenAnIsolatedLeaderStillAnswersReads() {
        ReplicaNet net = ReplicaNet.withLeader(3, Bug.LEADER_READ_NO_QUORUM);
        net.cut.add(1);
        net.submit(1, ClientRequest.read(5, 1, "k"));
        assertThat(net.lastAnswer().status()).isEqualTo(Status.OK);
        net.submit(2, ClientRequest.read(5, 2, "k"));
        assertThat(net.lastAnswer().status()).as("followers still refuse").isEqualTo(Status.NOT_LEADER);
    }
}
