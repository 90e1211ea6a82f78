package io.rafttorture.results.checker;

import io.rafttorture.results.checker.model.Model;
import io.rafttorture.results.checker.model.Partition;
import io.rafttorture.results.checker.model.Step;
import io.rafttorture.results.history.History;
import io.rafttorture.results.history.Op;
import io.rafttorture.results.history.Operation;
import java.util.List;

/**
 * A reference checker for tiny histories, written to be obviously right rather than fast: it tries every order of
 * the operations that respects real time (an operation that completed before another was invoked comes first),
 * with every info operation either placed somewhere after its invocation or left out.
 */
final class BruteForce {
    private BruteForce() {
    }

    static Verdict check(List<Op> events, Model<?> model) {
        List<Operation> happened = History.of(events).operations().stream()
                .filter(op -> op.outcome() != Op.Type.FAIL).toList();
        for (Partition p : model.partition(happened)) {
            @SuppressWarnings("unchecked")
            Model<Object> m = (Model<Object>) p.model();
            if (!linearizable(m, p.operations(), new boolean[p.operations().size()], m.init())) {
                return Verdict.INVALID;
            }
        }
        return Verdict.VALID;
    }

    private static boolean linearizable(Model<Object> model, List<Operation> ops, boolean[] placed, Object state) {
        boolean allOkPlaced = true;
        for (int i = 0; i < ops.size(); i++) {
            allOkPlaced &= placed[i] || ops.get(i).outcome() != Op.Type.OK;
        }
        if (allOkPlaced) {
            return true;
        }
        for (int i = 0; i < ops.size(); i++) {
            if (placed[i] || !mayGoNext(ops, placed, i)) {
                continue;
            }
            Operation op = ops.get(i);
            if (model.step(state, Inputs.input(op), Inputs.output(op)) instanceof Step.Next<Object> next) {
                placed[i] = true;
                boolean found = linearizable(model, ops, placed, next.state());
                placed[i] = false;
                if (found) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True unless an unplaced ok operation completed before operation i was invoked. */
    private static boolean mayGoNext(List<Operation> ops, boolean[] placed, int i) {
        for (int j = 0; j < ops.size(); j++) {
            if (!placed[j] && j != i && ops.get(j).outcome() == Op.Type.OK
                    && ops.get(j).completionPosition() < ops.get(i).invokePosition()) {
                return false;
            }
        }
        return true;
    }
}
