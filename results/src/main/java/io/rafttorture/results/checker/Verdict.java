package io.rafttorture.results.checker;

/** Outcome of a check. UNKNOWN means a budget ran out or the check was cancelled: never a pass. */
public enum Verdict {
    VALID, INVALID, UNKNOWN;

    /** Combines the verdicts of independent parts: invalid over unknown over valid. */
    public Verdict and(Verdict other) {
        if (this == INVALID || other == INVALID) {
            return INVALID;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : VALID;
    }
}
