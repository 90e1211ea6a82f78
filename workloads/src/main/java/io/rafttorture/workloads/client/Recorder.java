package io.rafttorture.workloads.client;

import io.rafttorture.results.format.HistoryWriter;
import io.rafttorture.results.history.Op;
import io.rafttorture.workloads.generator.Invocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The history of one run, as it happens: every event gets the next index and its time (nanoseconds since the
 * recorder was created), goes to the streamed {@code history.jsonl} (flushed per line, so a run that dies still
 * leaves a checkable file) and to memory. Thread-safe: one lock orders file, indexes and memory alike.
 *
 * <p>{@link #close()} stops recording: later events are dropped silently (a client thread still finishing after
 * Ctrl-C must not fail the results).
 */
public final class Recorder implements AutoCloseable {
    private final HistoryWriter writer;
    private final LongSupplier clock;
    private final long start;
    private final List<Op> ops = new ArrayList<>();
    private boolean closed;

    /** Records to {@code writer} (may be null: memory only), timing with {@code clock} (nanoseconds). */
    public Recorder(HistoryWriter writer, LongSupplier clock) {
        this.writer = writer;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /** Records to {@code writer} with the system's monotonic clock. */
    public Recorder(HistoryWriter writer) {
        this(writer, System::nanoTime);
    }

    /** Nanoseconds since this recorder was created: the run's time. */
    public long now() {
        return clock.getAsLong() - start;
    }

    public Op invoke(long process, Invocation op, int node) {
        return record(Op.Type.INVOKE, op.f(), op.historyValue(), process, "n" + node, null);
    }

    public Op complete(long process, Invocation op, int node, Completion completion) {
        return record(completion.type(), op.f(), completion.value(), process, "n" + node, completion.error());
    }

    /** A nemesis event: an info op of process "nemesis" (f e.g. "start-partition", value what was affected). */
    public Op nemesis(String f, Object value) {
        return record(Op.Type.INFO, f, value, Op.NEMESIS, null, null);
    }

    private synchronized Op record(Op.Type type, String f, Object value, Object process, String node, Object error) {
        if (closed) return null;
        Op op = new Op(ops.size(), type, f, value, process, now(), node, error);
        if (writer != null) {
            try {
                op = writer.write(op);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the history", e);
            }
        }
        ops.add(op);
        return op;
    }

    /** Every event recorded so far, in order. */
    public synchronized List<Op> ops() {
        return List.copyOf(ops);
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the history", e);
            }
        }
    }
}
