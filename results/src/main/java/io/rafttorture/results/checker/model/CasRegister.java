package io.rafttorture.results.checker.model;

import io.rafttorture.results.history.Op;
import io.rafttorture.results.history.Operation;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A register with read, write and compare-and-set ({@code cas [expected new]}), plus Porcupine's string
 * operations get (= read), put (= write) and append (concatenate to the current string; nil counts as "").
 *
 * <p>A read that returns nil: when the register starts non-nil it can never hold nil (writes carry values), so a
 * nil result means "no answer" and matches any state, as in Knossos; when it starts nil (an absent key, as in
 * Porcupine's etcd model) nil is a real value and must match. {@link #CasRegister(String, Object, boolean)}
 * overrides this.
 *
 * <p>State: the value (null, Long, or a String held as a {@link Text}). Inputs: read/get nil (or the value), write/put
 * v, append s, cas [e n].
 */
public final class CasRegister implements Model<Object> {
    private static final Step.Rejected<Object> READ_MISMATCH =
            new Step.Rejected<>("the value read is not the register's value");
    private static final Step.Rejected<Object> CAS_MISMATCH =
            new Step.Rejected<>("the register does not hold the expected value");

    private final String name;
    private final Object initial;
    private final boolean nilReadMatchesAnything;
    private final boolean allowCas;

    /** A cas-register starting at {@code initial}, with the nil-read rule of the class comment. */
    public CasRegister(String name, Object initial) {
        this(name, initial, initial != null);
    }

    public CasRegister(String name, Object initial, boolean nilReadMatchesAnything) {
        this.name = name;
        this.initial = stored(initial);
        this.nilReadMatchesAnything = nilReadMatchesAnything;
        this.allowCas = !"register".equals(name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Object init() {
        return initial;
    }

    /** The initial value as given (normalized), not as stored. */
    public Object initialValue() {
        return valueOf(initial);
    }

    /** True when a nil read matches any state (see the class comment). */
    public boolean nilReadMatchesAnything() {
        return nilReadMatchesAnything;
    }

    @Override
    public Step<Object> step(Object state, Input input, Output output) {
        // An if-chain, not a string switch: this is the search's innermost call and f is usually a literal.
        String f = input.f();
        if (f.equals("read") || f.equals("get")) {
            return read(state, output);
        } else if (f.equals("write") || f.equals("put")) {
            return Step.next(stored(input.value()));
        } else if (f.equals("cas")) {
            return cas(state, input);
        } else if (f.equals("append")) {
            Text text = state == null ? Text.of("") : state instanceof Text t ? t : Text.of(String.valueOf(state));
            return Step.next(text.append(String.valueOf(input.value())));
        }
        throw new IllegalArgumentException(name + " has no operation \"" + f
                + "\" (expected read, write, cas, get, put, append)");
    }

    private Step<Object> read(Object state, Output output) {
        if (!output.known() || (output.value() == null && nilReadMatchesAnything)) {
            return Step.next(state);
        }
        return Values.same(output.value(), valueOf(state)) ? Step.next(state) : Step.reject(READ_MISMATCH);
    }

    /** Strings are stored as {@link Text}, integers as Long. */
    private static Object stored(Object value) {
        return value instanceof String s ? Text.of(s) : Values.normalize(value);
    }

    private static Object valueOf(Object state) {
        return state instanceof Text t ? t.value() : state;
    }

    @Override
    public String describeState(Object state) {
        return Values.show(valueOf(state));
    }

    private Step<Object> cas(Object state, Input input) {
        if (!allowCas) {
            throw new IllegalArgumentException("register has no operation \"cas\" (use cas-register)");
        }
        Object expected = Values.element(input, input.value(), 0, 2);
        Object next = Values.element(input, input.value(), 1, 2);
        return Values.same(expected, valueOf(state)) ? Step.next(stored(next)) : Step.reject(CAS_MISMATCH);
    }

    /**
     * Drops info writes and cas whose new value nothing observes: no ok read returned it and no cas expects it.
     * Such a write can be removed from any linearization: until the next write, only reads that match anything
     * can follow it. Appends make values depend on order, so histories with appends are left as they are.
     */
    @Override
    public List<Operation> prune(List<Operation> operations) {
        if (operations.stream().anyMatch(op -> op.f().equals("append"))) {
            return operations;
        }
        Set<Object> observed = new HashSet<>();
        for (Operation op : operations) {
            boolean ok = op.outcome() == Op.Type.OK;
            if (ok && isRead(op.f()) && (op.value() != null || !nilReadMatchesAnything)) {
                observed.add(Values.normalize(op.value()));
            } else if (op.f().equals("cas") && op.invoke().value() instanceof List<?> cas && cas.size() == 2) {
                observed.add(Values.normalize(cas.get(0)));
            }
        }
        return operations.stream().filter(op -> op.outcome() == Op.Type.OK || !writes(op)
                || observed.contains(Values.normalize(newValue(op)))).toList();
    }

    /** A read of an overwritten value ({@link StaleReads}); none for histories with appends. */
    @Override
    public Optional<Operation> violation(List<Operation> operations) {
        if (operations.stream().anyMatch(op -> op.f().equals("append"))) {
            return Optional.empty();
        }
        return new StaleReads(Values.normalize(initialValue()), nilReadMatchesAnything).find(operations);
    }

    private static boolean isRead(String f) {
        return f.equals("read") || f.equals("get");
    }

    private static boolean writes(Operation op) {
        return StaleReads.newValue(op) != StaleReads.NONE;
    }

    private static Object newValue(Operation op) {
        return StaleReads.newValue(op);
    }

    @Override
    public String describeOperation(Input input, Output output) {
        return switch (input.f()) {
            case "read", "get" -> input.f() + (output.known() ? " → " + Values.show(output.value()) : " (no result)");
            case "cas" -> "cas " + Values.show(input.value()) + (output.known() ? "" : " (outcome unknown)");
            default -> input.f() + " " + Values.show(input.value()) + (output.known() ? "" : " (outcome unknown)");
        };
    }
}
