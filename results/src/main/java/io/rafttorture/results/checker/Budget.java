package io.rafttorture.results.checker;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The time and memory budget shared by the searches of one check, and their cancellation. Thread-safe.
 *
 * <p>Memory is counted in cache entries: a search reserves them in blocks and gives them back when it ends, so a
 * key that exhausts the budget alone becomes UNKNOWN while the others go on.
 */
final class Budget {
    /** Cache entries a search reserves at a time, to keep the shared counter cold. */
    static final int BLOCK = 4096;

    private final long deadlineNanos;
    private final long timeoutMillis;
    private final long maxEntries;
    private final AtomicLong entriesLeft;
    private volatile String stopped;

    /** Longer timeouts count as this: a deadline in nanoseconds must not overflow. */
    private static final Duration FOREVER = Duration.ofDays(365);

    Budget(CheckOptions options) {
        Duration timeout = options.timeout().compareTo(FOREVER) > 0 ? FOREVER : options.timeout();
        this.timeoutMillis = timeout.toMillis();
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        this.maxEntries = options.maxCacheEntries();
        this.entriesLeft = new AtomicLong(maxEntries);
    }

    /** Null while searches may go on; else why they must stop (time out, or cancelled). */
    String stopped() {
        if (stopped == null && System.nanoTime() - deadlineNanos > 0) {
            stopped = "time budget of " + timeoutMillis + " ms exhausted";
        }
        return stopped;
    }

    /** Stops every search, e.g. because one key is already invalid. The first reason given wins. */
    void cancel(String reason) {
        if (stopped == null) {
            stopped = reason;
        }
    }

    /** Takes a block of cache entries; false when the memory budget has none left. */
    boolean reserveBlock() {
        if (entriesLeft.addAndGet(-BLOCK) >= 0) {
            return true;
        }
        entriesLeft.addAndGet(BLOCK);
        return false;
    }

    /** Gives back entries reserved by a search that ended. */
    void release(long entries) {
        entriesLeft.addAndGet(entries);
    }

    String memoryExhausted() {
        return "memory budget of " + maxEntries + " cache entries (" + maxEntries * CheckOptions.BYTES_PER_CACHE_ENTRY
                / (1 << 20) + " MiB) exhausted";
    }
}
