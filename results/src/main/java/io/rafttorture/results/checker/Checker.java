package io.rafttorture.results.checker;

import io.rafttorture.results.checker.model.Model;
import io.rafttorture.results.checker.model.Partition;
import io.rafttorture.results.history.History;
import io.rafttorture.results.history.HistoryFormatException;
import io.rafttorture.results.history.Op;
import io.rafttorture.results.history.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Checks a history for linearizability against a model.
 *
 * <p>Fail operations are dropped; info and never-completed ones may take effect at any time after their
 * invocation, or never. The model's partitions (keys) are checked independently, in parallel, under one time and
 * memory budget ({@link CheckOptions}); a key whose budget runs out is UNKNOWN, never VALID, and so is a key whose
 * search runs out of JVM heap first. The result lists
 * every key; for an INVALID key it names the operation that cannot be linearized, the longest linearizable prefix,
 * the model states there, and an explanation.
 */
public final class Checker {
    private static final int PREFIX_TAIL = 20;

    private Checker() {
    }

    /**
     * Checks {@code history} (events in real-time order).
     *
     * @throws HistoryFormatException when events cannot be paired, or an operation does not fit the model (unknown
     *                                f, wrong value shape): the message names the source line
     * @throws IllegalArgumentException when the model cannot partition an operation
     */
    public static CheckResult check(List<Op> history, Model<?> model, CheckOptions options) {
        return check(History.of(history), model, options);
    }

