package io.rafttorture.workloads.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rafttorture.node.kv.ClientResponse;
import io.rafttorture.node.kv.ClientResponse.Status;
import io.rafttorture.results.history.Op;
import io.rafttorture.workloads.generator.Invocation;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a client concludes from each answer (shared/docs/faults.md, "What a client may conclude"). */
class OutcomesTest {
    private final Invocation read = Invocation.read(1, true);
    private final Invocation write = Invocation.write(1, 3, true);

    private static ClientResponse answer(Status status, String value) {
        return new ClientResponse(1, 1, status, value, 0, null);
    }

    @Test
    void okReadCarriesTheValueReadAsALong() {
        assertThat(Outcomes.of(read, answer(Status.OK, "4"))).isEqualTo(new Completion(Op.Type.OK, List.of(1L, 4L), null));
        assertThat(Outcomes.of(read, answer(Status.OK, null)))
                .as("an absent key reads nil").isEqualTo(new Completion(Op.Type.OK, Arrays.asList(1L, null), null));
    }

    @Test
    void okWriteCarriesTheWrittenValue() {
        assertThat(Outcomes.of(write, answer(Status.OK, null))).isEqualTo(new Completion(Op.Type.OK, List.of(1L, 3L), null));
    }

    @Test
    void definiteFailuresAreFailNamingTheStatus() {
        assertThat(Outcomes.of(write, answer(Status.NOT_LEADER, null)).type()).isEqualTo(Op.Type.FAIL);
        assertThat(Outcomes.of(write, answer(Status.NOT_LEADER, null)).error()).isEqualTo("not-leader");
        assertThat(Outcomes.of(write, answer(Status.CAS_MISMATCH, null)).error()).isEqualTo("cas-mismatch");
        assertThat(Outcomes.of(write, answer(Status.UNAVAILABLE, null)).type()).isEqualTo(Op.Type.FAIL);
        assertThat(Outcomes.notSent(write)).isEqualTo(new Completion(Op.Type.FAIL, List.of(1L, 3L), "not-sent"));
    }

    @Test
    void timeoutsAndLostAnswersAreInfoNeverFail() {
        assertThat(Outcomes.of(write, answer(Status.TIMEOUT, null)).type()).isEqualTo(Op.Type.INFO);
        assertThat(Outcomes.indeterminate(write).type()).isEqualTo(Op.Type.INFO);
    }

    @Test
    void aValueTheWorkloadNeverWroteIsAClearError() {
        assertThatThrownBy(() -> Outcomes.of(read, answer(Status.OK, "banana")))
                .hasMessageContaining("\"banana\", which this workload never wrote");
    }
}
