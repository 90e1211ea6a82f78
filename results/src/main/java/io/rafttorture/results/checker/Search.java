package io.rafttorture.results.checker;

import io.rafttorture.results.checker.model.Input;
import io.rafttorture.results.checker.model.Model;
import io.rafttorture.results.checker.model.Output;
import io.rafttorture.results.checker.model.Step;
import io.rafttorture.results.history.Op;
import io.rafttorture.results.history.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The depth-first search for a linearization of one partition (Wing and Gong, Lowe, Porcupine).
 *
 * <p>At each configuration the candidates are the ok operations whose call entry comes before the first return
 * entry still in the list (the frontier), in list order, then one operation per {@link InfoClasses info class} invoked
 * before the frontier. A candidate that the model accepts and whose configuration no visited one dominates ({@link
 * SearchTree}) is linearized; when none is left the search backtracks. It succeeds once every ok operation is
 * linearized: info operations may have taken effect or not, so none is required. An info operation that leaves the
 * state unchanged is never worth linearizing and is skipped.
 *
 * <p>Not thread-safe; one search per partition.
 */
final class Search {
    /** Distinct states kept as evidence at the furthest point reached. */
    private static final int MAX_EVIDENCE = 8;

    private final Model<Object> model;
    private final List<Operation> operations;
    private final Budget budget;
    private final Input[] inputs;
    private final Output[] outputs;
    private final boolean[] info;
    private final int okCount;
    private final EntryList entries;
    private final InfoClasses infoClasses;
    private final SearchTree tree;

    // The search's position, kept between calls of run(maxSteps). used[d]: how depth d was left, the call entry
    // lifted (>= 0) or -(info class + 1); frontierAt[d]: the frontier's position at depth d.
    private final int[] used;
    private final int[] frontierAt;
    private int node = -1;
    private int depth;
    private int okDone;
    private int e;
    private int infoClass = -1;

    private int furthestFrontier = -1;
    private int stuckOp = -1;
    private final List<Integer> furthestNodes = new ArrayList<>();

    /** Operations must not include failed ones. */
    Search(Model<Object> model, List<Operation> partition, Budget budget) {
        this(model, partition, budget, SearchTree.MAX_DOMINANCE_CLASSES);
    }

