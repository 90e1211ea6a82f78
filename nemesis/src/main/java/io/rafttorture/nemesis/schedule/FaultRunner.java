package io.rafttorture.nemesis.schedule;

/**
 * The one thread that applies a run's faults: the random {@link NemesisRunner} or a scenario's runner. Subclasses
 * say what the thread does ({@link #run()}) and check {@link #stopping()} between steps.
 */
public abstract class FaultRunner {
    private final Thread thread;
    private volatile boolean stopping;

    protected FaultRunner(String threadName) {
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
    }

    /** What the thread does: apply the steps at their times on the run's clock, until done or {@link #stopping()}. */
    protected abstract void run();

    /** True once {@link #stop} was called. */
    protected final boolean stopping() {
        return stopping;
    }

    /** Starts applying steps. */
    public final void start() {
        thread.start();
    }

    /** Ends the steps (after the one in progress, if any) and waits up to {@code timeoutMillis}. */
    public final void stop(long timeoutMillis) throws InterruptedException {
        stopping = true;
        thread.interrupt();
        thread.join(timeoutMillis);
    }
}
