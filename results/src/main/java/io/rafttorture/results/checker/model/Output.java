package io.rafttorture.results.checker.model;

/**
 * What came back: the ok completion's value ({@code known}), or nothing known for an info or never-completed
 * operation ({@link #UNKNOWN}), which may have taken effect or not.
 */
public record Output(Object value, boolean known) {
    /** The outcome of an info or open operation. */
    public static final Output UNKNOWN = new Output(null, false);

    public static Output of(Object value) {
        return new Output(value, true);
    }
}
