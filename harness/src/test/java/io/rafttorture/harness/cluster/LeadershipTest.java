package io.rafttorture.harness.cluster;

import io.rafttorture.node.raft.Role;
import io.rafttorture.node.replica.NodeStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LeadershipTest {

    private static NodeStatus node(int id, Role role, long term, int leader) {
        return new NodeStatus(id, role, term, 0, leader, 0, 0, 0, 0);
    }

    @Test
    void leaderFollowedByAMajority_isAgreed() {
        var statuses = List.of(node(1, Role.LEADER, 3, 1), node(2, Role.FOLLOWER, 3, 1), node(3, Role.FOLLOWER, 3, 1));

        assertThat(Leadership.agreedLeader(statuses, 5)).as("3 of 5 name node 1 in term 3").contains(1);
    }

    @Test
    void leaderWithoutMajority_isNotAgreed() {
        var statuses = List.of(node(1, Role.LEADER, 3, 1), node(2, Role.FOLLOWER, 3, 1), node(3, Role.CANDIDATE, 3, 0));

        assertThat(Leadership.agreedLeader(statuses, 5)).as("2 of 5 is no majority").isEmpty();
    }

    @Test
    void minorityCandidateWithAHigherTerm_doesNotHideTheMajoritysLeader() {
        var statuses = List.of(node(1, Role.CANDIDATE, 9, 0), node(2, Role.CANDIDATE, 7, 0),
                node(3, Role.LEADER, 2, 3), node(4, Role.FOLLOWER, 2, 3), node(5, Role.FOLLOWER, 2, 3));

        assertThat(Leadership.agreedLeader(statuses, 5)).contains(3);
    }

    @Test
    void deposedLeaderStillBelievingIt_loses() {
        var statuses = List.of(node(1, Role.LEADER, 2, 1), node(2, Role.LEADER, 3, 2),
                node(3, Role.FOLLOWER, 3, 2), node(4, Role.FOLLOWER, 3, 2), node(5, Role.FOLLOWER, 2, 1));

        assertThat(Leadership.agreedLeader(statuses, 5)).as("only node 2 has a majority in its term").contains(2);
    }

    @Test
    void singleNode_leadsItself() {
        assertThat(Leadership.agreedLeader(List.of(node(1, Role.LEADER, 1, 1)), 1)).contains(1);
    }

    @Test
    void noAnswers_noLeader() {
        assertThat(Leadership.agreedLeader(List.of(), 3)).isEmpty();
    }

    private static NodeStatus log(int id, Role role, long term, int leader, long commitIndex, long lastLogIndex) {
        return new NodeStatus(id, role, term, 0, leader, commitIndex, commitIndex, lastLogIndex, term);
    }

    @Test
    void settledLeader_needsEveryNodeInOneTermWithTheWholeLogCommitted() {
        var settled = List.of(log(1, Role.FOLLOWER, 4, 2, 7, 7), log(2, Role.LEADER, 4, 2, 7, 7),
                log(3, Role.FOLLOWER, 4, 2, 7, 7));
        assertThat(Leadership.settledLeader(settled, 3)).map(NodeStatus::id).contains(2);

        assertThat(Leadership.settledLeader(settled.subList(0, 2), 3)).as("a node did not answer").isEmpty();
        assertThat(Leadership.settledLeader(List.of(settled.get(0), settled.get(1), log(3, Role.FOLLOWER, 4, 2, 5, 7)), 3))
                .as("node 3 has not learnt the commit yet").isEmpty();
        assertThat(Leadership.settledLeader(List.of(settled.get(0), settled.get(1), log(3, Role.FOLLOWER, 3, 1, 6, 6)), 3))
                .as("node 3, just restarted, is behind in an old term").isEmpty();
        assertThat(Leadership.settledLeader(List.of(log(1, Role.LEADER, 4, 1, 7, 8), settled.get(1), settled.get(2)), 3))
                .as("two leaders").isEmpty();
        assertThat(Leadership.settledLeader(List.of(log(1, Role.FOLLOWER, 4, 2, 7, 8), log(2, Role.LEADER, 4, 2, 7, 8),
                log(3, Role.FOLLOWER, 4, 2, 7, 8)), 3)).as("the leader's last entry is not committed").isEmpty();
    }
}
