package io.rafttorture.node.raft;

import io.rafttorture.node.raft.Message.AppendEntries;
import io.rafttorture.node.raft.Message.AppendEntriesResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Linearizable reads through ReadIndex (Raft thesis §6.4): no clocks, a confirmed heartbeat round per batch. */
class ReadIndexTest {
    private static final List<Integer> THREE = List.of(1, 2, 3);

    /** Node 1 leads term 1 with nothing acknowledged yet: its no-op (index 1) is not committed. */
    private static RaftCore freshLeader() {
        RaftCore leader = new RaftCore(RaftConfig.defaults(1, THREE).withElectionMs(150, 150), HardState.INITIAL,
                List.of(), EventSink.NONE);
        for (int i = 0; i < 15; i++) leader.tick();
        leader.step(new Message.RequestVoteResponse(2, 1, 1, 1, true));
        leader.takeMessages();
        return leader;
    }

    @Test
    void whenLeaderHasNotCommittedAnEntryOfItsTerm_thenReadWaits_6_4() {
        RaftCore leader = freshLeader();
        assertThat(leader.requestRead(7)).isTrue();
        assertThat(leader.takeMessages()).as("no round before the no-op commits").isEmpty();
        leader.step(new AppendEntriesResponse(2, 1, 1, 1, true, 1, 0, 0, 1));
        assertThat(leader.commitIndex()).isEqualTo(1);
        List<Message> round = leader.takeMessages();
        long roundNo = round.stream().filter(m -> m instanceof AppendEntries)
                .mapToLong(m -> ((AppendEntries) m).round())
                .max().orElseThrow();
        assertThat(leader.takeReadStates()).as("round started, not yet confirmed").isEmpty();
        leader.step(new AppendEntriesResponse(3, 1, 1, 1, true, 0, 0, 0, roundNo));
        assertThat(leader.takeReadStates()).containsExactly(new ReadState(7, 1));
    }

    @Test
    void whenOnlyAnOlderRoundIsEchoed_thenReadIsNotConfirmed_6_4() {
        RaftCore leader = freshLeader();
        leader.step(new AppendEntriesResponse(2, 1, 1, 1, true, 1, 0, 0, 1));
        leader.takeMessages();
        leader.requestRead(8);
        List<Message> round = leader.takeMessages();
        long roundNo = ((AppendEntries) round.get(0)).round();
        leader.step(new AppendEntriesResponse(3, 1, 1, 1, true, 1, 0, 0, roundNo - 1));
        assertThat(leader.takeReadStates()).as("an echo of a round sent before the read proves nothing").isEmpty();
        leader.step(new AppendEntriesResponse(3, 1, 1, 1, false, 0, 2, 0, roundNo));
        assertThat(leader.takeReadStates()).as("even a rejection proves the follower accepts this term")
                .containsExactly(new ReadState(8, 1));
    }

    /**
     * Issue 16: node 3 refuses node 1's AppendEntries of term 2 (round 262, queued while node 3 was down) after both
     * moved to term 8, which node 1 won. The refusal carries term 8 and must still not count as an echo of round 262
     * in term 8, where node 1 has sent only a few rounds.
     */
    @Test
    void whenAnOldTermsRoundIsAnsweredInTheCurrentTerm_thenReadIsNotConfirmed_6_4() {
        RaftCore leader = new RaftCore(RaftConfig.defaults(1, THREE).withElectionMs(150, 150), new HardState(7, 0),
                List.of(Entry.noop(1, 2)), EventSink.NONE);
        for (int i = 0; i < 15; i++) leader.tick();
        leader.step(new Message.RequestVoteResponse(2, 1, 8, 8, true));
        leader.step(new AppendEntriesResponse(2, 1, 8, 8, true, 2, 0, 0, 1));
        assertThat(leader.commitIndex()).as("the term-8 no-op commits with node 2").isEqualTo(2);
        leader.takeMessages();
        leader.requestRead(9);
        long roundNo = ((AppendEntries) leader.takeMessages().get(0)).round();
        assertThat(roundNo).isLessThan(262);

        leader.step(new AppendEntriesResponse(3, 1, 8, 2, false, 0, 0, 0, 262));
        assertThat(leader.takeReadStates()).as("an answer to round 262 of term 2 confirms nothing in term 8").isEmpty();
        leader.step(new AppendEntriesResponse(3, 1, 8, 8, true, 2, 0, 0, roundNo));
        assertThat(leader.takeReadStates()).containsExactly(new ReadState(9, 2));
    }

    @Test
    void whenManyReadsArriveDuringARound_thenTheyShareTheNextRound_6_4() {
        RaftCore leader = freshLeader();
        leader.step(new AppendEntriesResponse(2, 1, 1, 1, true, 1, 0, 0, 1));
        leader.takeMessages();
        leader.requestRead(1);
        int firstRoundMessages = leader.takeMessages().size();
        for (long id = 2; id <= 50; id++) leader.requestRead(id);
        assertThat(leader.takeMessages()).as("reads queue behind the round in flight").isEmpty();
        leader.step(new AppendEntriesResponse(2, 1, 1, 1, true, 1, 0, 0, 2));
        assertThat(leader.takeReadStates()).extracting(ReadState::readId).containsExactly(1L);
        assertThat(leader.takeMessages()).as("one new round for the 49 queued reads").hasSize(firstRoundMessages);
        leader.step(new AppendEntriesResponse(3, 1, 1, 1, true, 1, 0, 0, 3));
        assertThat(leader.takeReadStates()).hasSize(49);
    }

    @Test
    void whenLeaderStepsDown_thenQueuedReadsAreDropped_6_4() {
        RaftCore leader = freshLeader();
        leader.requestRead(1);
        leader.step(new AppendEntriesResponse(2, 1, 5, 5, false, 0, 0, 0, 1));
        assertThat(leader.role()).isEqualTo(Role.FOLLOWER);
        leader.step(new AppendEntriesResponse(3, 1, 5, 5, true, 1, 0, 0, 9));
        assertThat(leader.takeReadStates()).isEmpty();
        assertThat(leader.requestRead(2)).isFalse();
    }

    @Test
    void whenClusterHasOneNode_thenReadsConfirmAtOnce_6_4() {
        RaftCore n = new RaftCore(RaftConfig.defaults(1, List.of(1)).withElectionMs(150, 150), HardState.INITIAL,
                List.of(), EventSink.NONE);
        for (int i = 0; i < 15; i++) n.tick();
        n.requestRead(3);
        assertThat(n.takeReadStates()).containsExactly(new ReadState(3, 1));
    }
}
