package io.rafttorture.results.checker;

import java.time.Duration;

/**
 * Budgets of one check.
 *
 * @param timeout        wall-clock budget for the whole history (all keys); default 60 s
 * @param maxMemoryBytes budget for the search caches of all keys together, estimated at
 *                       {@link #BYTES_PER_CACHE_ENTRY} bytes per cached configuration; default 1 GiB
 * @param parallelism    threads checking keys at once; default the number of processors
 */
public record CheckOptions(Duration timeout, long maxMemoryBytes, int parallelism) {
    /**
     * Estimated heap per cached configuration: seven per-node array slots (about 36 bytes, up to twice that while
     * an array doubles), the hash table slot, and a share of states and info counters.
     */
    public static final int BYTES_PER_CACHE_ENTRY = 96;

    public CheckOptions {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (maxMemoryBytes < BYTES_PER_CACHE_ENTRY) {
            throw new IllegalArgumentException("memory budget must be at least " + BYTES_PER_CACHE_ENTRY
                    + " bytes, got " + maxMemoryBytes);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
    }

    public static CheckOptions defaults() {
        return new CheckOptions(Duration.ofSeconds(60), 1L << 30, Runtime.getRuntime().availableProcessors());
    }

    public CheckOptions withTimeout(Duration value) {
        return new CheckOptions(value, maxMemoryBytes, parallelism);
    }

    public CheckOptions withMaxMemoryBytes(long value) {
        return new CheckOptions(timeout, value, parallelism);
    }

    public CheckOptions withParallelism(int value) {
        return new CheckOptions(timeout, maxMemoryBytes, value);
    }

    /** The memory budget as a number of cache entries. */
    public long maxCacheEntries() {
        return maxMemoryBytes / BYTES_PER_CACHE_ENTRY;
    }
}
