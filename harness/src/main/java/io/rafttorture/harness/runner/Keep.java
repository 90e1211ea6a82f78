package io.rafttorture.harness.runner;

import java.util.Locale;

/**
 * Which run folders {@code torture run} keeps: {@link #ALL} (the default) or {@link #FAILURES} (a valid run's folder
 * is deleted once its summary is printed, for nightly jobs that keep only what needs a look).
 */
public enum Keep {
    ALL,
    FAILURES;

    /** "all" or "failures" (any case). */
    public static Keep fromFlag(String flag) {
        for (Keep keep : values()) {
            if (keep.name().equalsIgnoreCase(flag)) return keep;
        }
        throw new IllegalArgumentException("--keep: expected all or failures, got " + flag);
    }

    /** Whether a run that exited with {@code exitCode} (0 valid, 1 invalid, 2 unknown, 3 error) is kept. */
    public boolean keeps(int exitCode) {
        return this == ALL || exitCode != 0;
    }

    public String flag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
