package io.rafttorture.node.kv;

import io.rafttorture.node.kv.ClientResponse.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KvStateMachineTest {

    @Test
    void whenCasExpectsTheCurrentValue_thenItSwapsElseMismatchLeavesTheValue() {
        KvStateMachine kv = new KvStateMachine();
        assertThat(kv.apply(ClientRequest.cas(1, 1, "k", null, "a")).status()).isEqualTo(Status.OK);
        assertThat(kv.apply(ClientRequest.cas(1, 2, "k", "x", "b")))
                .isEqualTo(new KvStateMachine.Result(Status.CAS_MISMATCH, "a"));
        assertThat(kv.get("k")).isEqualTo("a");
    }

    @Test
    void whenTheSameClientSeqIsAppliedTwice_thenItTakesEffectOnceAndRepeatsItsResult() {
        KvStateMachine kv = new KvStateMachine();
        ClientRequest first = ClientRequest.cas(7, 3, "k", null, "a");
        KvStateMachine.Result r = kv.apply(first);
        kv.apply(ClientRequest.write(8, 1, "k", null)); // another client resets k to absent
        assertThat(kv.apply(first)).as("the duplicate is not re-evaluated").isEqualTo(r);
        assertThat(kv.get("k")).isNull();
    }

    @Test
    void whenAnOlderSeqArrivesAfterANewerOne_thenItIsNotApplied() {
        KvStateMachine kv = new KvStateMachine();
        kv.apply(ClientRequest.write(7, 5, "k", "new"));
        KvStateMachine.Result r = kv.apply(ClientRequest.write(7, 4, "k", "old"));
        assertThat(r).isEqualTo(new KvStateMachine.Result(Status.TIMEOUT, null));
        assertThat(kv.get("k")).isEqualTo("new");
    }
}
