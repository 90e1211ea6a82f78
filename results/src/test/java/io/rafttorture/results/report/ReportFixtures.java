package io.rafttorture.results.report;

import io.rafttorture.results.history.History;
import io.rafttorture.results.history.Op;
import java.util.ArrayList;
import java.util.List;

/** Builds small histories with times in milliseconds. */
final class ReportFixtures {
    private final List<Op> ops = new ArrayList<>();

    ReportFixtures op(long process, String f, Object value, long invokeMs, Op.Type outcome, long doneMs, String error) {
        ops.add(new Op(0, Op.Type.INVOKE, f, value, process, invokeMs * 1_000_000, null, null));
        ops.add(new Op(0, outcome, f, value, process, doneMs * 1_000_000, null, error));
        return this;
    }

    ReportFixtures nemesis(String f, long ms) {
        ops.add(new Op(0, Op.Type.INFO, f, null, Op.NEMESIS, ms * 1_000_000, null, null));
        return this;
    }

    History history() {
        List<Op> sorted = new ArrayList<>(ops);
        sorted.sort(java.util.Comparator.comparingLong(Op::time));
        List<Op> indexed = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Op op = sorted.get(i);
            indexed.add(new Op(i, op.type(), op.f(), op.value(), op.process(), op.time(), op.node(), op.error()));
        }
        return History.of(indexed);
    }
}
