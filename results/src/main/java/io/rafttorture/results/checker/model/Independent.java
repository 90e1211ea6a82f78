package io.rafttorture.results.checker.model;

import io.rafttorture.results.history.Op;
import io.rafttorture.results.history.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Jepsen's "independent" convention: every value is a {@code [key value]} tuple, each key is an independent
 * object of the per-key model, and the history is checked key by key (P-compositionality). The per-key model sees
 * the tuple's value only: {@link #partition} hands out per-key operations and the per-key model. Keys are
 * compared by their text ("3" and 3 are the same key).
 */
public final class Independent<S> implements Model<S> {
    private final String name;
    private final Model<S> perKey;

    public Independent(String name, Model<S> perKey) {
        this.name = name;
        this.perKey = perKey;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public S init() {
        return perKey.init();
    }

    @Override
    public Step<S> step(S state, Input input, Output output) {
        Input inner = new Input(input.f(), valueOf(input.value()));
        return perKey.step(state, inner, output.known() ? Output.of(valueOf(output.value())) : output);
    }

    @Override
    public List<Partition> partition(List<Operation> operations) {
        Map<String, List<Operation>> byKey = new LinkedHashMap<>();
        for (Operation op : operations) {
            byKey.computeIfAbsent(keyOf(op), k -> new ArrayList<>()).add(op);
        }
        List<Partition> parts = new ArrayList<>(byKey.size());
        byKey.forEach((key, ops) -> parts.add(new Partition(key, ops.stream().map(Independent::unwrap).toList(),
                perKey)));
        return parts;
    }

    @Override
    public String describeOperation(Input input, Output output) {
        Input inner = new Input(input.f(), valueOf(input.value()));
        return perKey.describeOperation(inner, output.known() ? Output.of(valueOf(output.value())) : output);
    }

    @Override
    public String describeState(S state) {
        return perKey.describeState(state);
    }

    /** The per-key model, for explanations. */
    public Model<S> perKey() {
        return perKey;
    }

    /** The operation with the per-key value in place of each [key value] tuple. */
    private static Operation unwrap(Operation op) {
        Op completion = op.completion();
        return new Operation(unwrap(op.invoke()), completion == null ? null : unwrap(completion),
                op.invokePosition(), op.completionPosition());
    }

    private static Op unwrap(Op op) {
        return new Op(op.index(), op.type(), op.f(), valueOf(op.value()), op.process(), op.time(), op.node(),
                op.error());
    }

    private static String keyOf(Operation op) {
        if (op.invoke().value() instanceof List<?> tuple && tuple.size() == 2) {
            return String.valueOf(tuple.get(0));
        }
        throw new IllegalArgumentException("operation at index " + op.invoke().index() + " (" + op.f()
                + "): expected a [key value] tuple, got " + Values.show(op.invoke().value()));
    }

    private static Object valueOf(Object tuple) {
        if (tuple instanceof List<?> list && list.size() == 2) {
            return list.get(1);
        }
        return tuple;
    }
}
