package io.rafttorture.results.html;

import io.rafttorture.results.history.History;
import io.rafttorture.results.history.Op;
import io.rafttorture.results.history.Operation;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which timeline lane each client process takes. A client that times out carries on as a new process
 * (process + concurrency, as Jepsen does), so with the run's concurrency known (test.json) a lane is a client
 * thread: process mod concurrency. Without test.json, the concurrency is read off the history when its processes
 * follow that convention (those that invoke before the first info are exactly 0..c-1); otherwise each process gets
 * its own lane, folded modulo {@link #MAX_LANES} when there are more.
 */
final class Lanes {
    static final int MAX_LANES = 64;

    private final Map<Object, Integer> laneOf = new TreeMap<>((a, b) -> compare(a, b));
    private final int count;
    private final int modulus;

    private Lanes(int modulus, int count) {
        this.modulus = modulus;
        this.count = count;
    }

    /** Lanes for the history's operations; {@code concurrency} from test.json, or 0 when unknown. */
    static Lanes of(History history, int concurrency) {
        List<Operation> operations = history.operations();
        int threads = concurrency > 0 ? concurrency : inferConcurrency(history);
        if (threads > 0) return new Lanes(threads, threads);
        Lanes byProcess = new Lanes(0, 0);
        operations.forEach(op -> byProcess.laneOf.putIfAbsent(op.process(), 0));
        if (byProcess.laneOf.size() > MAX_LANES) return new Lanes(MAX_LANES, MAX_LANES);
        Lanes lanes = new Lanes(0, byProcess.laneOf.size());
        byProcess.laneOf.keySet().forEach(p -> lanes.laneOf.put(p, lanes.laneOf.size()));
        return lanes;
    }

    /**
     * c when the processes that invoke before the first info completion (no client has been renumbered yet) are
     * exactly 0..c-1, as Jepsen numbers them; else 0.
     */
    private static int inferConcurrency(History history) {
        Set<Long> first = new HashSet<>();
        for (Op op : history.ops()) {
            if (op.isNemesis()) continue;
            if (op.type() == Op.Type.INFO || !(op.process() instanceof Long p)) break;
            if (op.type() == Op.Type.INVOKE) first.add(p);
        }
        for (long p = 0; p < first.size(); p++) {
            if (!first.contains(p)) return 0;
        }
        return first.size() <= MAX_LANES ? first.size() : 0;
    }

    int count() {
        return count;
    }

    /** The lane of {@code process} (0-based). */
    int lane(Object process) {
        if (modulus > 0 && process instanceof Number n) return (int) Math.floorMod(n.longValue(), (long) modulus);
        Integer lane = laneOf.get(process);
        return lane != null ? lane : Math.floorMod(process.hashCode(), Math.max(1, count));
    }

    /** The lane's label, e.g. "p3" (or "p3 +10k" when processes fold onto it). */
    String label(int lane) {
        if (modulus == MAX_LANES && laneOf.isEmpty()) return "p≡" + lane + " (mod " + MAX_LANES + ")";
        if (modulus > 0) return "p" + lane;
        return laneOf.entrySet().stream().filter(e -> e.getValue() == lane).map(e -> "p" + e.getKey())
                .findFirst().orElse("p?");
    }

    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) return Long.compare(x.longValue(), y.longValue());
        return a.toString().compareTo(b.toString());
    }
}
