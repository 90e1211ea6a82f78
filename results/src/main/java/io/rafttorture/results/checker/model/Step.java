package io.rafttorture.results.checker.model;

/**
 * The result of applying one operation to a model state: the next state, or the reason the operation is
 * impossible in that state. Models should return shared {@link Rejected} constants on hot paths; the checker
 * builds detailed explanations itself.
 */
public sealed interface Step<S> {
    /** The operation is legal and leads to {@code state}. */
    record Next<S>(S state) implements Step<S> {
    }

    /** The operation is impossible; {@code reason} says why in a short phrase ("the lock is already held"). */
    record Rejected<S>(String reason) implements Step<S> {
    }

    static <S> Step<S> next(S state) {
        return new Next<>(state);
    }

    @SuppressWarnings("unchecked")
    static <S> Step<S> reject(Rejected<?> reason) {
        return (Step<S>) reason;
    }
}
