package io.rafttorture.results.checker;

import static org.assertj.core.api.Assertions.assertThat;

import io.rafttorture.results.bench.SyntheticHistory;
import io.rafttorture.results.checker.model.Model;
import io.rafttorture.results.checker.model.Models;
import io.rafttorture.results.checker.model.Partition;
import io.rafttorture.results.history.History;
import io.rafttorture.results.history.Op;
import io.rafttorture.results.history.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Properties of the checker on random histories of a simulated linearizable store. */
class CheckerPropertiesTest {
    private static final Model<?> KV = Models.byName("kv", null);
    private static final Model<?> KV_FROM_ZERO = Models.byName("kv", 0L);

    @Property(tries = 200)
    void historiesOfALinearizableStoreAreValid(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int ops,
                                               @ForAll @IntRange(min = 1, max = 4) int keys,
                                               @ForAll @IntRange(min = 1, max = 8) int processes,
                                               @ForAll @DoubleRange(min = 0, max = 0.3) double infoRate) {
        List<Op> history = new SyntheticHistory(ops, keys, processes, infoRate, seed).generate();

        CheckResult result = Checker.check(history, KV, CheckOptions.defaults());

        assertThat(result.verdict()).as("explanation: %s", result.explanation()).isEqualTo(Verdict.VALID);
    }

    @Property(tries = 50)
    void historiesWithUniqueValuesAreValid(@ForAll long seed, @ForAll @IntRange(min = 100, max = 1000) int ops,
                                           @ForAll @IntRange(min = 1, max = 2) int keys) {
        // Many distinct timed-out writes: more info classes than dominance handles, so sets are compared.
        List<Op> history = new SyntheticHistory(ops, keys, 6, 0.3, 1_000_000, seed).generate();

        CheckResult result = Checker.check(history, KV, CheckOptions.defaults());

        assertThat(result.verdict()).as("explanation: %s", result.explanation()).isEqualTo(Verdict.VALID);
    }

    @Property(tries = 2000)
    void agreesWithBruteForceOnMutatedSmallHistories(@ForAll long seed,
                                                     @ForAll @IntRange(min = 1, max = 8) int ops,
                                                     @ForAll @IntRange(min = 1, max = 3) int mutations,
                                                     @ForAll @IntRange(min = 2, max = 12) int values) {
        assertCheckerAgreesWithBruteForce(smallMutatedHistory(seed, ops, mutations, values), KV);
        Statistics.label("verdict").coverage(c -> c.check(Verdict.INVALID).percentage(p -> p > 5));
        Statistics.label("verdict").coverage(c -> c.check(Verdict.VALID).percentage(p -> p > 5));
    }

    @Property(tries = 1000)
    void agreesWithBruteForceWhenNilReadsMatchAnything(@ForAll long seed,
                                                       @ForAll @IntRange(min = 1, max = 8) int ops,
                                                       @ForAll @IntRange(min = 1, max = 3) int mutations,
                                                       @ForAll @IntRange(min = 2, max = 12) int values) {
        // Starting at 0, a nil read is "no answer" (Knossos): prune and the stale-read rule must honour that.
        assertCheckerAgreesWithBruteForce(smallMutatedHistory(seed, ops, mutations, values), KV_FROM_ZERO);
        Statistics.label("verdict").coverage(c -> c.check(Verdict.INVALID).percentage(p -> p > 5));
    }

    @Property(tries = 1000)
    void searchWithoutDominanceAgreesWithBruteForce(@ForAll long seed,
                                                    @ForAll @IntRange(min = 1, max = 8) int ops,
                                                    @ForAll @IntRange(min = 1, max = 3) int mutations,
                                                    @ForAll @IntRange(min = 2, max = 12) int values) {
        // Histories with more than MAX_DOMINANCE_CLASSES info classes are searched by equal sets: too big for the
        // brute force, so small histories are searched in that mode directly (and without the model's prune).
        List<Op> history = smallMutatedHistory(seed, ops, mutations, values);

        Verdict actual = Verdict.VALID;
        for (Partition p : partitions(history, KV)) {
            @SuppressWarnings("unchecked")
            Model<Object> model = (Model<Object>) p.model();
            Search search = new Search(model, p.operations(), new Budget(CheckOptions.defaults()), 0);
            actual = actual.and(search.run(Long.MAX_VALUE).verdict());
        }

        assertThat(actual).as("history %s", history).isEqualTo(BruteForce.check(history, KV));
    }

