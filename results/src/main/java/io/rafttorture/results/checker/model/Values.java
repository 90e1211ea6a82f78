package io.rafttorture.results.checker.model;

import java.util.List;
import java.util.stream.Collectors;

/** Helpers for history values (null, Long, String, List): comparison that ignores the integer width, display. */
public final class Values {
    private Values() {
    }

    /** Integers of any width become Long, so that 3 (Integer) and 3L compare equal; other values are unchanged. */
    public static Object normalize(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        return value;
    }

    /** Equality after {@link #normalize}. */
    public static boolean same(Object a, Object b) {
        Object x = normalize(a);
        Object y = normalize(b);
        return x == null ? y == null : x.equals(y);
    }

    /** Element {@code i} of a list value, or an error naming the operation when the value has the wrong shape. */
    public static Object element(Input input, Object value, int i, int size) {
        if (value instanceof List<?> list && list.size() == size) {
            return normalize(list.get(i));
        }
        throw new IllegalArgumentException(input.f() + ": expected a list of " + size + " values, got "
                + show(value));
    }

    /** EDN-like text: nil, numbers, "strings", [lists]. */
    public static String show(Object value) {
        if (value == null) {
            return "nil";
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Values::show).collect(Collectors.joining(" ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
