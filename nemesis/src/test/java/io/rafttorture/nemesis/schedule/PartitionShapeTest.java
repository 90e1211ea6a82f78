package io.rafttorture.nemesis.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rafttorture.nemesis.Grudge;
import io.rafttorture.nemesis.Link;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each partition shape, over seeded shuffles: who drops whom. */
class PartitionShapeTest {
    private static final List<Integer> FIVE = List.of(1, 2, 3, 4, 5);

    @Test
    void halvesCutTheNodesIntoAMinorityAndAMajorityThatHearNothingOfEachOther() {
        for (long seed = 0; seed < 20; seed++) {
            Grudge grudge = PartitionShape.HALVES.grudge(FIVE, new Random(seed));
            long isolatedFromThree = grudge.drops().values().stream().filter(d -> d.size() == 3).count();
            long isolatedFromTwo = grudge.drops().values().stream().filter(d -> d.size() == 2).count();
            assertThat(isolatedFromThree).as("the minority side (2 nodes) drops the 3 others").isEqualTo(2);
            assertThat(isolatedFromTwo).as("the majority side (3 nodes) drops the 2 others").isEqualTo(3);
            assertThat(grudge.links()).hasSize(12);
        }
    }

    @Test
    void isolateOneCutsOneNodeFromEveryOther() {
        Grudge grudge = PartitionShape.ISOLATE_ONE.grudge(FIVE, new Random(1));
        int lonely = grudge.drops().entrySet().stream().filter(e -> e.getValue().size() == 4)
                .map(Map.Entry::getKey).findFirst().orElseThrow();

        assertThat(grudge.drops()).hasSize(5);
        grudge.drops().forEach((node, from) -> {
            if (node != lonely) assertThat(from).containsExactly(lonely);
        });
    }

    @Test
    void majoritiesRingLetsEveryNodeSeeAMajorityButNoTwoTheSame() {
        Grudge grudge = PartitionShape.MAJORITIES_RING.grudge(FIVE, new Random(4));
        List<Set<Integer>> views = FIVE.stream().map(n -> Set.copyOf(
                FIVE.stream().filter(m -> !grudge.drops().getOrDefault(n, Set.of()).contains(m)).toList())).toList();

        assertThat(views).allSatisfy(view -> assertThat(view).hasSize(3));
        assertThat(Set.copyOf(views)).as("distinct majorities").hasSize(5);
    }

    @Test
    void bridgeKeepsOneNodeThatEveryoneStillHears() {
        Grudge grudge = PartitionShape.BRIDGE.grudge(FIVE, new Random(2));
        List<Integer> heardByAll = FIVE.stream()
                .filter(n -> grudge.drops().values().stream().noneMatch(d -> d.contains(n))).toList();

        assertThat(heardByAll).hasSize(1);
        assertThat(grudge.drops()).doesNotContainKey(heardByAll.get(0));
    }

    @Test
    void oneWayDropsASingleDirection() {
        Grudge grudge = PartitionShape.ONE_WAY.grudge(FIVE, new Random(5));

        assertThat(grudge.links()).hasSize(1);
        Link link = grudge.links().iterator().next();
        assertThat(grudge.links()).doesNotContain(new Link(link.to(), link.from()));
    }

    @Test
    void theSameSeedGivesTheSameGrudgeAndEveryShapeGetsChosen() {
        assertThat(PartitionShape.HALVES.grudge(FIVE, new Random(9)))
                .isEqualTo(PartitionShape.HALVES.grudge(FIVE, new Random(9)));
        Random random = new Random(0);
        Set<PartitionShape> seen = EnumSet.noneOf(PartitionShape.class);
        for (int i = 0; i < 100; i++) seen.add(PartitionShape.random(random));
        assertThat(seen).containsExactlyInAnyOrder(PartitionShape.values());
    }

    @Test
    void oneNodeCannotBePartitioned() {
        assertThatThrownBy(() -> PartitionShape.HALVES.grudge(List.of(1), new Random(0)))
                .hasMessageContaining("at least 2 nodes");
    }

    @Test
    void describeListsEachNodesDropsForTheHistory() {
        Map<String, Object> value = Faults.describe(PartitionShape.ONE_WAY, Grudge.oneWay(2, 3));

        assertThat(value).containsEntry("shape", "one-way").containsEntry("drops", Map.of("n3", List.of(2L)));
    }

    @Test
    void leaderMinorityPutsTheLeaderWithOneFollowerAgainstTheMajorityOfFive() {
        for (long seed = 0; seed < 20; seed++) {
            Grudge grudge = Faults.leaderMinority(3, FIVE, new Random(seed));
            assertThat(grudge.drops().get(3)).as("the leader drops the 3 majority nodes").hasSize(3);
            int follower = FIVE.stream().filter(n -> n != 3 && !grudge.drops().get(3).contains(n)).findFirst().orElseThrow();
            assertThat(grudge.drops().get(follower)).as("its follower drops the same 3").isEqualTo(grudge.drops().get(3));
            assertThat(grudge.links()).hasSize(12);
        }
    }

    @Test
    void leaderMinorityIsolatesTheLeaderAloneOfThree() {
        Grudge grudge = Faults.leaderMinority(2, List.of(1, 2, 3), new Random(7));
        assertThat(grudge).isEqualTo(Grudge.isolate(2, List.of(1, 2, 3)));
    }
}
