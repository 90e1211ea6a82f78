package io.rafttorture.results.checker;

import io.rafttorture.results.checker.model.CasRegister;
import io.rafttorture.results.checker.model.Model;
import io.rafttorture.results.checker.model.Step;
import io.rafttorture.results.checker.model.Values;
import io.rafttorture.results.history.Op;
import io.rafttorture.results.history.Operation;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes the one-paragraph explanation of an INVALID key from the history itself. For reads of registers it names
 * the write that overwrote the value read, or says that nothing wrote it; otherwise it states the model's states
 * after the longest linearizable prefix and why the model rejects the stuck operation in each.
 */
final class Explainer {
    private final Model<Object> model;
    private final String key;
    private final List<Operation> operations;

    Explainer(Model<Object> model, String key, List<Operation> operations) {
        this.model = model;
        this.key = key;
        this.operations = operations;
    }

    String explain(Operation stuck, int prefixLength, List<Object> states) {
        return registerRead(stuck).orElseGet(() -> generic(stuck, prefixLength, states));
    }

    private Optional<String> registerRead(Operation read) {
        boolean register = model instanceof CasRegister;
        if (!register || !List.of("read", "get").contains(read.f()) || read.outcome() != Op.Type.OK
                || operations.stream().anyMatch(op -> "append".equals(op.f()))) {
            return Optional.empty();
        }
        Object v = read.value();
        String what = read.f() + (key == null ? "" : " of key " + key) + " by process " + read.process()
                + " returned " + Values.show(v) + " " + when(read.completion());
        List<Operation> writers = operations.stream().filter(op -> writes(op, v)
                && op.invokePosition() < read.completionPosition()).toList();
        if (writers.stream().anyMatch(w -> end(w) > read.invokePosition())) {
            return Optional.empty(); // a concurrent write of v: the contradiction lies elsewhere
        }
        if (writers.isEmpty()) {
            return Values.same(v, ((CasRegister) model).initialValue()) ? overwrittenInitial(read, what, v)
                    : Optional.of(what + ", but no operation invoked before it completed wrote " + Values.show(v)
                    + ".");
        }
        Operation last = writers.stream().max(Comparator.comparingInt(Explainer::end)).get();
        return overwriter(last.completionPosition(), read).map(o -> what + ", but " + Values.show(v) + " ("
                + describe(last) + " acknowledged " + when(last.completion()) + ") "
                + (isRead(o) ? "was gone when " + describe(o) + " was acknowledged " + when(o.completion())
                : "was overwritten by " + describe(o) + " acknowledged " + when(o.completion()))
                + ", before the " + read.f() + " began, and no concurrent write of " + Values.show(v) + " exists.");
    }

    private Optional<String> overwrittenInitial(Operation read, String what, Object v) {
        return overwriter(-1, read).map(o -> what + ", the initial value, but " + describe(o) + " was acknowledged "
                + when(o.completion()) + ", before the " + read.f()
                + " began, and no operation wrote " + Values.show(v) + " again.");
    }

    /**
     * Evidence that the register no longer held the value read: the latest ok write of another value invoked
     * after {@code after} and acknowledged before {@code read} began, or failing that the latest such ok read that
     * saw another value.
     */
    private Optional<Operation> overwriter(int after, Operation read) {
        Comparator<Operation> latest = Comparator.comparingInt(Operation::completionPosition);
        List<Operation> between = operations.stream().filter(o -> o.outcome() == Op.Type.OK
                && o.invokePosition() > after && o.completionPosition() < read.invokePosition()).toList();
        Optional<Operation> write = between.stream()
                .filter(o -> newValue(o) != NONE && !Values.same(newValue(o), read.value())).max(latest);
        return write.isPresent() ? write : between.stream().filter(o -> isRead(o) && seesOther(o, read.value()))
                .max(latest);
    }

    /** Where an operation's effect may lie at the latest: its completion if ok; never bounded if info. */
    private static int end(Operation op) {
        return op.outcome() == Op.Type.OK ? op.completionPosition() : Integer.MAX_VALUE;
    }

    private static boolean isRead(Operation op) {
        return op.f().equals("read") || op.f().equals("get");
    }

    /** True when ok read {@code o} returned a definite value other than {@code v}. */
    private boolean seesOther(Operation o, Object v) {
        boolean wildcard = o.value() == null && ((CasRegister) model).nilReadMatchesAnything();
        return !wildcard && !Values.same(o.value(), v);
    }

    private static final Object NONE = new Object();

    private boolean writes(Operation op, Object v) {
        Object written = newValue(op);
        return written != NONE && Values.same(written, v);
    }

    /** The value an operation leaves in the register if it takes effect, or NONE for reads and appends. */
    private Object newValue(Operation op) {
        Object value = op.invoke().value();
        return switch (op.f()) {
            case "write", "put" -> value;
            case "cas" -> value instanceof List<?> l && l.size() == 2 ? l.get(1) : NONE;
            default -> NONE;
        };
    }

    private String generic(Operation stuck, int prefixLength, List<Object> states) {
        String examples = states.stream().limit(2).map(s -> abbreviate(model.describeState(s)) + " ("
                + rejection(s, stuck) + ")").collect(Collectors.joining("; "));
        long concurrent = operations.stream().filter(o -> o != stuck
                && o.invokePosition() < stuck.completionPosition()
                && end(o) > stuck.invokePosition()).count();
        return describe(stuck) + (key == null ? "" : " on key " + key) + " by process " + stuck.process()
                + ", invoked " + when(stuck.invoke()) + " and acknowledged " + when(stuck.completion())
                + ", cannot be linearized: every order of the operations before it (longest linearizable prefix: "
                + prefixLength + " operations) leaves the " + model.name() + " in a state where it is impossible; "
                + states.size() + " such state(s), e.g. " + examples + ". " + concurrent
                + " operation(s) overlap it in time.";
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 30) + " … " + text.substring(text.length() - 40);
    }

    private String rejection(Object state, Operation op) {
        Step<Object> step = model.step(state, Inputs.input(op), Inputs.output(op));
        return step instanceof Step.Rejected<Object> r ? r.reason() : "legal here, but later operations fail";
    }

    private String describe(Operation op) {
        return model.describeOperation(Inputs.input(op), Inputs.output(op));
    }

    /** "at t=4.100s" from the event's time, or "at index 12" when the history has no times. */
    static String when(Op event) {
        if (event == null) {
            return "never (still open at the end)";
        }
        if (event.time() != null) {
            return String.format(Locale.ROOT, "at t=%.3fs", event.time() / 1e9);
        }
        return "at index " + event.index();
    }
}
