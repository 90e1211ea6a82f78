package io.rafttorture.results.history;

import java.util.Objects;

/**
 * One client operation: an invocation paired with its completion. {@link History#operations()} does the pairing,
 * once, for every checker.
 *
 * <ul>
 *   <li>{@code invoke}: the invoke event (never null);</li>
 *   <li>{@code completion}: the ok, fail or info event of the same process, or null when the history ends before
 *       it completes: such an operation counts as info (it may take effect at any time after its invocation, or
 *       never);</li>
 *   <li>{@code invokePosition}, {@code completionPosition}: positions in {@link History#ops()}, i.e. real-time
 *       order; an open operation's completionPosition is {@code ops().size()}, after every other event.</li>
 * </ul>
 */
public record Operation(Op invoke, Op completion, int invokePosition, int completionPosition) {
    public Operation {
        Objects.requireNonNull(invoke, "invoke");
        if (invoke.type() != Op.Type.INVOKE) {
            throw new IllegalArgumentException("not an invoke: " + invoke);
        }
    }

    /** OK, FAIL or INFO; INFO also when the operation never completed. */
    public Op.Type outcome() {
        return completion == null ? Op.Type.INFO : completion.type();
    }

    /** True when the history ends before the operation completes. */
    public boolean isOpen() {
        return completion == null;
    }

    public Object process() {
        return invoke.process();
    }

    public String f() {
        return invoke.f();
    }

    /**
     * The operation's value in Knossos' reading: the ok event's value when it completed ok (it carries what was
     * read), the invocation's otherwise (a fail or info event may carry a placeholder such as "timed-out").
     */
    public Object value() {
        return outcome() == Op.Type.OK ? completion.value() : invoke.value();
    }
}
