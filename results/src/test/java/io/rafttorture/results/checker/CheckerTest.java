package io.rafttorture.results.checker;

import static io.rafttorture.results.checker.Events.cas;
import static io.rafttorture.results.checker.Events.kv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rafttorture.results.checker.model.Independent;
import io.rafttorture.results.checker.model.Model;
import io.rafttorture.results.checker.model.Models;
import io.rafttorture.results.history.Op;
import java.time.Duration;
import io.rafttorture.results.bench.SyntheticHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CheckerTest {
    private static final Model<?> REGISTER = Models.byName("cas-register", 0L);

    private static CheckResult check(List<Op> history, Model<?> model) {
        return Checker.check(history, model, CheckOptions.defaults());
    }

    @Test
    void emptyHistoryIsValid() {
        CheckResult result = check(List.of(), REGISTER);

        assertThat(result.verdict()).isEqualTo(Verdict.VALID);
        assertThat(result.operations().invocations()).isZero();
    }

    @Test
    void sequentialWritesAndReadsAreValid() {
        List<Op> history = new Events().call(0, "write", 1L).call(1, "read", 1L).call(0, "cas", cas(1, 2))
                .call(1, "read", 2L).build();

        assertThat(check(history, REGISTER).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void readConcurrentWithWriteMaySeeEitherValue() {
        List<Op> old = new Events().call(0, "write", 1L).invoke(0, "write", 2L).invoke(1, "read", null)
                .ok(1, "read", 1L).ok(0, "write", 2L).build();
        List<Op> fresh = new Events().call(0, "write", 1L).invoke(0, "write", 2L).invoke(1, "read", null)
                .ok(1, "read", 2L).ok(0, "write", 2L).build();

        assertThat(check(old, REGISTER).verdict()).isEqualTo(Verdict.VALID);
        assertThat(check(fresh, REGISTER).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void staleReadIsInvalidAndExplained() {
        List<Op> history = new Events()
                .call(0, "write", 2L)        // 0-1: write 2 acknowledged at t=0.1s
                .call(1, "write", 3L)        // 2-3: overwritten by write 3, acknowledged at t=0.3s
                .invoke(2, "read", null)     // 4
                .ok(2, "read", 2L)           // 5: the read sees 2 at t=0.5s
                .build();

        CheckResult result = check(history, REGISTER);

        assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
        Failure failure = result.keys().get(0).failure();
        assertThat(failure.operation().f()).isEqualTo("read");
        assertThat(failure.operation().index()).isEqualTo(4);
        assertThat(failure.operation().process()).isEqualTo(2L);
        assertThat(failure.prefixLength()).isEqualTo(2);
        assertThat(failure.candidateStates()).containsExactly("3");
        assertThat(result.explanation())
                .as("the explanation names the value read, the write that overwrote it and their times")
                .contains("read by process 2 returned 2 at t=0.500s")
                .contains("was overwritten by write 3 acknowledged at t=0.300s")
                .contains("no concurrent write of 2 exists");
    }

    @Test
    void staleReadAmongManyDistinctTimedOutWritesIsInvalid() {
        Events events = new Events();
        for (long p = 0; p < 80; p++) {
            events.invoke(p, "write", 100 + p).info(p, "write", 100 + p);
            events.call(200 + p, "read", 100 + p);
        }
        events.call(300, "write", 2L).call(300, "write", 3L).call(301, "read", 2L);

        CheckResult result = check(events.build(), REGISTER);

        assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(result.explanation()).contains("returned 2").contains("overwritten by write 3");
    }

    @Test
    void readOfTheInitialValueAfterAnAcknowledgedWriteIsExplained() {
        List<Op> history = new Events().call(0, "write", 4L).call(1, "read", 0L).build();

        CheckResult result = check(history, REGISTER);

        assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(result.explanation()).contains("returned 0").contains("the initial value")
                .contains("write 4 was acknowledged at t=0.100s");
    }

    @Test
    void readOfAValueAnEarlierReadSawReplacedIsExplained() {
        // The timed-out write of 3 explains the first read; the value 2 cannot come back after it.
        List<Op> history = new Events().call(0, "write", 2L).invoke(1, "write", 3L).info(1, "write", 3L)
                .call(2, "read", 3L).call(2, "read", 2L).build();

        CheckResult result = check(history, REGISTER);

        assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(result.explanation()).contains("returned 2").contains("was gone when read → 3 was acknowledged");
    }

    @Test
    void staleReadDeepInALongHistoryWithTimeoutsIsFoundQuickly() {
        // 20,000 operations, 5% timeouts, unique values; one read in the middle is made to return the value of a
        // write acknowledged long before it and overwritten since.
        List<Op> ops = new ArrayList<>(new SyntheticHistory(20_000, 1, 10, 0.05, 1_000_000_000, 3).generate());
        Op staleWrite = ops.stream().filter(op -> op.type() == Op.Type.OK && op.f().equals("write")).findFirst()
                .orElseThrow();
        int read = ops.size() / 2;
        while (!(ops.get(read).type() == Op.Type.OK && ops.get(read).f().equals("read"))) {
            read++;
        }
        Op op = ops.get(read);
        ops.set(read, new Op(op.index(), op.type(), op.f(), staleWrite.value(), op.process(), op.time(), null,
                null));

        CheckResult result = Checker.check(ops, Models.byName("kv", null),
                CheckOptions.defaults().withTimeout(Duration.ofSeconds(30)));

        assertThat(result.verdict()).as("reason: %s", result.reason()).isEqualTo(Verdict.INVALID);
        OperationView stuck = result.keys().get(0).failure().operation();
        assertThat(stuck.process()).isEqualTo(op.process());
        assertThat(stuck.f()).isEqualTo("read");
        assertThat(stuck.value()).isEqualTo(((List<?>) staleWrite.value()).get(1));
        assertThat(result.explanation()).contains("returned " + ((List<?>) staleWrite.value()).get(1))
                .containsAnyOf("was overwritten by", "was gone when");
    }

    @Test
    void readOfAValueNeverWrittenIsExplained() {
        List<Op> history = new Events().call(0, "write", 1L).call(1, "read", 7L).build();

        CheckResult result = check(history, REGISTER);

        assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(result.explanation()).contains("returned 7").contains("no operation").contains("wrote 7");
    }

    @Test
    void infoWriteMayHaveTakenEffect() {
        List<Op> history = new Events().invoke(0, "write", 5L).info(0, "write", 5L).call(1, "read", 5L)
                .call(1, "read", 5L).build();

        assertThat(check(history, REGISTER).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void infoOperationsNeedNotTakeEffect() {
        // The timed-out cas can never apply (the register never holds 9): a checker that must linearize every
        // info operation would call this invalid.
        List<Op> history = new Events().call(0, "write", 1L).invoke(1, "cas", cas(9, 4)).info(1, "cas", cas(9, 4))
                .call(0, "read", 1L).invoke(2, "write", 3L).build();

        assertThat(check(history, REGISTER).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void infoWriteTakesEffectOnlyAfterItsInvocation() {
        List<Op> history = new Events().call(1, "read", 5L).invoke(0, "write", 5L).info(0, "write", 5L).build();

        assertThat(check(history, REGISTER).verdict()).isEqualTo(Verdict.INVALID);
    }

    @Test
    void failedOperationsDidNotHappen() {
        List<Op> history = new Events().invoke(0, "write", 5L).fail(0, "write", 5L).call(1, "read", 5L).build();

        CheckResult result = check(history, REGISTER);

        assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(result.operations().fail()).isEqualTo(1);
    }

    @Test
    void nilReadMatchesAnyValueWhenTheRegisterCannotHoldNil() {
        List<Op> history = new Events().call(0, "write", 1L).call(1, "read", null).build();

        assertThat(check(history, Models.byName("cas-register", 0L)).verdict()).isEqualTo(Verdict.VALID);
        assertThat(check(history, Models.byName("cas-register", null)).verdict())
                .as("starting absent, nil means absent: reading it after a write is stale")
                .isEqualTo(Verdict.INVALID);
    }

    @Test
    void nemesisEventsAreIgnored() {
        List<Op> history = new Events().nemesis("start").call(0, "write", 1L).nemesis("stop").call(1, "read", 1L)
                .build();

        assertThat(check(history, REGISTER).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void oneBadKeyMakesTheHistoryInvalidAndIsNamed() {
        List<Op> history = new Events()
                .call(0, "write", kv("a", 1L)).call(1, "read", kv("a", 1L))
                .call(0, "write", kv("b", 1L)).call(0, "write", kv("b", 2L)).call(1, "read", kv("b", 1L))
                .call(0, "write", kv("c", 3L)).call(1, "read", kv("c", 3L))
                .build();

        CheckResult result = check(history, Models.byName("kv", null));

        assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(result.keys()).hasSize(3);
        KeyResult bad = result.keys().get(0);
        assertThat(bad.key()).isEqualTo("b");
        assertThat(bad.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(bad.failure().key()).isEqualTo("b");
        assertThat(result.explanation()).contains("read of key b").contains("returned 1");
        assertThat(result.keys().subList(1, 3)).extracting(KeyResult::verdict).doesNotContain(Verdict.INVALID);
    }

    @Test
    void anEasyInvalidKeyEndsTheCheckWhileAHardKeyIsStillSearching() {
        Events events = new Events();
        for (long p = 0; p < 20; p++) {
            events.invoke(p, "write", kv("hard", p + 1));
        }
        for (long p = 0; p < 20; p++) {
            events.ok(p, "write", kv("hard", p + 1));
        }
        events.call(30, "cas", kv("hard", cas(99, 1))); // impossible, but only the search can tell
        events.call(31, "write", kv("bad", 1L)).call(31, "write", kv("bad", 2L)).call(32, "read", kv("bad", 1L));

        CheckResult result = Checker.check(events.build(), Models.byName("kv", null),
                CheckOptions.defaults().withParallelism(1));

        assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(result.keys()).extracting(KeyResult::key, KeyResult::verdict)
                .containsExactly(tuple("bad", Verdict.INVALID),
                        tuple("hard", Verdict.UNKNOWN));
        assertThat(result.keys().get(1).reason()).contains("key bad is already invalid");
    }

    @Test
    void everyKeyValidMakesTheHistoryValid() {
        List<Op> history = new Events().call(0, "write", kv(1L, 1L)).call(1, "read", kv(2L, null))
                .call(1, "read", kv(1L, 1L)).build();

        CheckResult result = check(history, Models.byName("kv", null));

        assertThat(result.verdict()).isEqualTo(Verdict.VALID);
        assertThat(result.keys()).extracting(KeyResult::key).containsExactly("1", "2");
    }

    @Test
    void exhaustedMemoryBudgetGivesUnknown() {
        CheckResult result = Checker.check(manyConcurrentWritesThenImpossibleRead(12), REGISTER,
                CheckOptions.defaults().withMaxMemoryBytes(Budget.BLOCK * CheckOptions.BYTES_PER_CACHE_ENTRY));

        assertThat(result.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(result.reason()).contains("memory budget");
    }

    @Test
    void exhaustedTimeBudgetGivesUnknown() {
        CheckResult result = Checker.check(manyConcurrentWritesThenImpossibleRead(14), REGISTER,
                CheckOptions.defaults().withTimeout(Duration.ofNanos(1)));

        assertThat(result.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(result.reason()).contains("time budget");
    }

    @Test
    void aSearchThatRunsOutOfHeapIsUnknownNeverAVerdict() {
        // The JVM heap may be smaller than the memory budget: the error must end that key as UNKNOWN, not escape
        // (the launcher would exit 1, "not linearizable") and not decide the key.
        Model<?> heapless = new Model<Long>() {
            @Override
            public String name() {
                return "heapless-register";
            }

            @Override
            public Long init() {
                return 0L;
            }

            @Override
            public io.rafttorture.results.checker.model.Step<Long> step(Long state,
                    io.rafttorture.results.checker.model.Input input, io.rafttorture.results.checker.model.Output o) {
                if (state != 0L) {
                    throw new OutOfMemoryError("Java heap space (simulated)");
                }
                return io.rafttorture.results.checker.model.Step.next(((Number) input.value()).longValue());
            }
        };
        List<Op> history = new Events().call(0, "write", 1L).call(0, "write", 2L).build();

        for (int threads : new int[] {1, 2}) {
            CheckResult result = Checker.check(history, heapless, CheckOptions.defaults().withParallelism(threads));

            assertThat(result.verdict()).as("%d thread(s)", threads).isEqualTo(Verdict.UNKNOWN);
            assertThat(result.reason()).as("%d thread(s)", threads).contains("heap");
        }
    }

    @Test
    void aKeyWhoseCheckFailsStopsTheOtherKeysSearches() {
        // Key "boom" makes the model throw; key "hard" would search for seconds. The failure must stop it at once,
        // not leave a thread searching after check() has thrown.
        AtomicBoolean failed = new AtomicBoolean();
        AtomicLong stepsAfterFailure = new AtomicLong();
        Model<Long> register = new Model<>() {
            @Override
            public String name() {
                return "failing-register";
            }

            @Override
            public Long init() {
                return 0L;
            }

            @Override
            public io.rafttorture.results.checker.model.Step<Long> step(Long state,
                    io.rafttorture.results.checker.model.Input input, io.rafttorture.results.checker.model.Output o) {
                if (failed.get()) {
                    stepsAfterFailure.incrementAndGet();
                }
                long value = ((Number) input.value()).longValue();
                if (value == 666 && state != 0L) {
                    failed.set(true);
                    throw new IllegalStateException("model bug");
                }
                return input.f().equals("write") ? io.rafttorture.results.checker.model.Step.next(value)
                        : io.rafttorture.results.checker.model.Step.reject(new io.rafttorture.results.checker.model
                        .Step.Rejected<>("no cas"));
            }
        };
        Events events = new Events();
        for (long p = 0; p < 22; p++) {
            events.invoke(p, "write", kv("hard", p + 1));
        }
        for (long p = 0; p < 22; p++) {
            events.ok(p, "write", kv("hard", p + 1));
        }
        events.call(30, "cas", kv("hard", 99L));
        events.call(31, "write", kv("boom", 1L)).call(31, "write", kv("boom", 666L));

        assertThatThrownBy(() -> Checker.check(events.build(), new Independent<>("kv", register),
                CheckOptions.defaults().withParallelism(2))).hasMessageContaining("model bug");
        assertThat(stepsAfterFailure.get()).as("steps the other key's search took after the failure")
                .isLessThan(100_000);
    }

    @Test
    void theSameHistoryWithinBudgetIsInvalid() {
        assertThat(check(manyConcurrentWritesThenImpossibleRead(12), REGISTER).verdict())
                .isEqualTo(Verdict.INVALID);
    }

    /** n concurrent writes of 1..n, then a read of n + 1: the search must try every order to prove it. */
    private static List<Op> manyConcurrentWritesThenImpossibleRead(int n) {
        Events events = new Events();
        for (long p = 0; p < n; p++) {
            events.invoke(p, "write", p + 1);
        }
        for (long p = 0; p < n; p++) {
            events.invoke(100 + p, "read", null).ok(100 + p, "read", p + 1);
        }
        for (long p = 0; p < n; p++) {
            events.ok(p, "write", p + 1);
        }
        return events.call(200, "read", (long) n + 1).build();
    }

    @Test
    void mutexRejectsTwoHolders() {
        List<Op> history = new Events().call(0, "acquire", null).call(1, "acquire", null).build();

        CheckResult result = check(history, Models.byName("mutex", null));

        assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(result.keys().get(0).failure().candidateStates()).containsExactly("held");
        assertThat(result.explanation()).contains("acquire").contains("the lock is already held");
    }

    @Test
    void multiRegisterTransactionsAreAtomic() {
        List<Object> write = List.of(List.of("write", "x", 1L), List.of("write", "y", 2L));
        List<Object> readInvoke = List.of(java.util.Arrays.asList("read", "x", null),
                java.util.Arrays.asList("read", "y", null));
        List<Op> torn = new Events().invoke(0, "txn", write).invoke(1, "txn", readInvoke).ok(0, "txn", write)
                .ok(1, "txn", List.of(List.of("read", "x", 1L), List.of("read", "y", 0L))).build();
        List<Op> whole = new Events().invoke(0, "txn", write).invoke(1, "txn", readInvoke).ok(0, "txn", write)
                .ok(1, "txn", List.of(List.of("read", "x", 1L), List.of("read", "y", 2L))).build();

        assertThat(check(torn, Models.byName("multi-register", 0L)).verdict()).isEqualTo(Verdict.INVALID);
        assertThat(check(whole, Models.byName("multi-register", 0L)).verdict()).isEqualTo(Verdict.VALID);
    }

    @Test
    void operationTheModelDoesNotKnowIsAClearError() {
        List<Op> history = new Events().call(3, "increment", 1L).build();

        assertThatThrownBy(() -> check(history, REGISTER)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 0").hasMessageContaining("process 3")
                .hasMessageContaining("no operation \"increment\"");
    }

    @Test
    void unknownModelNameListsTheKnownOnes() {
        assertThatThrownBy(() -> Models.byName("queue", null)).hasMessageContaining("unknown model \"queue\"")
                .hasMessageContaining("cas-register");
    }

    @Test
    void resultSerialisesToJson() throws Exception {
        List<Op> history = new Events().call(0, "write", 2L).call(1, "write", 3L).call(2, "read", 2L).build();

        JsonNode json = new ObjectMapper().valueToTree(check(history, REGISTER));

        assertThat(json.get("verdict").asText()).isEqualTo("INVALID");
        assertThat(json.get("model").asText()).isEqualTo("cas-register");
        assertThat(json.get("operations").get("ok").asInt()).isEqualTo(3);
        assertThat(json.get("explanation").asText()).contains("overwritten");
        assertThat(json.get("keys").get(0).get("failure").get("operation").get("f").asText()).isEqualTo("read");
    }
}
