package io.rafttorture.nemesis.schedule;

/** The thread that applies a run's faults: the random {@link NemesisRunner} or a scenario's runner. */
public interface FaultRunner {
    /** Starts applying steps at their times on the run's clock. */
    void start();

    /** Ends the steps (after the one in progress, if any) and waits up to {@code timeoutMillis}. */
    void stop(long timeoutMillis) throws InterruptedException;
}
