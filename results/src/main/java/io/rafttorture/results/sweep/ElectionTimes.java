package io.rafttorture.results.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * The distribution of one setting's election times, as the Raft paper reports them. Trials with no leader within the
 * timeout are censored: they count as longer than every measured time, so a percentile that lands among them is
 * unknown (null, shown as "&gt;timeout") and the mean is a lower bound ({@code meanIsLowerBound}).
 *
 * @param setting           e.g. "150-300"
 * @param trials            trials counted
 * @param voided            trials left out: the leader had been deposed before the kill
 * @param censored          trials with no leader within {@code timeoutMs}
 * @param timeoutMs         the trial timeout
 * @param minMs             fastest election; null if every trial was censored
 * @param p50Ms             median (nearest rank)
 * @param p90Ms             90th percentile
 * @param p99Ms             99th percentile
 * @param maxMs             slowest; null when any trial was censored
 * @param meanMs            mean of the measured times (censored trials counted as the timeout)
 * @param meanIsLowerBound  true when censored trials were counted as the timeout
 * @param firstTermWins     share of trials won in the first election round (no split vote)
 * @param meanTerms         mean election rounds per trial
 * @param detectionP50Ms    median time from the crash to the first candidacy (the followers' timeout)
 * @param spreadP50Ms       median spread of the first round's candidacies, over trials with two or more
 */
public record ElectionTimes(String setting, int trials, int voided, int censored, double timeoutMs, Double minMs, Double p50Ms,
                            Double p90Ms, Double p99Ms, Double maxMs, Double meanMs, boolean meanIsLowerBound,
                            double firstTermWins, double meanTerms, Double detectionP50Ms,
                            Double spreadP50Ms) {

    /** Summarizes the trials of one setting (all with that setting); void ones are only counted. */
    public static ElectionTimes of(String setting, List<LeaderCrashTrial> all, double timeoutMs) {
        List<LeaderCrashTrial> trials = all.stream().filter(t -> !t.deposedBefore()).toList();
        List<Double> times = new ArrayList<>();
        int censored = 0;
        int firstTerm = 0;
        double terms = 0;
        double sum = 0;
        for (LeaderCrashTrial t : trials) {
            if (t.censored()) {
                censored++;
                sum += timeoutMs;
            } else {
                times.add(t.electionMs());
                sum += t.electionMs();
                if (t.terms() == 1) firstTerm++;
            }
            terms += t.terms();
        }
        times.sort(null);
        int n = trials.size();
        List<Double> detection = new ArrayList<>();
        List<Double> spread = new ArrayList<>();
        for (LeaderCrashTrial t : trials) {
            if (t.detectionMs() != null) detection.add(t.detectionMs());
            if (t.firstRoundSpreadMs() != null) spread.add(t.firstRoundSpreadMs());
        }
        detection.sort(null);
        spread.sort(null);
        return new ElectionTimes(setting, n, all.size() - n, censored, timeoutMs, times.isEmpty() ? null : times.get(0),
                percentile(times, n, 0.50), percentile(times, n, 0.90), percentile(times, n, 0.99),
                censored > 0 || times.isEmpty() ? null : times.get(times.size() - 1), n == 0 ? null : sum / n,
                censored > 0, n == 0 ? 0 : (double) firstTerm / n, n == 0 ? 0 : terms / n,
                percentile(detection, detection.size(), 0.50), percentile(spread, spread.size(), 0.50));
    }

    /** Nearest-rank percentile of n trials whose measured times are {@code sorted}; null if it is a censored one. */
    static Double percentile(List<Double> sorted, int n, double p) {
        if (n == 0) return null;
        int rank = Math.max(1, (int) Math.ceil(p * n));
        return rank <= sorted.size() ? sorted.get(rank - 1) : null;
    }
}
