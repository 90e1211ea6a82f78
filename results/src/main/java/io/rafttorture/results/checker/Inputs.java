package io.rafttorture.results.checker;

import io.rafttorture.results.checker.model.Input;
import io.rafttorture.results.checker.model.Output;
import io.rafttorture.results.history.Op;
import io.rafttorture.results.history.Operation;

/** How a history operation becomes a model's input and output, in one place. */
final class Inputs {
    private Inputs() {
    }

    static Input input(Operation op) {
        return new Input(op.f(), op.invoke().value());
    }

    /** The ok completion's value; unknown for info and never-completed operations. */
    static Output output(Operation op) {
        return op.outcome() == Op.Type.OK ? Output.of(op.completion().value()) : Output.UNKNOWN;
    }
}
