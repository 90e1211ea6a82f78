package io.rafttorture.node.raft;

import io.rafttorture.node.raft.Message.AppendEntries;
import io.rafttorture.node.raft.Message.AppendEntriesResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Log replication (§5.3), the commit rule (§5.4.2), flow control and RPC re-sends. */
class ReplicationTest {
    private static final List<Integer> THREE = List.of(1, 2, 3);

    private static Entry e(long index, long term) {
        return new Entry(index, term, Entry.COMMAND, new byte[]{(byte) index, (byte) term});
    }

    private static List<Entry> log(long... terms) {
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < terms.length; i++) out.add(e(i + 1, terms[i]));
        return out;
    }

    private static RaftCore follower(HardState hs, List<Entry> log) {
        return follower(hs, log, Bug.NONE);
    }

    private static RaftCore follower(HardState hs, List<Entry> log, Bug bug) {
        return new RaftCore(RaftConfig.defaults(2, THREE).withBug(bug), hs, log, EventSink.NONE);
    }

    private static AppendEntriesResponse onlyResponse(RaftCore n) {
        List<Message> out = n.takeMessages();
        assertThat(out).hasSize(1);
        return (AppendEntriesResponse) out.get(0);
    }

    @Test
    void whenPrevLogTermMismatches_thenFollowerRejectsWithTheConflictingTermsFirstIndex_5_3() {
        RaftCore f = follower(new HardState(3, 0), log(1, 2, 2, 2));
        f.step(new AppendEntries(1, 2, 3, 4, 3, List.of(e(5, 3)), 0, 1));
        AppendEntriesResponse r = onlyResponse(f);
        assertThat(r.success()).isFalse();
        assertThat(r.conflictTerm()).isEqualTo(2);
        assertThat(r.conflictIndex()).isEqualTo(2);
        assertThat(f.log().lastIndex()).isEqualTo(4);
    }

    @Test
    void whenPrevLogIndexIsBeyondTheLog_thenFollowerRejectsWithItsLength_5_3() {
        RaftCore f = follower(new HardState(3, 0), log(1));
        f.step(new AppendEntries(1, 2, 3, 6, 3, List.of(), 0, 1));
        AppendEntriesResponse r = onlyResponse(f);
        assertThat(r.success()).isFalse();
        assertThat(r.conflictIndex()).isEqualTo(2);
        assertThat(r.conflictTerm()).isZero();
    }

    @Test
    void whenAnEntryConflicts_thenFollowerDeletesItAndAllThatFollow_5_3() {
        RaftCore f = follower(new HardState(2, 0), log(1, 1, 1, 1));
        f.step(new AppendEntries(1, 2, 3, 1, 1, List.of(e(2, 3)), 0, 1));
        assertThat(onlyResponse(f).matchIndex()).isEqualTo(2);
        assertThat(f.log().slice(1, 10)).containsExactly(e(1, 1), e(2, 3));
        assertThat(f.log().stableIndex()).as("storage must delete from index 2").isEqualTo(1);
        assertThat(f.log().unstableEntries()).containsExactly(e(2, 3));
    }

    @Test
    void whenAnOldAppendEntriesIsRedelivered_thenALongerMatchingLogIsNotTruncated_5_3() {
        RaftCore f = follower(new HardState(3, 0), log(1, 3, 3, 3));
        f.step(new AppendEntries(1, 2, 3, 1, 1, List.of(e(2, 3)), 0, 1));
        AppendEntriesResponse r = onlyResponse(f);
        assertThat(r.success()).isTrue();
        assertThat(r.matchIndex()).as("only what this message proves").isEqualTo(2);
        assertThat(f.log().lastIndex()).isEqualTo(4);
    }

    @Test
    void whenLeaderCommitIsAhead_thenFollowerCommitsOnlyUpToItsLastNewEntry_5_3() {
        RaftCore f = follower(new HardState(3, 0), log(1, 1, 1, 1, 1));
        f.step(new AppendEntries(1, 2, 3, 1, 1, List.of(e(2, 1)), 9, 1));
        assertThat(f.commitIndex()).isEqualTo(2);
        f.step(new AppendEntries(1, 2, 3, 5, 1, List.of(), 4, 2));
        assertThat(f.commitIndex()).isEqualTo(4);
    }

    @Test
    void whenAppendEntriesHasAStaleTerm_thenRejectedWithoutTouchingTheLog_5_1() {
        RaftCore f = follower(new HardState(5, 0), log(1));
        f.step(new AppendEntries(1, 2, 4, 1, 1, List.of(e(2, 4)), 2, 7));
        AppendEntriesResponse r = onlyResponse(f);
        assertThat(r.success()).isFalse();
        assertThat(r.term()).isEqualTo(5);
        assertThat(r.requestTerm()).as("names the request it answers, so a leader of term 5 can tell").isEqualTo(4);
        assertThat(r.round()).isEqualTo(7);
        assertThat(f.log().lastIndex()).isEqualTo(1);
        assertThat(f.commitIndex()).isZero();
    }

    @Test
    void whenSkipTruncateBugIsOn_thenTheStaleSuffixSurvives() {
        RaftCore f = follower(new HardState(2, 0), log(1, 1, 1, 1), Bug.SKIP_TRUNCATE);
        f.step(new AppendEntries(1, 2, 3, 1, 1, List.of(e(2, 3)), 0, 1));
        assertThat(f.log().slice(1, 10)).containsExactly(e(1, 1), e(2, 3), e(3, 1), e(4, 1));
    }

    @Test
    void whenAMajorityStoresAnEntry_thenLeaderCommitsIt_5_3() {
        CoreNet net = CoreNet.withLeader(3);
        long index = net.core(1).propose(new byte[]{1});
        net.collect();
        net.stabilize(m -> m.to() == 3 || m.from() == 3);
        assertThat(net.core(1).commitIndex()).isEqualTo(index);
        assertThat(net.core(3).log().lastIndex()).isEqualTo(1);
    }

    @Test
    void whenOnlyAMinorityStoresAnEntry_thenNothingCommits_5_3() {
        CoreNet net = CoreNet.withLeader(5);
        long index = net.core(1).propose(new byte[]{1});
        net.collect();
        net.stabilize(m -> m.to() > 2 || m.from() > 2);
        assertThat(net.core(1).commitIndex()).isEqualTo(index - 1);
    }

    /** Figure 8: a leader must not commit an older term's entry by counting replicas (§5.4.2). */
    @Test
    void whenOnlyOlderTermEntriesAreReplicated_thenLeaderDoesNotCommitThem_5_4_2() {
        RaftCore leader = new RaftCore(RaftConfig.defaults(1, THREE).withElectionMs(150, 150), new HardState(3, 0),
                log(1, 2), EventSink.NONE);
        for (int i = 0; i < 15; i++) leader.tick();
        leader.step(new Message.RequestVoteResponse(2, 1, 4, 4, true));
        assertThat(leader.role()).isEqualTo(Role.LEADER);
        leader.takeMessages();
        // follower 2 acknowledges index 2 (term 2) but not yet the leader's no-op at index 3
        leader.step(new AppendEntriesResponse(2, 1, 4, 4, true, 2, 0, 0, 1));
        assertThat(leader.commitIndex()).as("entry 2 is of term 2, not the current term 4").isZero();
        leader.step(new AppendEntriesResponse(2, 1, 4, 4, true, 3, 0, 0, 1));
        assertThat(leader.commitIndex()).as("committing the no-op commits everything before it").isEqualTo(3);
    }

    @Test
    void whenFollowerRejects_thenLeaderSkipsAWholeConflictingTermPerRoundTrip_5_3() {
        RaftCore leader = leaderWithLog(log(1, 1, 4, 4, 4));
        // follower 2 holds 1,1,2,2,2,2: the leader's probe at prevLogIndex 5 (term 4) conflicts with term 2
        leader.step(new AppendEntriesResponse(2, 1, leader.term(), leader.term(), false, 0, 3, 2, 1));
        AppendEntries probe = (AppendEntries) leader.takeMessages().stream().filter(m -> m.to() == 2)
                .findFirst().orElseThrow();
        assertThat(probe.prevLogIndex()).as("the leader has no term 2: jump to the follower's first index of it")
                .isEqualTo(2);
        assertThat(probe.entries()).hasSize(4);
    }

    @Test
    void whenTheConflictingTermStartsBelowMatchIndex_thenTheLeaderStillProbesAtOnce_5_3() {
        RaftCore leader = leaderWithLog(log(1, 1, 3, 3));
        // follower 2 holds 1,1,1,1: it has acknowledged index 2, then rejects a batch at prevLogIndex 4
        leader.step(new AppendEntriesResponse(2, 1, leader.term(), leader.term(), true, 2, 0, 0, 1));
        leader.takeMessages();
        leader.step(new AppendEntriesResponse(2, 1, leader.term(), leader.term(), false, 0, 1, 1, 1));
        List<AppendEntries> toTwo = leader.takeMessages().stream().filter(m -> m.to() == 2)
                .map(m -> (AppendEntries) m).toList();
        assertThat(toTwo).as("a probe right after the leader's last entry of term 1, not after an rpc timeout")
                .singleElement().extracting(AppendEntries::prevLogIndex).isEqualTo(2L);
    }

    @Test
    void whenARejectionArrivesAfterTheFollowerMatchedBeyondIt_thenItIsIgnored_5_3() {
        RaftCore leader = leaderWithLog(log(1, 1, 3, 3));
        leader.step(new AppendEntriesResponse(2, 1, leader.term(), leader.term(), true, 5, 0, 0, 1));
        leader.takeMessages();
        // an old "log too short"
        leader.step(new AppendEntriesResponse(2, 1, leader.term(), leader.term(), false, 0, 3, 0, 1));
        assertThat(leader.takeMessages()).as("no probe back below what follower 2 matches").isEmpty();
    }

    @Test
    void whenAFollowerMatches_thenUpToMaxInflightBatchesArePipelined() {
        RaftCore leader = new RaftCore(RaftConfig.defaults(1, THREE).withElectionMs(150, 150).withBatching(2, 3),
                HardState.INITIAL, List.of(), EventSink.NONE);
        for (int i = 0; i < 15; i++) leader.tick();
        leader.step(new Message.RequestVoteResponse(2, 1, 1, 1, true));
        for (int i = 0; i < 10; i++) leader.propose(new byte[]{(byte) i});
        leader.takeMessages(); // while probing, nothing beyond the first probe goes out
        leader.step(new AppendEntriesResponse(2, 1, 1, 1, true, 1, 0, 0, 1)); // follower 2 stores the no-op
        List<AppendEntries> toTwo = leader.takeMessages().stream().filter(m -> m.to() == 2)
                .map(m -> (AppendEntries) m).toList();
        assertThat(toTwo).as("3 batches of 2 in flight, the rest waits").hasSize(3);
        assertThat(toTwo).allSatisfy(ae -> assertThat(ae.entries()).hasSizeLessThanOrEqualTo(2));
        assertThat(toTwo.get(2).prevLogIndex()).isEqualTo(5);
        leader.step(new AppendEntriesResponse(2, 1, 1, 1, true, 3, 0, 0, 1));
        assertThat(leader.takeMessages()).as("one acknowledged batch frees one slot").hasSize(1);
    }

    @Test
    void whenAFollowerDoesNotAnswer_thenLeaderResendsAfterRpcTimeout() {
        CoreNet net = CoreNet.withLeader(3);
        RaftCore leader = net.core(1);
        leader.propose(new byte[]{1});
        assertThat(leader.takeMessages()).hasSize(2); // lost
        for (int i = 0; i < 4; i++) leader.tick();
        List<Message> heartbeats = leader.takeMessages();
        assertThat(heartbeats).allSatisfy(m -> assertThat(((AppendEntries) m).entries()).isEmpty());
        for (int i = 0; i < 6; i++) leader.tick(); // 10 ticks = rpcTimeoutMs 100
        List<Message> resent = leader.takeMessages().stream()
                .filter(m -> !((AppendEntries) m).entries().isEmpty()).toList();
        assertThat(resent).hasSize(2);
        assertThat(((AppendEntries) resent.get(0)).prevLogIndex()).isEqualTo(1);
    }

    @Test
    void whenLeaderIsIdle_thenItSendsHeartbeatsEveryHeartbeatInterval_5_2() {
        CoreNet net = CoreNet.withLeader(3);
        RaftCore leader = net.core(1);
        for (int i = 0; i < 4; i++) leader.tick();
        assertThat(leader.takeMessages()).isEmpty();
        leader.tick();
        assertThat(leader.takeMessages()).hasSize(2).allSatisfy(m -> assertThat(m).isInstanceOf(AppendEntries.class));
    }

    private static RaftCore leaderWithLog(List<Entry> log) {
        long lastTerm = log.get(log.size() - 1).term();
        RaftCore leader = new RaftCore(RaftConfig.defaults(1, THREE).withElectionMs(150, 150),
                new HardState(lastTerm, 0), log, EventSink.NONE);
        for (int i = 0; i < 15; i++) leader.tick();
        leader.step(new Message.RequestVoteResponse(3, 1, lastTerm + 1, lastTerm + 1, true));
        leader.takeMessages();
        return leader;
    }
}
