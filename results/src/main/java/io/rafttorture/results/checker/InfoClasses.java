package io.rafttorture.results.checker;

import io.rafttorture.results.checker.model.Input;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operations of unknown outcome (info or never completed) of one partition, grouped by input. Two such
 * operations with equal inputs that are both invoked are interchangeable from then on (same effect, no return
 * deadline, both optional), so the search only ever tries the earliest not-yet-linearized one of each class:
 * the linearized members of a class are always a prefix of it, and a counter per class replaces a set. This keeps
 * the search from trying every one of thousands of pending timed-out writes at each step.
 */
final class InfoClasses {
    /** Per class, its operations' ids in invocation order. */
    final int[][] members;
    /** Per class, how many of its members are linearized on the current search path. */
    final int[] linearized;
    private final int[] invokePosition;

    /**
     * @param ids            operation ids of the info operations, in invocation order
     * @param inputs         input of every operation, by id
     * @param invokePosition invocation position of every operation, by id
     */
    InfoClasses(List<Integer> ids, Input[] inputs, int[] invokePosition) {
        Map<Input, List<Integer>> classes = new LinkedHashMap<>();
        for (int id : ids) {
            classes.computeIfAbsent(inputs[id], k -> new ArrayList<>()).add(id);
        }
        members = classes.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        linearized = new int[members.length];
        this.invokePosition = invokePosition;
    }

    int size() {
        return members.length;
    }

    /**
     * The first class at or after {@code from} whose next member was invoked before {@code frontier} (the position
     * of the first return the search has not passed), or {@link #size()} when none. Classes are ordered by their
     * first member's invocation, so the scan stops at the first class not yet invoked.
     */
    int nextCallable(int from, int frontier) {
        for (int c = from; c < members.length; c++) {
            int[] m = members[c];
            if (invokePosition[m[0]] > frontier) {
                return members.length;
            }
            if (linearized[c] < m.length && invokePosition[m[linearized[c]]] < frontier) {
                return c;
            }
        }
        return members.length;
    }

    /** The member of class {@code c} the search tries next. */
    int candidate(int c) {
        return members[c][linearized[c]];
    }
}
