package io.rafttorture.results.checker.model;

import io.rafttorture.results.history.Operation;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sequential specification: the object a history claims to be a linearizable implementation of.
 *
 * <p>Implement {@link #name}, {@link #init} and {@link #step}; the other methods have defaults (here, in one
 * place). States must be immutable values with {@code equals}/{@code hashCode} (records, Longs, Strings, null);
 * the checker memoizes them. A model must be pure and thread-safe: keys are checked in parallel. {@code step}
 * throws IllegalArgumentException for an operation it does not know or a value of the wrong shape; the checker
 * reports it naming the operation.
 *
 * @param <S> the state type
 */
public interface Model<S> {
    /** Name used in results ("cas-register"). */
    String name();

    /** The state before any operation. */
    S init();

    /**
     * Applies one operation. {@code output} is {@link Output#UNKNOWN} for an operation whose outcome is unknown
     * (info or never completed): the step then says what the operation does if it took effect, without
     * constraining what it returned. Must be pure.
     *
     * @return the next state, or a rejection saying why the operation is impossible in {@code state}
     */
    Step<S> step(S state, Input input, Output output);

    /**
     * Splits a history into parts that can be checked independently, e.g. by key, each with the model that checks
     * it. Default: one part, the whole history (key null), checked by this model. Operations that failed are
     * already removed.
     */
    default List<Partition> partition(List<Operation> operations) {
        return List.of(new Partition(null, operations, this));
    }

    /**
     * Removes operations of unknown outcome (info or never completed) that cannot change the verdict, because no
     * operation could ever observe their effect: fewer optional operations make a smaller search. Must be sound:
     * a history is linearizable with them exactly when it is without them. Default: removes nothing.
     */
    default List<Operation> prune(List<Operation> operations) {
        return operations;
    }

    /**
     * An operation that provably cannot be linearized, found without search (e.g. a register read of a value that
     * was overwritten before the read began), or empty. Must be sound: never names an operation of a linearizable
     * history. The checker consults it when a key's search does not end quickly, so that a violation deep in a
     * long history is reported at once. Default: empty.
     */
    default Optional<Operation> violation(List<Operation> operations) {
        return Optional.empty();
    }

    /** A short human description of one operation, e.g. "read → 3" or "cas 1→2 (outcome unknown)". */
    default String describeOperation(Input input, Output output) {
        String text = input.f() + (input.value() == null ? "" : " " + Values.show(input.value()));
        if (!output.known()) {
            return text + " (outcome unknown)";
        }
        return Objects.equals(output.value(), input.value()) ? text : text + " → " + Values.show(output.value());
    }

    /** A short human description of a state. */
    default String describeState(S state) {
        return Values.show(state);
    }
}
