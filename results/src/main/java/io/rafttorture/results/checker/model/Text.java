package io.rafttorture.results.checker.model;

/**
 * A string register's value with its hash kept up to date as it grows: appending hashes only the suffix, where
 * String would rehash the whole value for every new state the checker caches.
 */
final class Text {
    private final String value;
    private final int hash;

    private Text(String value, int hash) {
        this.value = value;
        this.hash = hash;
    }

    static Text of(String value) {
        return new Text(value, value.hashCode());
    }

    /** This value followed by {@code suffix}; its hash equals String's hash of the result. */
    Text append(String suffix) {
        int h = hash;
        for (int i = 0; i < suffix.length(); i++) {
            h = 31 * h + suffix.charAt(i);
        }
        return new Text(value + suffix, h);
    }

    String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Text t && t.hash == hash && t.value.equals(value);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return value;
    }
}
