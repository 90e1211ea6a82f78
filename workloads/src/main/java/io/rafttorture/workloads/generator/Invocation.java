package io.rafttorture.workloads.generator;

import java.util.Arrays;
import java.util.List;

/**
 * One operation to invoke: {@code f} is read, write or cas; {@code key} the node key it touches; {@code value} is
 * null (read), the value to write (write) or {@code [expected new]} (cas), as longs.
 *
 * <p>{@code keyed} operations use Jepsen's independent convention in the history: their value is the tuple
 * {@code [key value]}; unkeyed ones (the register workload) carry the bare value.
 */
public record Invocation(String f, long key, Object value, boolean keyed) {
    public static final String READ = "read";
    public static final String WRITE = "write";
    public static final String CAS = "cas";

    public Invocation {
        if (!List.of(READ, WRITE, CAS).contains(f)) {
            throw new IllegalArgumentException("f must be read, write or cas, got " + f);
        }
    }

    public static Invocation read(long key, boolean keyed) {
        return new Invocation(READ, key, null, keyed);
    }

    public static Invocation write(long key, long value, boolean keyed) {
        return new Invocation(WRITE, key, value, keyed);
    }

    public static Invocation cas(long key, long expected, long replacement, boolean keyed) {
        return new Invocation(CAS, key, List.of(expected, replacement), keyed);
    }

    /** The invoke's value as the history records it. */
    public Object historyValue() {
        return historyValue(value);
    }

    /** {@code result} (a read's value, or the invoke's value for write/cas) in this operation's history form. */
    public Object historyValue(Object result) {
        return keyed ? Arrays.asList(key, result) : result;
    }

    /** The key as the node stores it (decimal text). */
    public String nodeKey() {
        return Long.toString(key);
    }
}
