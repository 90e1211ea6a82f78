package io.rafttorture.results.checker;

import io.rafttorture.results.history.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds histories for tests, one event per call, in real-time order; event i happens at t = i × 100 ms. */
final class Events {
    static final long TICK_NANOS = 100_000_000L;
    private final List<Op> ops = new ArrayList<>();

    Events invoke(long process, String f, Object value) {
        return add(Op.Type.INVOKE, process, f, value);
    }

    Events ok(long process, String f, Object value) {
        return add(Op.Type.OK, process, f, value);
    }

    Events info(long process, String f, Object value) {
        return add(Op.Type.INFO, process, f, value);
    }

    Events fail(long process, String f, Object value) {
        return add(Op.Type.FAIL, process, f, value);
    }

    /** An operation that completes ok before the next starts; a read's invocation carries nil (or [key nil]). */
    Events call(long process, String f, Object value) {
        Object asked = value;
        if ("read".equals(f)) {
            asked = value instanceof List<?> tuple ? kv(tuple.get(0), null) : null;
        }
        return invoke(process, f, asked).ok(process, f, value);
    }

    Events nemesis(String f) {
        long index = ops.size();
        ops.add(new Op(index, Op.Type.INFO, f, null, Op.NEMESIS, index * TICK_NANOS, null, null));
        return this;
    }

    private Events add(Op.Type type, long process, String f, Object value) {
        long index = ops.size();
        ops.add(new Op(index, type, f, value, process, index * TICK_NANOS, null, null));
        return this;
    }

    List<Op> build() {
        return List.copyOf(ops);
    }

    /** A [key value] tuple; value may be null. */
    static List<Object> kv(Object key, Object value) {
        return Arrays.asList(key, value);
    }

    static List<Object> cas(long expected, long next) {
        return List.of(expected, next);
    }
}
