package io.rafttorture.results.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A validated history: its events in real-time order, and its client operations paired once, here.
 *
 * <p>Rules, checked by {@link Builder#add} (errors name the source, line and field):
 * <ul>
 *   <li>error: a second invoke while the same process has one outstanding (a process is single-threaded);</li>
 *   <li>error: an ok, fail or info with no outstanding invoke of its process;</li>
 *   <li>error: a completion whose f differs from its invoke's;</li>
 *   <li>error: an index not greater than the previous event's;</li>
 *   <li>tolerated, with a {@link #warnings() warning}: a process that invokes again after an info (Jepsen gives
 *       the client a new process number instead; pairing stays unambiguous, as a completion belongs to the
 *       process's latest invoke);</li>
 *   <li>tolerated silently: nemesis events (process "nemesis") are never paired and may be unmatched; times that
 *       go backwards (order is file order, times are informative only).</li>
 * </ul>
 */
public final class History {
    private final String source;
    private final List<Op> ops;
    private final List<Operation> operations;
    private final List<String> warnings;

    private final int[] lines;

    private History(String source, List<Op> ops, int[] lines, List<Operation> operations, List<String> warnings) {
        this.source = source;
        this.ops = List.copyOf(ops);
        this.lines = lines;
        this.operations = List.copyOf(operations);
        this.warnings = List.copyOf(warnings);
    }

    /** Validates events built in memory; errors name the source "history" and the event's position + 1 as line. */
    public static History of(List<Op> ops) {
        Builder builder = builder("history");
        for (int i = 0; i < ops.size(); i++) {
            builder.add(ops.get(i), i + 1);
        }
        return builder.build();
    }

    /** A builder whose errors name {@code source} (a file name as the user gave it). */
    public static Builder builder(String source) {
        return new Builder(source);
    }

    /** Where the history came from (file name as given), for messages. */
    public String source() {
        return source;
    }

    /** The 1-based source line of the event at {@code position} in {@link #ops()}, for messages. */
    public int line(int position) {
        return lines[position];
    }

    /** Every event, client and nemesis, in real-time (file) order. */
    public List<Op> ops() {
        return ops;
    }

    /** Client operations in invocation order, each paired with its completion (null when open). */
    public List<Operation> operations() {
        return operations;
    }

    /** Nemesis events, in order. They are not operations and are never paired. */
    public List<Op> nemesisOps() {
        return ops.stream().filter(Op::isNemesis).toList();
    }

    /** Tolerated oddities, each naming its line, for the report. */
    public List<String> warnings() {
        return warnings;
    }

    /** Counts of client operations by outcome, and of nemesis events. */
    public Counts counts() {
        int ok = 0;
        int fail = 0;
        int info = 0;
        int open = 0;
        for (Operation op : operations) {
            if (op.isOpen()) {
                open++;
            } else {
                switch (op.outcome()) {
                    case OK -> ok++;
                    case FAIL -> fail++;
                    default -> info++;
                }
            }
        }
        int nemesis = (int) ops.stream().filter(Op::isNemesis).count();
        return new Counts(operations.size(), ok, fail, info, open, nemesis);
    }

    /**
     * Client operations by outcome: {@code invocations = ok + fail + info + open}; info counts completed info
     * events, open counts invocations that never completed (also treated as info).
     */
    public record Counts(int invocations, int ok, int fail, int info, int open, int nemesis) {
    }

    /** Accumulates events one at a time, validating as it goes (see the class comment for the rules). */
    public static final class Builder {
        private final String source;
        private final List<Op> ops = new ArrayList<>();
        private int[] lines = new int[64];
        private final List<Pending> pending = new ArrayList<>();
        private final Map<Object, Pending> outstanding = new HashMap<>();
        private final Set<Object> endedWithInfo = new HashSet<>();
        private final Map<Object, Integer> infoLine = new HashMap<>();
        private final List<String> warnings = new ArrayList<>();
        private Long lastIndex;
        private int lastIndexLine;

        private Builder(String source) {
            this.source = Objects.requireNonNull(source, "source");
        }

        /** Number of events added so far: the next event's natural index. */
        public int size() {
            return ops.size();
        }

        /**
         * Adds the next event, read at {@code line} (1-based) of the source.
         *
         * @throws HistoryFormatException when the event breaks a rule of the class comment
         */
        public Builder add(Op op, int line) {
            checkIndex(op, line);
            if (!op.isNemesis()) {
                if (op.type() == Op.Type.INVOKE) {
                    invoke(op, line);
                } else {
                    complete(op, line);
                }
            }
            if (ops.size() == lines.length) {
                lines = Arrays.copyOf(lines, 2 * lines.length);
            }
            lines[ops.size()] = line;
            ops.add(op);
            return this;
        }

        private void checkIndex(Op op, int line) {
            if (lastIndex != null && op.index() <= lastIndex) {
                throw new HistoryFormatException(source, line, "index", "index " + op.index()
                        + " is not greater than the previous event's index " + lastIndex + " (line " + lastIndexLine
                        + ")");
            }
            lastIndex = op.index();
            lastIndexLine = line;
        }

        private void invoke(Op op, int line) {
            Object process = op.process();
            Pending previous = outstanding.get(process);
            if (previous != null) {
                throw new HistoryFormatException(source, line, "process", "process " + process + " invokes \""
                        + op.f() + "\" while its invoke \"" + previous.invoke.f() + "\" from line " + previous.line
                        + " is still outstanding");
            }
            if (endedWithInfo.contains(process)) {
                warnings.add(source + ":" + line + ": process " + process + " invokes again after its info on line "
                        + infoLine.get(process) + "; the earlier operation may still take effect at any later time");
                endedWithInfo.remove(process);
            }
            Pending p = new Pending(op, ops.size(), line);
            outstanding.put(process, p);
            pending.add(p);
        }

        private void complete(Op op, int line) {
            Object process = op.process();
            Pending p = outstanding.remove(process);
            if (p == null) {
                throw new HistoryFormatException(source, line, "process", op.type().keyword() + " \"" + op.f()
                        + "\" of process " + process + " has no outstanding invoke");
            }
            if (!Objects.equals(p.invoke.f(), op.f())) {
                throw new HistoryFormatException(source, line, "f", op.type().keyword() + " \"" + op.f()
                        + "\" of process " + process + " does not match its invoke \"" + p.invoke.f() + "\" (line "
                        + p.line + ")");
            }
            p.completion = op;
            p.completionPosition = ops.size();
            if (op.type() == Op.Type.INFO) {
                endedWithInfo.add(process);
                infoLine.put(process, line);
            }
        }

        /** The history of every event added; operations still outstanding are open (info). */
        public History build() {
            List<Operation> operations = new ArrayList<>(pending.size());
            for (Pending p : pending) {
                int end = p.completion == null ? ops.size() : p.completionPosition;
                operations.add(new Operation(p.invoke, p.completion, p.invokePosition, end));
            }
            return new History(source, ops, Arrays.copyOf(lines, ops.size()), operations, warnings);
        }

        private static final class Pending {
            final Op invoke;
            final int invokePosition;
            final int line;
            Op completion;
            int completionPosition;

            Pending(Op invoke, int invokePosition, int line) {
                this.invoke = invoke;
                this.invokePosition = invokePosition;
                this.line = line;
            }
        }
    }
}
