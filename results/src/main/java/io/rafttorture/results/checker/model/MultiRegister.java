package io.rafttorture.results.checker.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers read and written together in atomic transactions: {@code f = "txn"}, value a list of micro-operations
 * {@code [f k v]} with f "read" or "write", applied in order. A read micro-op with a non-nil v must equal its key's
 * current value; nil matches anything (Knossos). An unknown-outcome transaction applies its writes and
 * constrains nothing.
 *
 * <p>State: the registers that differ from their initial value, as an unmodifiable map. The initial value is one
 * value for every key, or a map of key to value (keys it lacks start nil).
 */
public final class MultiRegister implements Model<Map<String, Object>> {
    private static final Step.Rejected<Map<String, Object>> READ_MISMATCH =
            new Step.Rejected<>("a read in the transaction is not the register's value");

    private final Object initial;

    public MultiRegister(Object initial) {
        this.initial = initial instanceof Map<?, ?> ? initial : Values.normalize(initial);
    }

    @Override
    public String name() {
        return "multi-register";
    }

    @Override
    public Map<String, Object> init() {
        return Collections.emptyMap();
    }

    @Override
    public Step<Map<String, Object>> step(Map<String, Object> state, Input input, Output output) {
        if (!"txn".equals(input.f())) {
            throw new IllegalArgumentException("multi-register has no operation \"" + input.f() + "\" (expected txn)");
        }
        Object microOps = output.known() ? output.value() : input.value();
        if (!(microOps instanceof List<?> list)) {
            throw new IllegalArgumentException("txn: expected a list of [f k v] micro-operations, got "
                    + Values.show(microOps));
        }
        Map<String, Object> next = new HashMap<>(state);
        for (Object micro : list) {
            String f = String.valueOf(Values.element(input, micro, 0, 3));
            String key = String.valueOf(Values.element(input, micro, 1, 3));
            Object v = Values.element(input, micro, 2, 3);
            if ("write".equals(f)) {
                next.put(key, v);
            } else if (output.known() && v != null && !Values.same(v, valueOf(next, key))) {
                return Step.reject(READ_MISMATCH);
            }
        }
        next.entrySet().removeIf(e -> Values.same(e.getValue(), initialOf(e.getKey())));
        return Step.next(Collections.unmodifiableMap(next));
    }

    private Object valueOf(Map<String, Object> state, String key) {
        return state.containsKey(key) ? state.get(key) : initialOf(key);
    }

    private Object initialOf(String key) {
        return initial instanceof Map<?, ?> map ? Values.normalize(map.get(key)) : initial;
    }

    @Override
    public String describeState(Map<String, Object> state) {
        return state.isEmpty() ? "all registers at their initial value " + Values.show(initial) : state.toString();
    }
}
