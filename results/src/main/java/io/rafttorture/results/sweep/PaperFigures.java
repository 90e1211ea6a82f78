package io.rafttorture.results.sweep;

import java.util.Map;
import java.util.Optional;

/**
 * What the Raft paper (Ongaro and Ousterhout, USENIX ATC 2014, §9.3 and Figure 16) reports for the settings it
 * names, as text to print beside a sweep's own figures. Its set-up: five servers; the leader crashed uniformly at
 * random within its heartbeat interval, which was half the minimum election timeout; logs of different lengths, so
 * that some candidates could not win; a synchronized heartbeat broadcast just before each crash, to encourage split
 * votes.
 */
public final class PaperFigures {
    private static final Map<String, String> REPORTED = Map.of(
            "150-150", "no randomness: over 10 s (split votes)",
            "150-155", "5 ms of randomness: median 287 ms",
            "150-200", "50 ms of randomness: worst 513 ms in 1000 trials",
            "12-24", "mean 35 ms, worst 152 ms");

    private PaperFigures() {
    }

    /** The paper's figure for a setting such as "150-155", if it names one. */
    public static Optional<String> forSetting(String setting) {
        return Optional.ofNullable(REPORTED.get(setting));
    }

    public static Map<String, String> all() {
        return REPORTED;
    }
}