    @Property(tries = 2000)
    void violationsTheModelFindsWithoutSearchAreReal(@ForAll long seed,
                                                     @ForAll @IntRange(min = 1, max = 8) int ops,
                                                     @ForAll @IntRange(min = 1, max = 3) int mutations,
                                                     @ForAll @IntRange(min = 2, max = 12) int values,
                                                     @ForAll boolean fromZero) {
        Model<?> model = fromZero ? KV_FROM_ZERO : KV;
        List<Op> history = smallMutatedHistory(seed, ops, mutations, values);

        boolean found = false;
        for (Partition p : partitions(history, model)) {
            found |= p.model().violation(p.operations()).isPresent();
        }

        if (found) {
            assertThat(BruteForce.check(history, model)).as("history %s", history).isEqualTo(Verdict.INVALID);
        }
        Statistics.label("violation found").collect(found);
        Statistics.label("violation found").coverage(c -> c.check(true).percentage(p -> p > 3));
    }

    /** A history of 1 key, 3 processes and 40% info, mutated so that about half are not linearizable. */
    private static List<Op> smallMutatedHistory(long seed, int ops, int mutations, int values) {
        return mutate(new SyntheticHistory(ops, 1, 3, 0.4, values, seed).generate(), mutations, seed);
    }

    /** The model's partitions of the operations that did not fail, as the checker sees them before pruning. */
    private static List<Partition> partitions(List<Op> history, Model<?> model) {
        List<Operation> happened = History.of(history).operations().stream()
                .filter(op -> op.outcome() != Op.Type.FAIL).toList();
        return model.partition(happened);
    }

    /** Changes values read or written, or turns ok completions into info, keeping the history well-formed. */
    private static List<Op> mutate(List<Op> history, int mutations, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<Op> ops = new ArrayList<>(history);
        for (int m = 0; m < mutations && !ops.isEmpty(); m++) {
            int i = random.nextInt(ops.size());
            Op op = ops.get(i);
            if (op.type() != Op.Type.OK) {
                continue;
            }
            if (random.nextInt(4) > 0 && !op.f().equals("cas")) {
                Long value = random.nextInt(6) == 0 ? null : (long) random.nextInt(6);
                Object tuple = Arrays.asList(((List<?>) op.value()).get(0), value);
                ops.set(i, new Op(op.index(), op.type(), op.f(), tuple, op.process(), op.time(), null, null));
                if (op.f().equals("write")) {
                    replaceInvoke(ops, i, tuple);
                }
            } else {
                ops.set(i, new Op(op.index(), Op.Type.INFO, op.f(), op.value(), op.process(), op.time(), null, null));
            }
        }
        return ops;
    }

    /** Sets the value of the invoke that completion i answers (the process's latest invoke before it). */
    private static void replaceInvoke(List<Op> ops, int i, Object value) {
        for (int j = i - 1; j >= 0; j--) {
            Op op = ops.get(j);
            if (op.type() == Op.Type.INVOKE && op.process().equals(ops.get(i).process())) {
                ops.set(j, new Op(op.index(), op.type(), op.f(), value, op.process(), op.time(), null, null));
                return;
            }
        }
    }

    /** The checker's verdict equals the brute-force reference's; the verdict is collected for coverage. */
    private static void assertCheckerAgreesWithBruteForce(List<Op> history, Model<?> model) {
        Verdict expected = BruteForce.check(history, model);
        Verdict actual = Checker.check(history, model, CheckOptions.defaults()).verdict();

        assertThat(actual).as("history %s", history).isEqualTo(expected);
        Statistics.label("verdict").collect(expected);
    }
}
