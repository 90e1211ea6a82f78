package io.rafttorture.workloads.client;

import io.rafttorture.results.history.Op;
import io.rafttorture.workloads.generator.Generator;
import io.rafttorture.workloads.generator.Invocation;
import io.rafttorture.workloads.generator.Next;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * The impure interpreter of a client {@link Generator}: {@code concurrency} threads, each running one logical
 * process at a time. Thread t talks only to node (t mod nodes) + 1, each process through its own {@link KvClient};
 * after an info the process is retired and p + concurrency takes the thread over, on the same node (Jepsen's
 * rules: a process with an operation in doubt never invokes again; a worker thread stays on its node, so a node
 * cut off from the leader keeps being asked). Each thread draws from its own Random seeded from {@code seed}.
 *
 * <p>{@link #start()} returns at once; the threads stop when the generator is done or on {@link #stop()} (after
 * finishing the operation in flight, bounded by the op timeout).
 */
public final class ClientPool {
    private final Generator generator;
    private final Recorder recorder;
    private final IntFunction<InetSocketAddress> endpoints;
    private final int nodes;
    private final int concurrency;
    private final Duration opTimeout;
    private final long seed;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    /**
     * @param endpoints where clients reach node id 1..nodes (e.g. its Toxiproxy client port)
     * @param opTimeout how long one request waits for its answer before it counts as info
     */
    public ClientPool(Generator generator, Recorder recorder, IntFunction<InetSocketAddress> endpoints, int nodes,
                      int concurrency, Duration opTimeout, long seed) {
        if (nodes < 1 || concurrency < 1) {
            throw new IllegalArgumentException("nodes and concurrency must be at least 1, got " + nodes + " and "
                    + concurrency);
        }
        this.generator = generator;
        this.recorder = recorder;
        this.endpoints = endpoints;
        this.nodes = nodes;
        this.concurrency = concurrency;
        this.opTimeout = opTimeout;
        this.seed = seed;
    }

    /** The node a process talks to: that of its thread, (process mod concurrency) mod nodes, plus 1. */
    public static int nodeOf(long process, int concurrency, int nodes) {
        return (int) (process % concurrency % nodes) + 1;
    }

    public synchronized void start() {
        if (!threads.isEmpty()) throw new IllegalStateException("started already");
        for (int slot = 0; slot < concurrency; slot++) {
            int s = slot;
            Thread thread = new Thread(() -> runSlot(s), "client-" + slot);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Asks every thread to stop after its operation in flight. */
    public void stop() {
        stopping = true;
        threads.forEach(LockSupport::unpark);
    }

    /** Waits up to {@code timeout} for every thread to end; true when all did. */
    public boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            if (thread.isAlive()) return false;
        }
        return true;
    }

    private void runSlot(int slot) {
        Random random = new Random(seed * 31 + slot);
        long process = slot;
        KvClient client = clientFor(process);
        try {
            while (!stopping) {
                Next next = generator.next(recorder.now(), random);
                if (next instanceof Next.Done) return;
                if (next instanceof Next.Pending pending) {
                    LockSupport.parkNanos(Math.min(pending.untilNanos() - recorder.now(),
                            TimeUnit.MILLISECONDS.toNanos(100)));
                    continue;
                }
                Invocation op = ((Next.Invoke) next).operation();
                if (execute(process, op, client) == Op.Type.INFO) {
                    client.close();
                    process += concurrency;
                    client = clientFor(process);
                }
            }
        } finally {
            client.close();
        }
    }

    private Op.Type execute(long process, Invocation op, KvClient client) {
        int node = nodeOf(process, concurrency, nodes);
        recorder.invoke(process, op, node);
        Completion completion = client.invoke(op);
        recorder.complete(process, op, node, completion);
        return completion.type();
    }

    private KvClient clientFor(long process) {
        return new KvClient(endpoints.apply(nodeOf(process, concurrency, nodes)), opTimeout);
    }
}
