package io.rafttorture.node.raft;

import io.rafttorture.node.raft.Message.AppendEntries;
import io.rafttorture.node.raft.Message.RequestVote;
import io.rafttorture.node.raft.Message.RequestVoteResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Leader election (§5.2) and the election restriction (§5.4.1). */
class ElectionTest {
    private static final List<Integer> THREE = List.of(1, 2, 3);

    private static RaftCore node(int id, HardState hs, List<Entry> log) {
        return new RaftCore(RaftConfig.defaults(id, THREE).withElectionMs(150, 150), hs, log, EventSink.NONE);
    }

    @Test
    void whenElectionTimeoutElapses_thenFollowerBecomesCandidateAndRequestsVotes_5_2() {
        RaftCore n = node(1, new HardState(4, 0), List.of());
        for (int i = 0; i < 14; i++) n.tick();
        assertThat(n.role()).isEqualTo(Role.FOLLOWER);
        n.tick();
        assertThat(n.role()).isEqualTo(Role.CANDIDATE);
        assertThat(n.hardState()).isEqualTo(new HardState(5, 1));
        assertThat(n.takeMessages()).containsExactlyInAnyOrder(
                new RequestVote(1, 2, 5, 0, 0), new RequestVote(1, 3, 5, 0, 0));
    }

    @Test
    void whenCandidateLogIsStale_thenVoteRefused_5_4_1() {
        RaftCore n = node(2, new HardState(3, 0), List.of(new Entry(1, 1, Entry.NOOP, null),
                new Entry(2, 3, Entry.NOOP, null)));
        n.step(new RequestVote(1, 2, 4, 5, 2)); // longer log but older last term
        assertThat(n.takeMessages()).containsExactly(new RequestVoteResponse(2, 1, 4, 4, false));
        assertThat(n.votedFor()).isZero();
        n.step(new RequestVote(3, 2, 4, 1, 3)); // same last term, shorter log
        assertThat(n.takeMessages()).containsExactly(new RequestVoteResponse(2, 3, 4, 4, false));
    }

    @Test
    void whenCandidateLogIsAsUpToDate_thenVoteGrantedAndPersisted_5_4_1() {
        RaftCore n = node(2, new HardState(3, 0), List.of(new Entry(1, 3, Entry.NOOP, null)));
        n.step(new RequestVote(1, 2, 4, 1, 3));
        assertThat(n.takeMessages()).containsExactly(new RequestVoteResponse(2, 1, 4, 4, true));
        assertThat(n.hardState()).isEqualTo(new HardState(4, 1));
    }

    @Test
    void whenAlreadyVotedInTerm_thenOtherCandidateRefusedButSameCandidateRegranted_5_2() {
        RaftCore n = node(2, new HardState(3, 0), List.of());
        n.step(new RequestVote(1, 2, 4, 0, 0));
        n.step(new RequestVote(3, 2, 4, 0, 0));
        n.step(new RequestVote(1, 2, 4, 0, 0)); // a duplicate of the granted request
        assertThat(n.takeMessages()).containsExactly(new RequestVoteResponse(2, 1, 4, 4, true),
                new RequestVoteResponse(2, 3, 4, 4, false), new RequestVoteResponse(2, 1, 4, 4, true));
    }

    @Test
    void whenVoteGranted_thenElectionTimerResets_5_2() {
        RaftCore n = node(2, new HardState(3, 0), List.of());
        for (int i = 0; i < 10; i++) n.tick();
        n.step(new RequestVote(1, 2, 4, 0, 0));
        for (int i = 0; i < 14; i++) n.tick();
        assertThat(n.role()).as("timer restarted at the grant: 14 ticks < 15").isEqualTo(Role.FOLLOWER);
        n.tick();
        assertThat(n.role()).isEqualTo(Role.CANDIDATE);
    }

    @Test
    void whenAStaleCandidateIsRefused_thenTheElectionTimerKeepsRunning_5_2() {
        RaftCore n = node(2, new HardState(3, 0), List.of(new Entry(1, 3, Entry.NOOP, null)));
        for (int i = 0; i < 10; i++) n.tick();
        n.step(new RequestVote(1, 2, 9, 0, 0)); // higher term, but its log is behind: refused
        assertThat(n.term()).isEqualTo(9);
        for (int i = 0; i < 5; i++) n.tick();
        assertThat(n.role()).as("a refused vote does not restart the timer (Figure 2)").isEqualTo(Role.CANDIDATE);
        assertThat(n.term()).isEqualTo(10);
    }

    @Test
    void whenRequestVoteHasStaleTerm_thenRefusedWithCurrentTermNamingTheRequestsTerm_5_1() {
        RaftCore n = node(2, new HardState(7, 0), List.of());
        n.step(new RequestVote(1, 2, 6, 9, 6));
        assertThat(n.takeMessages()).containsExactly(new RequestVoteResponse(2, 1, 7, 6, false));
        assertThat(n.hardState()).isEqualTo(new HardState(7, 0));
    }

