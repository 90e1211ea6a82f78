package io.rafttorture.harness.serve;

/** A run's verdict as the index shows it: a word and a CSS class; {@link #UNREADABLE} is shown as "?". */
public enum Verdict {
    VALID("valid"),
    INVALID("invalid"),
    UNKNOWN("unknown"),
    ERROR("error"),
    /** results.json is missing or malformed: the run folder is listed with the reason. */
    UNREADABLE("?");

    private final String word;

    Verdict(String word) {
        this.word = word;
    }

    /** "valid", "invalid", "unknown", "error" or "?". */
    public String word() {
        return word;
    }

    /** From results.json: {@code exitCode} 0-3 when present, else {@code valid} true/false. */
    static Verdict of(Boolean valid, Integer exitCode) {
        if (exitCode != null) {
            return switch (exitCode) {
                case 0 -> VALID;
                case 1 -> INVALID;
                case 2 -> UNKNOWN;
                case 3 -> ERROR;
                default -> UNREADABLE;
            };
        }
        if (valid == null) return UNREADABLE;
        return valid ? VALID : INVALID;
    }
}
