package io.rafttorture.results.checker.model;

import io.rafttorture.results.history.Op;
import io.rafttorture.results.history.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds, without search, an ok read of a register that no linearization can place, in O(n log n): a read of v
 * such that no write of v overlaps it, and either nothing wrote v before it (and v is not the initial value), or
 * after the last write of v completed and before the read began, an operation completed that saw or wrote another
 * value. Then the value changed after the last possible write of v and before the read, and nothing could write v
 * again in time. Writes are write/put and cas (its new value); an info write may take effect at any time after its
 * invocation, so it overlaps every later read.
 *
 * <p>Sound, not complete: the search still decides histories without such a read. It exists so that a stale read
 * deep in a long history with many timed-out writes is reported at once, where proving it by search can exhaust
 * any budget.
 */
final class StaleReads {
    private final Object initial;
    private final boolean nilReadMatchesAnything;
    /** Per value, its writers in invocation order, and the running maximum of their effect deadlines. */
    private final Map<Object, int[]> writerInvokes = new HashMap<>();
    private final Map<Object, int[]> writerMaxEnds = new HashMap<>();
    /** Ok operations that fix a value (writes, and reads that are not wildcards), in invocation order. */
    private int[] seenInvokes;
    /** Over each suffix of those: the earliest completion and its value, and the earliest with another value. */
    private int[] firstEnd;
    private Object[] firstValue;
    private int[] otherEnd;

    StaleReads(Object initial, boolean nilReadMatchesAnything) {
        this.initial = initial;
        this.nilReadMatchesAnything = nilReadMatchesAnything;
    }

    Optional<Operation> find(List<Operation> operations) {
        indexWriters(operations);
        indexObservations(operations);
        return operations.stream().filter(op -> isRead(op) && definite(op)).filter(this::impossible).findFirst();
    }

    private boolean impossible(Operation read) {
        Object v = Values.normalize(read.value());
        int[] invokes = writerInvokes.getOrDefault(v, new int[0]);
        int[] maxEnds = writerMaxEnds.getOrDefault(v, new int[0]);
        int before = lowerBound(invokes, read.completionPosition());
        int lastEnd = before == 0 ? -1 : maxEnds[before - 1];
        if (lastEnd > read.invokePosition()) {
            return false; // a write of v overlaps the read
        }
        if (before == 0 && !Objects.equals(v, initial)) {
            return true; // nothing wrote v before the read completed
        }
        return changedBetween(lastEnd, read.invokePosition(), v);
    }

    /** True when an operation invoked after {@code after} and completed before {@code before} fixed a value != v. */
    private boolean changedBetween(int after, int before, Object v) {
        int i = lowerBound(seenInvokes, after + 1);
        if (i == seenInvokes.length) {
            return false;
        }
        int end = Objects.equals(firstValue[i], v) ? otherEnd[i] : firstEnd[i];
        return end < before;
    }

    private void indexWriters(List<Operation> operations) {
        Map<Object, List<Operation>> byValue = new HashMap<>();
        for (Operation op : operations) {
            if (newValue(op) != NONE) {
                byValue.computeIfAbsent(Values.normalize(newValue(op)), k -> new ArrayList<>()).add(op);
            }
        }
        byValue.forEach((value, writers) -> {
            writers.sort(Comparator.comparingInt(Operation::invokePosition));
            int[] invokes = new int[writers.size()];
            int[] maxEnds = new int[writers.size()];
            for (int i = 0; i < invokes.length; i++) {
                invokes[i] = writers.get(i).invokePosition();
                maxEnds[i] = Math.max(i == 0 ? -1 : maxEnds[i - 1], end(writers.get(i)));
            }
            writerInvokes.put(value, invokes);
            writerMaxEnds.put(value, maxEnds);
        });
    }

    private void indexObservations(List<Operation> operations) {
        List<Operation> seen = operations.stream().filter(op -> op.outcome() == Op.Type.OK
                && (newValue(op) != NONE || (isRead(op) && definite(op))))
                .sorted(Comparator.comparingInt(Operation::invokePosition)).toList();
        int n = seen.size();
        seenInvokes = new int[n];
        firstEnd = new int[n + 1];
        firstValue = new Object[n + 1];
        otherEnd = new int[n + 1];
        firstEnd[n] = Integer.MAX_VALUE;
        otherEnd[n] = Integer.MAX_VALUE;
        firstValue[n] = NONE;
        for (int i = n - 1; i >= 0; i--) {
            Operation op = seen.get(i);
            seenInvokes[i] = op.invokePosition();
            Object value = Values.normalize(newValue(op) != NONE ? newValue(op) : op.value());
            int c = op.completionPosition();
            if (c < firstEnd[i + 1]) {
                firstEnd[i] = c;
                firstValue[i] = value;
                otherEnd[i] = Objects.equals(firstValue[i + 1], value) ? otherEnd[i + 1] : firstEnd[i + 1];
            } else {
                firstEnd[i] = firstEnd[i + 1];
                firstValue[i] = firstValue[i + 1];
                otherEnd[i] = Objects.equals(value, firstValue[i + 1]) ? otherEnd[i + 1]
                        : Math.min(otherEnd[i + 1], c);
            }
        }
    }

    private boolean definite(Operation read) {
        return read.outcome() == Op.Type.OK && (read.value() != null || !nilReadMatchesAnything);
    }

    private static boolean isRead(Operation op) {
        return op.f().equals("read") || op.f().equals("get");
    }

    /** What {@link #newValue} gives for operations that write nothing. */
    static final Object NONE = new Object();

    /** The value a write or cas leaves if it takes effect; NONE for other operations. */
    static Object newValue(Operation op) {
        if (op.f().equals("write") || op.f().equals("put")) {
            return op.invoke().value();
        }
        if (op.f().equals("cas") && op.invoke().value() instanceof List<?> cas && cas.size() == 2) {
            return cas.get(1);
        }
        return NONE;
    }

    /** The latest position an operation's effect may lie at: its completion if ok, never bounded otherwise. */
    private static int end(Operation op) {
        return op.outcome() == Op.Type.OK ? op.completionPosition() : Integer.MAX_VALUE;
    }

    /** Index of the first element of sorted {@code a} that is >= {@code key}. */
    private static int lowerBound(int[] a, int key) {
        int i = Arrays.binarySearch(a, key);
        return i >= 0 ? i : -i - 1;
    }
}
