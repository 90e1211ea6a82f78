package io.rafttorture.results.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One setting of a timeout sweep: the randomized election timeout range [minMs, maxMs] (equal ends: no randomness).
 * As in the Raft paper's §9.3 measurement the leader's heartbeat is half the minimum election timeout, and the
 * nodes tick every millisecond so that a 1 ms range (150-151) is a real difference.
 */
public record ElectionRange(int minMs, int maxMs) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,6})-(\\d{1,6})");

    public ElectionRange {
        if (minMs < 2) throw new IllegalArgumentException("the election timeout must be at least 2 ms, got " + minMs);
        if (maxMs < minMs) {
            throw new IllegalArgumentException("election timeout range " + minMs + "-" + maxMs + " ends below its start");
        }
    }

    /** "150-300" (min-max in ms). */
    public static ElectionRange parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("election timeout range \"" + text + "\" is not MIN-MAX in ms, e.g. 150-300");
        }
        return new ElectionRange(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** A comma-separated list, e.g. "150-150,150-300,12-24", in the order given; duplicates are refused. */
    public static List<ElectionRange> parseList(String text) {
        List<ElectionRange> ranges = new ArrayList<>();
        for (String part : text.split(",")) {
            ElectionRange range = parse(part);
            if (ranges.contains(range)) throw new IllegalArgumentException("election timeout range " + range + " is listed twice");
            ranges.add(range);
        }
        return List.copyOf(ranges);
    }

    /** Half the minimum election timeout (the paper's choice), at least 1 ms. */
    public int heartbeatMs() {
        return Math.max(1, minMs / 2);
    }

    /** The nodes' tick: 1 ms, so every range and heartbeat is exact. */
    public int tickMs() {
        return 1;
    }

    /** "150-300". */
    @Override
    public String toString() {
        return minMs + "-" + maxMs;
    }
}
