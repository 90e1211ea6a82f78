package io.rafttorture.node.simulation;

import io.rafttorture.node.kv.ClientRequest;
import io.rafttorture.node.kv.ClientResponse.Status;
import io.rafttorture.node.kv.Command;
import io.rafttorture.node.kv.KvStateMachine;
import io.rafttorture.node.raft.Entry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Client-visible checks of the simulated registers against the committed log (the ground truth, since state machine
 * safety holds or is reported separately). Writes have unique values, so each value read names the log index that
 * wrote it. Necessary conditions of linearizability, cheap enough to run on every schedule:
 * <ul>
 *   <li>an acknowledged write/cas is in the committed log with the acknowledged outcome;</li>
 *   <li>a definitely failed write did not take effect;</li>
 *   <li>a read returns a committed value (or the initial null);</li>
 *   <li>real-time order: an operation that began after another finished sits no earlier in the log (a read
 *       returns a value no older than every write acknowledged, or value read, before the read began).</li>
 * </ul>
 */
final class RegisterChecker {
    private record Applied(long index, KvStateMachine.Result result) {}

    private record OpKey(long clientId, long seq) {}

    private final Map<OpKey, Applied> applied = new HashMap<>();
    private final Map<String, Long> writtenAt = new HashMap<>();

    private RegisterChecker(SortedMap<Long, Entry> committed) {
        KvStateMachine kv = new KvStateMachine();
        for (Entry e : committed.values()) {
            if (e.kind() != Entry.COMMAND) continue;
            ClientRequest command = Command.decode(e.data());
            KvStateMachine.Result result = kv.apply(command);
            Applied first = applied.putIfAbsent(new OpKey(command.clientId(), command.seq()),
                    new Applied(e.index(), result));
            if (first == null && result.status() == Status.OK) writtenAt.put(command.value(), e.index());
        }
    }

    /** The first violation found in {@code history}, or null. */
    static String check(List<ClientOp> history, SortedMap<Long, Entry> committed) {
        RegisterChecker checker = new RegisterChecker(committed);
        for (ClientOp op : history) {
            String problem = checker.outcomeProblem(op);
            if (problem != null) return problem;
        }
        return checker.realTimeProblem(history);
    }

    private String outcomeProblem(ClientOp op) {
        if (op.status == null) return null;
        if (!op.isWrite()) {
            if (op.isOk() && op.readValue != null && !writtenAt.containsKey(op.readValue)) {
                return "read of a value that was never committed: " + op;
            }
            return null;
        }
        Applied a = applied.get(new OpKey(op.request.clientId(), op.request.seq()));
        if (op.isOk() && a == null) return "acknowledged write lost (not in the committed log): " + op;
        if (op.isOk() && a.result().status() != Status.OK) {
            return "acknowledged OK but the log applied it as " + a.result().status() + ": " + op;
        }
        if (op.status.isDefiniteFailure() && a != null && a.result().status() == Status.OK) {
            return "answered " + op.status + " but it took effect at index " + a.index() + ": " + op;
        }
        return null;
    }

    /** Log position of a completed OK op: where a write applied, or where the value a read returned was written. */
    private long position(ClientOp op) {
        if (op.isWrite()) return applied.get(new OpKey(op.request.clientId(), op.request.seq())).index();
        return op.readValue == null ? 0 : writtenAt.get(op.readValue);
    }

    private String realTimeProblem(List<ClientOp> history) {
        List<ClientOp> ok = new ArrayList<>(history.stream().filter(ClientOp::isOk).toList());
        List<ClientOp> byComplete = new ArrayList<>(ok);
        byComplete.sort(Comparator.comparingLong(o -> o.completeMs));
        ok.sort(Comparator.comparingLong(o -> o.invokeMs));
        Map<String, ClientOp> floorOp = new HashMap<>();
        int c = 0;
        for (ClientOp op : ok) {
            while (c < byComplete.size() && byComplete.get(c).completeMs < op.invokeMs) {
                ClientOp done = byComplete.get(c++);
                ClientOp floor = floorOp.get(done.request.key());
                if (floor == null || position(done) > position(floor)) floorOp.put(done.request.key(), done);
            }
            ClientOp floor = floorOp.get(op.request.key());
            if (floor == null) continue;
            long p = position(op);
            long f = position(floor);
            if (p < f || (op.isWrite() && p == f && floor != op)) {
                return "real-time order: " + op + " sits at log index " + p + ", before " + floor
                        + " (index " + f + ") which completed before it began";
            }
        }
        return null;
    }
}
