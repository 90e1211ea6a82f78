package io.rafttorture.workloads.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The register and kv workloads: keys, history values and the model that checks them. */
class WorkloadTest {
    @Test
    void registerHasOneKeyAndBareValues() {
        Workload register = Workload.byName("register", 10);

        assertThat(register.keys()).containsExactly(0L);
        assertThat(register.modelName()).isEqualTo("cas-register");
        assertThat(Invocation.write(0, 3, false).historyValue()).isEqualTo(3L);
        assertThat(Invocation.cas(0, 1, 2, false).historyValue()).isEqualTo(List.of(1L, 2L));
    }

    @Test
    void kvUsesIndependentKeyValueTuples() {
        Workload kv = Workload.byName("kv", 4);

        assertThat(kv.keys()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(kv.modelName()).isEqualTo("kv");
        assertThat(Invocation.read(2, true).historyValue()).isEqualTo(Arrays.asList(2L, null));
        assertThat(Invocation.cas(1, 0, 4, true).historyValue()).isEqualTo(List.of(1L, List.of(0L, 4L)));
        assertThat(Invocation.read(2, true).historyValue(3L)).isEqualTo(List.of(2L, 3L));
    }

    @Test
    void valuesStayInTheSmallRange() {
        Workload kv = Workload.byName("kv", 2);
        Random random = new Random(3);
        for (int i = 0; i < 500; i++) {
            Invocation op = kv.randomOperation(random);
            if (op.f().equals("write")) assertThat((Long) op.value()).isBetween(0L, 4L);
            if (op.f().equals("cas")) assertThat((List<?>) op.value()).hasSize(2);
        }
    }

    @Test
    void finalReadsReadEveryKeyOnce() {
        assertThat(Workload.byName("kv", 3).finalReads()).extracting(Invocation::f, Invocation::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("read", 0L),
                        org.assertj.core.groups.Tuple.tuple("read", 1L), org.assertj.core.groups.Tuple.tuple("read", 2L));
    }

    @Test
    void badNamesAndKeyCountsAreNamed() {
        assertThatThrownBy(() -> Workload.byName("bank", 1)).hasMessage("unknown workload \"bank\" (expected register or kv)");
        assertThatThrownBy(() -> Workload.byName("kv", 0)).hasMessageContaining("--keys must be at least 1");
        assertThatThrownBy(() -> new Invocation("delete", 0, null, false)).hasMessageContaining("read, write or cas");
    }

    @Test
    void readRatioSetsTheShareOfReadsAndWritesAndCasSplitTheRest() {
        Workload readHeavy = Workload.byName("register", 1).withReadRatio(0.8);
        java.util.Random random = new java.util.Random(3);
        java.util.Map<String, Long> counts = java.util.stream.IntStream.range(0, 10_000)
                .mapToObj(i -> readHeavy.randomOperation(random).f())
                .collect(java.util.stream.Collectors.groupingBy(f -> f, java.util.stream.Collectors.counting()));

        assertThat(counts.get("read")).as("about 80% reads").isBetween(7_800L, 8_200L);
        assertThat(counts.get("write")).as("about 10% writes").isBetween(900L, 1_100L);
        assertThat(counts.get("cas")).as("about 10% cas").isBetween(900L, 1_100L);
        assertThatThrownBy(() -> readHeavy.withReadRatio(1.5)).hasMessageContaining("--read-ratio must be between 0 and 1");
    }
}
