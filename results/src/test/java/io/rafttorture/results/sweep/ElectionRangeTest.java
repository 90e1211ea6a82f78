package io.rafttorture.results.sweep;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElectionRangeTest {
    @Test
    void parsesTheListInOrderWithTheHeartbeatHalfTheMinimum() {
        assertThat(ElectionRange.parseList("150-150, 150-300,12-24")).containsExactly(new ElectionRange(150, 150),
                new ElectionRange(150, 300), new ElectionRange(12, 24));
        assertThat(ElectionRange.parse("12-24").heartbeatMs()).isEqualTo(6);
        assertThat(ElectionRange.parse("3-4").heartbeatMs()).isOne();
        assertThat(ElectionRange.parse("150-155")).hasToString("150-155");
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> ElectionRange.parse("150")).hasMessageContaining("\"150\" is not MIN-MAX in ms");
        assertThatThrownBy(() -> ElectionRange.parse("300-150")).hasMessageContaining("300-150 ends below its start");
        assertThatThrownBy(() -> ElectionRange.parse("1-5")).hasMessageContaining("at least 2 ms");
        assertThatThrownBy(() -> ElectionRange.parseList("150-300,150-300")).hasMessageContaining("listed twice");
    }
}