    @Test
    void whenMajorityGrants_thenCandidateLeadsAndAppendsNoopOfItsTerm_5_2_and_8() {
        CoreNet net = CoreNet.withLeader(3);
        RaftCore leader = net.core(1);
        assertThat(leader.role()).isEqualTo(Role.LEADER);
        assertThat(leader.log().entry(1)).isEqualTo(Entry.noop(1, 1));
        assertThat(leader.commitIndex()).as("the no-op commits once a majority stores it").isEqualTo(1);
        assertThat(net.core(2).leader()).isEqualTo(1);
        assertThat(net.core(3).log().lastIndex()).isEqualTo(1);
    }

    @Test
    void whenAnyMessageHasHigherTerm_thenLeaderStepsDown_5_1() {
        CoreNet net = CoreNet.withLeader(3);
        RaftCore leader = net.core(1);
        leader.step(new RequestVoteResponse(2, 1, 9, 9, false));
        assertThat(leader.role()).isEqualTo(Role.FOLLOWER);
        assertThat(leader.hardState()).isEqualTo(new HardState(9, 0));
        assertThat(leader.leader()).isZero();
    }

    @Test
    void whenAVoterRefusesAnOlderTermsRequest_thenTheCandidateStillAsksItInThisTerm_5_1() {
        RaftCore n = new RaftCore(RaftConfig.defaults(1, THREE).withElectionMs(300, 300), new HardState(4, 0),
                List.of(), EventSink.NONE);
        for (int i = 0; i < 30; i++) n.tick(); // campaigns for term 5
        n.takeMessages();
        n.step(new RequestVoteResponse(2, 1, 5, 4, false)); // node 2, now in term 5, refuses the term-4 request
        assertThat(n.role()).isEqualTo(Role.CANDIDATE);
        for (int i = 0; i < 10; i++) n.tick();
        assertThat(n.takeMessages()).as("an answer to term 4 is not an answer to term 5: both are asked again")
                .containsExactlyInAnyOrder(new RequestVote(1, 2, 5, 0, 0), new RequestVote(1, 3, 5, 0, 0));
    }

    @Test
    void whenCandidateHearsNoAnswer_thenItResendsRequestVoteAfterRpcTimeout() {
        RaftCore n = new RaftCore(RaftConfig.defaults(1, THREE).withElectionMs(300, 300), HardState.INITIAL,
                List.of(), EventSink.NONE);
        for (int i = 0; i < 30; i++) n.tick();
        assertThat(n.takeMessages()).hasSize(2);
        n.step(new RequestVoteResponse(2, 1, 1, 1, false));
        for (int i = 0; i < 9; i++) n.tick();
        assertThat(n.takeMessages()).isEmpty();
        n.tick(); // 10 ticks = rpcTimeoutMs 100
        assertThat(n.takeMessages()).as("only the silent peer is asked again")
                .containsExactly(new RequestVote(1, 3, 1, 0, 0));
    }

    @Test
    void whenCandidateReceivesAppendEntriesOfItsTerm_thenItFollowsTheSender_5_2() {
        RaftCore n = node(1, HardState.INITIAL, List.of());
        for (int i = 0; i < 15; i++) n.tick();
        n.step(new AppendEntries(2, 1, 1, 0, 0, List.of(), 0, 1));
        assertThat(n.role()).isEqualTo(Role.FOLLOWER);
        assertThat(n.leader()).isEqualTo(2);
        assertThat(n.term()).isEqualTo(1);
    }

    @Test
    void whenClusterHasOneNode_thenItElectsItselfAndCommitsAlone() {
        RaftCore n = new RaftCore(RaftConfig.defaults(1, List.of(1)).withElectionMs(150, 150), HardState.INITIAL,
                List.of(), EventSink.NONE);
        for (int i = 0; i < 15; i++) n.tick();
        assertThat(n.role()).isEqualTo(Role.LEADER);
        assertThat(n.propose(new byte[]{7})).isEqualTo(2);
        assertThat(n.commitIndex()).isEqualTo(2);
    }

    @Test
    void whenTheSameSeedIsUsed_thenElectionTimeoutsReplayExactly() {
        RaftConfig config = RaftConfig.defaults(2, THREE).withSeed(99);
        assertThat(ticksToCampaign(config)).isEqualTo(ticksToCampaign(config)).isBetween(15, 30);
    }

    private static int ticksToCampaign(RaftConfig config) {
        RaftCore n = new RaftCore(config, HardState.INITIAL, List.of(), EventSink.NONE);
        int ticks = 0;
        while (n.role() == Role.FOLLOWER) {
            n.tick();
            ticks++;
        }
        return ticks;
    }
}
