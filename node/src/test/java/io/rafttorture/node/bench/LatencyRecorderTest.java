package io.rafttorture.node.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyRecorderTest {
    @Test
    void percentilesUseNearestRankOverAllRecorders() {
        LatencyRecorder a = new LatencyRecorder();
        LatencyRecorder b = new LatencyRecorder();
        for (int i = 1; i <= 50; i++) a.record(i);
        for (int i = 51; i <= 100; i++) b.record(i);
        long[] sorted = LatencyRecorder.mergeSorted(List.of(b, a));
        assertThat(sorted).hasSize(100).startsWith(1, 2).endsWith(100);
        assertThat(LatencyRecorder.percentile(sorted, 50)).isEqualTo(50);
        assertThat(LatencyRecorder.percentile(sorted, 99)).isEqualTo(99);
        assertThat(LatencyRecorder.percentile(new long[0], 99)).isZero();
    }
}
