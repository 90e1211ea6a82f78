package io.rafttorture.node.raft;

import java.util.Arrays;

/**
 * One Raft log entry. On disk and on the wire it is (u64 index, u64 term, u8 kind, length-prefixed data).
 * A new leader appends a {@link #NOOP} of its term (§8); client commands are {@link #COMMAND}s whose data
 * the key-value state machine decodes.
 */
public record Entry(long index, long term, byte kind, byte[] data) {
    public static final byte NOOP = 0;
    public static final byte COMMAND = 1;

    public Entry {
        if (index < 1) throw new IllegalArgumentException("entry index starts at 1, got " + index);
        if (data == null) data = new byte[0];
    }

    public static Entry noop(long index, long term) {
        return new Entry(index, term, NOOP, new byte[0]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Entry e && e.index == index && e.term == term && e.kind == kind
                && Arrays.equals(e.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(index) + Long.hashCode(term)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Entry[" + index + "@" + term + (kind == NOOP ? " noop" : " " + data.length + "B") + "]";
    }
}