    /** As above, pruning by dominance only up to {@code maxDominanceClasses} info classes (tests force both modes). */
    Search(Model<Object> model, List<Operation> partition, Budget budget, int maxDominanceClasses) {
        this.model = model;
        this.budget = budget;
        // Ids: the ok operations first (they get entries 0..okCount-1), then the info ones, each in given order.
        List<Operation> ordered = new ArrayList<>(partition.size());
        partition.stream().filter(op -> op.outcome() == Op.Type.OK).forEach(ordered::add);
        okCount = ordered.size();
        partition.stream().filter(op -> op.outcome() != Op.Type.OK).forEach(ordered::add);
        operations = ordered;
        int n = ordered.size();
        inputs = new Input[n];
        outputs = new Output[n];
        info = new boolean[n];
        int[] invokePosition = new int[n];
        int[] completionPosition = new int[okCount];
        List<Integer> infoIds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Operation op = ordered.get(i);
            inputs[i] = Inputs.input(op);
            outputs[i] = Inputs.output(op);
            info[i] = i >= okCount;
            invokePosition[i] = op.invokePosition();
            if (info[i]) {
                infoIds.add(i);
            } else {
                completionPosition[i] = op.completionPosition();
            }
        }
        entries = new EntryList(Arrays.copyOf(invokePosition, okCount), completionPosition);
        infoClasses = new InfoClasses(infoIds, inputs, invokePosition);
        used = new int[n + 1];
        frontierAt = new int[n + 1];
        tree = new SearchTree(new SplittableRandom(n).longs(n).toArray(), okCount,
                infoClasses.size() <= maxDominanceClasses ? infoClasses.size() : -1, budget);
    }

    /**
     * Runs at most about {@code maxSteps} steps of the search, so that a scheduler can interleave the searches of
     * many keys: an easy invalid key then ends the check while a hard one is still searching.
     *
     * @return the verdict, or null when the search is not finished (call again to resume)
     */
    SearchOutcome run(long maxSteps) {
        if (node < 0) {
            if (!tree.addRoot(model.init())) {
                return outcome(Verdict.UNKNOWN, budget.memoryExhausted());
            }
            node = 0;
            e = entries.next[entries.head];
        }
        for (long steps = 1; okDone < okCount; steps++) {
            if ((steps & 1023) == 0 && (budget.stopped() != null || steps > maxSteps)) {
                return budget.stopped() != null ? outcome(Verdict.UNKNOWN, budget.stopped()) : null;
            }
            if (infoClass < 0 && entries.isCall(e)) {
                if (!tryCall()) {
                    return outcome(Verdict.UNKNOWN, budget.memoryExhausted());
                }
                continue;
            }
            if (infoClass < 0) {
                frontierAt[depth] = entries.position[e];
                noteFrontier(entries.position[e], entries.op[e], node);
                infoClass = 0;
            }
            infoClass = infoClasses.nextCallable(infoClass, frontierAt[depth]);
            if (infoClass < infoClasses.size()) {
                if (!tryInfo()) {
                    return outcome(Verdict.UNKNOWN, budget.memoryExhausted());
                }
            } else if (depth == 0) {
                return outcome(Verdict.INVALID, null);
            } else {
                backtrack();
            }
        }
        return outcome(Verdict.VALID, null);
    }

    /** Tries the call entry {@code e}; false when memory ran out. */
    private boolean tryCall() {
        int child = tryLinearize(node, entries.op[e], -1);
        if (child == SearchTree.FULL) {
            return false;
        }
        if (child >= 0) {
            entries.lift(e);
            used[depth++] = e;
            okDone++;
            node = child;
            e = entries.next[entries.head];
        } else {
            e = entries.next[e];
        }
        return true;
    }

    /** Tries the next member of info class {@code infoClass}; false when memory ran out. */
    private boolean tryInfo() {
        int child = tryLinearize(node, infoClasses.candidate(infoClass), infoClass);
        if (child == SearchTree.FULL) {
            return false;
        }
        if (child >= 0) {
            infoClasses.linearized[infoClass]++;
            used[depth++] = -infoClass - 1;
            node = child;
            e = entries.next[entries.head];
            infoClass = -1;
        } else {
            infoClass++;
        }
        return true;
    }

    /** Undoes the last linearization; the search goes on with the candidate after it. */
    private void backtrack() {
        node = tree.parent(node);
        int u = used[--depth];
        if (u >= 0) {
            entries.unlift(u);
            okDone--;
            e = entries.next[u];
            infoClass = -1;
        } else {
            infoClasses.linearized[-u - 1]--;
            infoClass = -u;
        }
    }

    /**
     * The child configuration after linearizing {@code op} (of info class {@code infoClass}, -1 for an ok op), or
     * a negative {@link SearchTree} code.
     */
    private int tryLinearize(int node, int op, int infoClass) {
        Object state = tree.state(node);
        if (!(model.step(state, inputs[op], outputs[op]) instanceof Step.Next<Object> next)) {
            return SearchTree.SEEN;
        }
        if (info[op] && Objects.equals(next.state(), state)) {
            return SearchTree.SEEN;
        }
        return tree.child(node, op, infoClass, next.state());
    }

    private void noteFrontier(int position, int op, int node) {
        if (position > furthestFrontier) {
            furthestFrontier = position;
            stuckOp = op;
            furthestNodes.clear();
        }
        if (position == furthestFrontier && furthestNodes.size() < MAX_EVIDENCE
                && furthestNodes.stream().noneMatch(n -> Objects.equals(tree.state(n), tree.state(node)))) {
            furthestNodes.add(node);
        }
    }

    /**
     * Ends an unfinished search as INVALID because the model proved, without search, that {@code stuck} cannot be
     * linearized; the evidence is the furthest point the search reached so far.
     */
    SearchOutcome invalidBecause(Operation stuck) {
        tree.release();
        List<Operation> prefix = furthestNodes.isEmpty() ? List.of() : path(furthestNodes.get(0));
        return new SearchOutcome(Verdict.INVALID, null, tree.size(), stuck, prefix,
                furthestNodes.stream().map(tree::state).toList());
    }

    /** Ends the search as UNKNOWN for {@code reason} (e.g. the heap ran out), giving its memory back. */
    SearchOutcome unknown(String reason) {
        return outcome(Verdict.UNKNOWN, reason);
    }

    private SearchOutcome outcome(Verdict verdict, String reason) {
        tree.release();
        if (verdict != Verdict.INVALID) {
            return new SearchOutcome(verdict, reason, tree.size(), null, List.of(), List.of());
        }
        List<Object> states = furthestNodes.stream().map(tree::state).toList();
        return new SearchOutcome(verdict, null, tree.size(), operations.get(stuckOp),
                path(furthestNodes.get(0)), states);
    }

    /** Operations linearized on the way to {@code node}, in order. */
    private List<Operation> path(int node) {
        List<Operation> path = new ArrayList<>(tree.depth(node));
        for (int n = node; tree.parent(n) >= 0; n = tree.parent(n)) {
            path.add(operations.get(tree.op(n)));
        }
        Collections.reverse(path);
        return path;
    }

    /**
     * What a search found.
     *
     * @param verdict      VALID, INVALID or UNKNOWN
     * @param reason       why UNKNOWN
     * @param cacheEntries configurations visited
     * @param stuck        when INVALID: the operation whose completion no linearization got past
     * @param prefix       when INVALID: a longest linearizable prefix found
     * @param states       when INVALID: model states reached at that point
     */
    record SearchOutcome(Verdict verdict, String reason, long cacheEntries, Operation stuck, List<Operation> prefix,
                         List<Object> states) {
    }
}