    /** Checks an already validated history; see {@link #check(List, Model, CheckOptions)}. */
    public static CheckResult check(History history, Model<?> model, CheckOptions options) {
        long start = System.nanoTime();
        @SuppressWarnings("unchecked")
        Model<Object> m = (Model<Object>) model;
        List<Operation> happened = history.operations().stream()
                .filter(op -> op.outcome() != Op.Type.FAIL).toList();
        List<Partition> partitions = new ArrayList<>();
        for (Partition p : m.partition(happened)) {
            validate(p, history, m.name());
            partitions.add(new Partition(p.key(), modelOf(p).prune(p.operations()), p.model()));
        }
        partitions.sort(Comparator.comparingInt((Partition p) -> -p.operations().size()));
        Budget budget = new Budget(options);
        List<KeyResult> keys = checkAll(partitions, budget, options.parallelism());
        return summarize(m, history, keys, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Runs every operation through the model once, so that shape errors surface up front as clear messages naming
     * the source line.
     */
    private static void validate(Partition partition, History history, String modelName) {
        Model<Object> model = modelOf(partition);
        for (Operation op : partition.operations()) {
            try {
                model.step(model.init(), Inputs.input(op), Inputs.output(op));
            } catch (RuntimeException e) {
                throw new HistoryFormatException(history.source(), history.line(op.invokePosition()), null,
                        "does not fit model " + modelName + ": operation at index " + op.invoke().index()
                                + " (process " + op.process() + ", " + op.f() + "): " + e.getMessage(), e);
            }
        }
    }

    /**
     * Checks the partitions on {@code parallelism} threads, in slices of {@link #SLICE} steps taken round-robin
     * from a queue (as Porcupine runs every partition at once): a quickly found invalid key stops the check even
     * while harder keys are still searching.
     */
    private static List<KeyResult> checkAll(List<Partition> partitions, Budget budget, int parallelism) {
        Queue<Task> queue = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < partitions.size(); i++) {
            queue.add(new Task(i, partitions.get(i)));
        }
        KeyResult[] results = new KeyResult[partitions.size()];
        Runnable worker = () -> {
            for (Task task = queue.poll(); task != null; task = queue.poll()) {
                KeyResult result = task.runSlice(budget);
                if (result == null) {
                    queue.add(task);
                } else {
                    results[task.index] = result;
                }
            }
        };
        int threads = Math.min(parallelism, partitions.size());
        if (threads <= 1) {
            worker.run();
        } else {
            runOnThreads(worker, threads, budget);
        }
        return List.of(results);
    }

    /** Runs {@code worker} on {@code threads} threads until all end; a failure in one cancels the others. */
    private static void runOnThreads(Runnable worker, int threads, Budget budget) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "checker");
            t.setDaemon(true);
            return t;
        });
        Runnable cancelling = () -> {
            try {
                worker.run();
            } catch (RuntimeException | Error e) {
                budget.cancel("not finished: checking another key failed");
                throw e;
            }
        };
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(cancelling));
            }
            Throwable failure = null;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    failure = failure == null ? e.getCause() : failure;
                }
            }
            if (failure != null) {
                throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
            }
        } catch (InterruptedException e) {
            budget.cancel("interrupted");
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Steps a search runs before yielding its thread to the next key. */
    private static final long SLICE = 1 << 16;

    /** One partition's search, resumable; created on its first slice so that waiting keys hold no memory. */
    private static final class Task {
        final int index;
        final Partition partition;
        Search search;
        long nanos;
        boolean askedModel;

        Task(int index, Partition partition) {
            this.index = index;
            this.partition = partition;
        }

        /** Runs one slice; the key's result when the search ended, else null. */
        KeyResult runSlice(Budget budget) {
            long start = System.nanoTime();
            Model<Object> model = modelOf(partition);
            Search.SearchOutcome outcome;
            try {
                outcome = step(model, budget);
            } catch (OutOfMemoryError e) {
                // The heap is smaller than the memory budget: this key is undecided, and dropping its search (below)
                // gives the heap back to the others.
                String reason = "the JVM heap ran out (" + e.getMessage() + ") before the memory budget did; give "
                        + "java more heap (-Xmx) or a smaller memory budget";
                outcome = search != null ? search.unknown(reason)
                        : new Search.SearchOutcome(Verdict.UNKNOWN, reason, 0, null, List.of(), List.of());
            }
            nanos += System.nanoTime() - start;
            if (outcome == null) {
                return null;
            }
            if (outcome.verdict() == Verdict.INVALID) {
                budget.cancel("not finished: key " + partition.key() + " is already invalid");
            }
            Failure failure = outcome.verdict() == Verdict.INVALID ? failure(model, partition, outcome) : null;
            search = null;
            return new KeyResult(partition.key(), outcome.verdict(), partition.operations().size(),
                    outcome.cacheEntries(), nanos / 1_000_000, outcome.reason(), failure);
        }

        /** Runs one slice of the search, creating it first if needed; null when it has not ended. */
        private Search.SearchOutcome step(Model<Object> model, Budget budget) {
            if (search == null) {
                search = new Search(model, partition.operations(), budget);
            }
            Search.SearchOutcome outcome = search.run(SLICE);
            if (outcome == null && !askedModel) {
                // Not quick: a violation the model can prove without search ends it now.
                askedModel = true;
                outcome = model.violation(partition.operations()).map(search::invalidBecause).orElse(null);
            }
            return outcome;
        }
    }

    @SuppressWarnings("unchecked")
    private static Model<Object> modelOf(Partition partition) {
        return (Model<Object>) partition.model();
    }

    private static Failure failure(Model<Object> model, Partition partition, Search.SearchOutcome outcome) {
        List<Operation> prefix = outcome.prefix();
        List<OperationView> tail = prefix.subList(Math.max(0, prefix.size() - PREFIX_TAIL), prefix.size())
                .stream().map(op -> OperationView.of(op, model)).toList();
        List<String> states = outcome.states().stream().map(model::describeState).toList();
        String explanation = new Explainer(model, partition.key(), partition.operations())
                .explain(outcome.stuck(), prefix.size(), outcome.states());
        return new Failure(partition.key(), OperationView.of(outcome.stuck(), model), prefix.size(), tail, states,
                explanation);
    }

    private static CheckResult summarize(Model<Object> model, History history, List<KeyResult> keys, long millis) {
        Verdict verdict = keys.stream().map(KeyResult::verdict).reduce(Verdict.VALID, Verdict::and);
        List<KeyResult> ordered = keys.stream()
                .sorted(Comparator.comparingInt((KeyResult k) -> rank(k.verdict()))
                        .thenComparing(k -> k.key() == null ? "" : k.key()))
                .toList();
        String reason = ordered.stream().map(KeyResult::reason).filter(r -> r != null).findFirst().orElse(null);
        String explanation = ordered.stream().map(KeyResult::failure).filter(f -> f != null)
                .map(Failure::explanation).findFirst().orElse(null);
        return new CheckResult(verdict, model.name(), history.counts(), millis,
                verdict == Verdict.UNKNOWN ? reason : null, explanation, ordered);
    }

    private static int rank(Verdict v) {
        return switch (v) {
            case INVALID -> 0;
            case UNKNOWN -> 1;
            case VALID -> 2;
        };
    }
}
