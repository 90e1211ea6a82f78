package io.rafttorture.nemesis.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rafttorture.nemesis.Grudge;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Targets and shapes resolved against a cluster view with a leader, one that appears later, and none. */
class TargetResolverTest {
    private final Fakes.Clock clock = new Fakes.Clock();

    private TargetResolver resolver(Fakes.View view) {
        return new TargetResolver(view, clock, new Random(7));
    }

    @Test
    void withALeaderEveryTargetResolvesAroundIt() throws Exception {
        TargetResolver resolver = resolver(new Fakes.View(clock, 5).leader(2));

        assertThat(resolver.nodes(Target.of(Target.Kind.LEADER))).containsExactly(2);
        assertThat(resolver.nodes(Target.of(Target.Kind.FOLLOWERS))).containsExactly(1, 3, 4, 5);
        assertThat(resolver.nodes(Target.of(Target.Kind.ALL))).containsExactly(1, 2, 3, 4, 5);
        assertThat(resolver.nodes(Target.nodes(List.of(5, 1)))).containsExactly(5, 1);
        for (int i = 0; i < 50; i++) {
            assertThat(resolver.one(Target.of(Target.Kind.RANDOM_FOLLOWER))).isIn(1, 3, 4, 5);
            assertThat(resolver.one(Target.of(Target.Kind.RANDOM_NODE))).isBetween(1, 5);
        }
    }

    @Test
    void leaderShapesPutTheLeaderInTheMinorityOrAlone() throws Exception {
        TargetResolver resolver = resolver(new Fakes.View(clock, 5).leader(4));

        Grudge minority = resolver.grudge(Shape.LEADER_MINORITY);
        Set<Integer> leaderDrops = minority.drops().get(4);
        assertThat(leaderDrops).as("the leader drops the 3-node majority").hasSize(3).doesNotContain(4);
        assertThat(resolver.grudge(Shape.LEADER_ISOLATED)).isEqualTo(Grudge.isolate(4, List.of(1, 2, 3, 4, 5)));
        assertThat(resolver.grudge(Shape.RING).drops()).as("ring: every node drops someone").hasSize(5);
    }

    @Test
    void aLeaderTargetWaitsForAnElectionToEnd() throws Exception {
        Fakes.View view = new Fakes.View(clock, 3);
        view.leader = t -> t < Fakes.ms(1200) ? Optional.empty() : Optional.of(3);

        assertThat(resolver(view).nodes(Target.of(Target.Kind.FOLLOWERS))).containsExactly(1, 2);
        assertThat(clock.now).as("resolved at the first poll after the leader appeared")
                .isBetween(Fakes.ms(1200), Fakes.ms(1250));
    }

    @Test
    void withoutALeaderLeaderTargetsAreUnresolvedAfterTheWaitAndOthersResolveAtOnce() throws Exception {
        TargetResolver resolver = resolver(new Fakes.View(clock, 3));

        for (Target.Kind kind : List.of(Target.Kind.LEADER, Target.Kind.FOLLOWERS, Target.Kind.RANDOM_FOLLOWER)) {
            long before = clock.now;
            assertThatThrownBy(() -> resolver.nodes(Target.of(kind))).isInstanceOf(TargetResolver.Unresolved.class)
                    .hasMessage("no leader within 5000ms");
            assertThat(clock.now - before).isEqualTo(TargetResolver.LEADER_WAIT.toNanos());
        }
        assertThatThrownBy(() -> resolver.grudge(Shape.LEADER_MINORITY)).hasMessage("no leader within 5000ms");
        long before = clock.now;
        assertThat(resolver.nodes(Target.of(Target.Kind.ALL))).containsExactly(1, 2, 3);
        assertThat(resolver.grudge(Shape.HALVES).links()).hasSize(4);
        assertThat(clock.now).as("no wait for targets that need no leader").isEqualTo(before);
    }

    @Test
    void aSingleNodeClusterHasNoFollowerToPick() throws Exception {
        TargetResolver resolver = resolver(new Fakes.View(clock, 1).leader(1));

        assertThat(resolver.nodes(Target.of(Target.Kind.FOLLOWERS))).isEmpty();
        assertThatThrownBy(() -> resolver.one(Target.of(Target.Kind.RANDOM_FOLLOWER)))
                .hasMessage("the leader has no followers");
    }
}
