package io.rafttorture.nemesis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrudgeTest {

    @Test
    void completePartition_dropsEveryOrderedPairAcrossGroups() {
        Grudge grudge = Grudge.complete(List.of(Set.of(1, 2), Set.of(3, 4, 5)));

        assertThat(grudge.drops()).as("each node drops exactly the other group")
                .containsEntry(1, Set.of(3, 4, 5)).containsEntry(2, Set.of(3, 4, 5))
                .containsEntry(3, Set.of(1, 2)).containsEntry(5, Set.of(1, 2)).hasSize(5);
        assertThat(grudge.links()).as("2 x 3 pairs, both directions").hasSize(12)
                .contains(new Link(1, 3), new Link(3, 1)).doesNotContain(new Link(1, 2), new Link(3, 4));
    }

    @Test
    void isolate_cutsOneNodeFromAllOthersBothWays() {
        Grudge grudge = Grudge.isolate(3, List.of(1, 2, 3, 4, 5));

        assertThat(grudge.drops().get(3)).isEqualTo(Set.of(1, 2, 4, 5));
        assertThat(grudge.links()).hasSize(8).contains(new Link(3, 1), new Link(1, 3))
                .noneMatch(link -> link.from() != 3 && link.to() != 3);
    }

    @Test
    void oneWay_blackholesOnlyOneDirection() {
        Grudge grudge = Grudge.oneWay(1, 2);

        assertThat(grudge.drops()).isEqualTo(Map.of(2, Set.of(1)));
        assertThat(grudge.links()).containsExactly(new Link(1, 2));
    }

    @Test
    void overlappingGroups_areRejectedNamingTheNode() {
        assertThatThrownBy(() -> Grudge.complete(List.of(Set.of(1, 2), Set.of(2, 3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("node 2");
    }

    @Test
    void bisect_putsTheSmallerHalfFirst() {
        assertThat(Grudge.bisect(List.of(1, 2, 3, 4, 5))).containsExactly(List.of(1, 2), List.of(3, 4, 5));
    }

    @Test
    void bridge_keepsOneNodeConnectedToBothHalves() {
        Grudge grudge = Grudge.bridge(List.of(1, 2, 3, 4, 5));

        assertThat(grudge.drops()).as("3 bridges {1,2} and {4,5}").isEqualTo(Map.of(
                1, Set.of(4, 5), 2, Set.of(4, 5), 4, Set.of(1, 2), 5, Set.of(1, 2)));
        assertThat(grudge.links()).noneMatch(link -> link.from() == 3 || link.to() == 3);
    }

    @Test
    void majoritiesRing_eachNodeSeesADifferentMajority() {
        List<Integer> nodes = List.of(1, 2, 3, 4, 5);
        Grudge grudge = Grudge.majoritiesRing(nodes);

        Set<Set<Integer>> seen = new java.util.HashSet<>();
        for (int node : nodes) {
            Set<Integer> visible = new java.util.TreeSet<>(nodes);
            visible.removeAll(grudge.drops().getOrDefault(node, Set.of()));
            assertThat(visible).as("what n%d sees", node).hasSize(3).contains(node);
            seen.add(visible);
        }
        assertThat(seen).as("distinct majorities").hasSize(5);
    }

    @Test
    void emptyDrops_areLeftOut() {
        assertThat(new Grudge(Map.of(1, Set.of(), 2, Set.of(1))).drops()).containsOnlyKeys(2);
    }
}
