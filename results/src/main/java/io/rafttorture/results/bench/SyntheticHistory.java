package io.rafttorture.results.bench;

import io.rafttorture.results.history.Op;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Histories of a simulated linearizable key-value store of cas-registers, seeded, for benchmarks and property tests.
 * Each operation takes effect at one instant between its invocation and completion, so every history is linearizable
 * (model "kv", initial value nil). Concurrent clients each run one operation at a time: read, write or cas (a third
 * each) on a random key with values 0..values-1 (default 5, as in Jepsen's etcd test). A cas whose comparison fails
 * completes {@code fail} and has no effect. With probability {@code infoRate} an operation times out: it takes effect
 * or not (even odds), completes {@code info} (or, one time in four, never), and its client carries on as a new process
 * (process + processes), as Jepsen does.
 *
 * @param operations number of invocations
 * @param keys       number of keys (values are {@code [key value]} tuples)
 * @param processes  concurrent clients
 * @param infoRate   probability that an operation's outcome is unknown
 * @param values     size of the value domain
 * @param seed       random seed: equal parameters give equal histories
 */
public record SyntheticHistory(int operations, int keys, int processes, double infoRate, int values, long seed) {
    /** Values 0..4, as Jepsen's etcd test. */
    public SyntheticHistory(int operations, int keys, int processes, double infoRate, long seed) {
        this(operations, keys, processes, infoRate, 5, seed);
    }
    private static final long TICK_NANOS = 1_000_000;

    /** The history, events in real-time order with index and time set. */
    public List<Op> generate() {
        return new Run().generate();
    }

    private final class Run {
        private final SplittableRandom random = new SplittableRandom(seed);
        private final Map<Long, Long> store = new HashMap<>();
        private final List<Op> events = new ArrayList<>();
        private final Client[] clients = new Client[processes];
        private int invoked;

        List<Op> generate() {
            for (int c = 0; c < processes; c++) {
                clients[c] = new Client(c);
            }
            while (invoked < operations || pending()) {
                Client client = clients[random.nextInt(processes)];
                client.act();
            }
            return events;
        }

        private boolean pending() {
            for (Client c : clients) {
                if (c.invoke != null) {
                    return true;
                }
            }
            return false;
        }

        private void emit(Op.Type type, String f, Object value, long process, Object error) {
            long index = events.size();
            events.add(new Op(index, type, f, value, process, index * TICK_NANOS, null, error));
        }

        /** One client: idle, invoked, or applied (took effect, not yet acknowledged). */
        private final class Client {
            private long process;
            private Op invoke;
            private boolean applied;
            private boolean timesOut;
            private Object result;

            Client(long process) {
                this.process = process;
            }

            void act() {
                if (invoke == null) {
                    if (invoked < operations) {
                        start();
                    }
                } else if (!applied) {
                    applied = true;
                    result = timesOut && random.nextBoolean() ? null : apply();
                } else {
                    finish();
                }
            }

            private void start() {
                long key = random.nextInt(keys);
                String f = switch (random.nextInt(3)) {
                    case 0 -> "read";
                    case 1 -> "write";
                    default -> "cas";
                };
                Object value = switch (f) {
                    case "read" -> null;
                    case "write" -> (long) random.nextInt(values);
                    default -> List.of((long) random.nextInt(values), (long) random.nextInt(values));
                };
                timesOut = random.nextDouble() < infoRate;
                invoked++;
                emit(Op.Type.INVOKE, f, Arrays.asList(key, value), process, null);
                invoke = events.get(events.size() - 1);
                applied = false;
            }

            /** Applies the invoked operation to the store; returns the completion's value, or FAILED. */
            private Object apply() {
                List<?> tuple = (List<?>) invoke.value();
                long key = (Long) tuple.get(0);
                Object arg = tuple.get(1);
                Long current = store.get(key);
                switch (invoke.f()) {
                    case "read" -> {
                        return current;
                    }
                    case "write" -> {
                        store.put(key, (Long) arg);
                        return arg;
                    }
                    default -> {
                        List<?> cas = (List<?>) arg;
                        if (!cas.get(0).equals(current)) {
                            return FAILED;
                        }
                        store.put(key, (Long) cas.get(1));
                        return arg;
                    }
                }
            }

            private void finish() {
                List<?> tuple = (List<?>) invoke.value();
                Object key = tuple.get(0);
                if (timesOut) {
                    if (random.nextInt(4) > 0) {
                        emit(Op.Type.INFO, invoke.f(), tuple, process, "timeout");
                    }
                    process += processes;
                } else if (result == FAILED) {
                    emit(Op.Type.FAIL, invoke.f(), tuple, process, null);
                } else {
                    emit(Op.Type.OK, invoke.f(), Arrays.asList(key, result), process, null);
                }
                invoke = null;
            }
        }
    }

    /** Result of a cas whose comparison failed. */
    private static final Object FAILED = new Object();
}
