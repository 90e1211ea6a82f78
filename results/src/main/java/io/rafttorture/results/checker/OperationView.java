package io.rafttorture.results.checker;

import io.rafttorture.results.checker.model.Model;
import io.rafttorture.results.history.Op;
import io.rafttorture.results.history.Operation;

/**
 * One operation as a report shows it.
 *
 * @param index          the invocation's index in the history
 * @param process        the client process
 * @param f              the operation
 * @param value          its value in Knossos' reading (what an ok read returned; the argument otherwise)
 * @param outcome        "ok" or "info" (info also for never-completed operations)
 * @param invokeTime     nanoseconds, or null when the history has no times
 * @param completionTime nanoseconds, or null (no time, or never completed)
 * @param description    the model's description, e.g. "read → 3"
 */
public record OperationView(long index, Object process, String f, Object value, String outcome, Long invokeTime,
                            Long completionTime, String description) {

    static OperationView of(Operation op, Model<?> model) {
        Op completion = op.completion();
        return new OperationView(op.invoke().index(), op.process(), op.f(), op.value(),
                op.outcome() == Op.Type.OK ? "ok" : "info", op.invoke().time(),
                completion == null ? null : completion.time(),
                model.describeOperation(Inputs.input(op), Inputs.output(op)));
    }
}
