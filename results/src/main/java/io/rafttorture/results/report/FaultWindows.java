package io.rafttorture.results.report;

import io.rafttorture.results.history.Op;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The spans of run time during which a fault was in force, read from nemesis events: {@code start-X} opens a window
 * of fault X, the next {@code stop-X} closes it; a window never closed lasts to the end of time. Times are the
 * events' nanoseconds; events without a time are ignored.
 */
public record FaultWindows(List<Window> windows) {
    /** [startNanos, stopNanos) of one fault. */
    public record Window(String fault, long startNanos, long stopNanos) {
        boolean covers(long nanos) {
            return nanos >= startNanos && nanos < stopNanos;
        }
    }

    public FaultWindows {
        windows = List.copyOf(windows);
    }

    public static FaultWindows of(List<Op> nemesisOps) {
        List<Window> windows = new ArrayList<>();
        Map<String, Long> open = new HashMap<>();
        for (Op op : nemesisOps) {
            if (op.time() == null) continue;
            if (op.f().startsWith("start-")) {
                open.putIfAbsent(op.f().substring("start-".length()), op.time());
            } else if (op.f().startsWith("stop-")) {
                String fault = op.f().substring("stop-".length());
                Long start = open.remove(fault);
                if (start != null) windows.add(new Window(fault, start, op.time()));
            }
        }
        open.forEach((fault, start) -> windows.add(new Window(fault, start, Long.MAX_VALUE)));
        windows.sort(java.util.Comparator.comparingLong(Window::startNanos));
        return new FaultWindows(windows);
    }

    /** True when [fromNanos, toNanos) overlaps a window extended by {@code graceNanos} after its stop. */
    public boolean overlaps(long fromNanos, long toNanos, long graceNanos) {
        for (Window w : windows) {
            long end = w.stopNanos() == Long.MAX_VALUE ? Long.MAX_VALUE : w.stopNanos() + graceNanos;
            if (fromNanos < end && toNanos > w.startNanos()) return true;
        }
        return false;
    }

    /** True when {@code nanos} lies inside a window. */
    public boolean covers(long nanos) {
        return windows.stream().anyMatch(w -> w.covers(nanos));
    }
}
