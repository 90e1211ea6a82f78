package io.rafttorture.results.sweep.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * How a metric's values spread within one setting: {@code median [min-max]} over {@code n} values. The median of an
 * even count is the mean of the two middle values. All null when there are no values.
 */
public record Spread(int n, Double median, Double min, Double max) {
    public static Spread of(List<Double> values) {
        if (values.isEmpty()) return new Spread(0, null, null, null);
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(n, round(median), sorted.get(0), sorted.get(n - 1));
    }

    /** "250 [180-420]", "250" when all values are equal, "-" when there are none. */
    public String text() {
        if (n == 0) return "-";
        if (min.equals(max)) return number(median);
        return number(median) + " [" + number(min) + "-" + number(max) + "]";
    }

    /** Whole numbers from 100 on, else one decimal, dropped when it is 0: "1014", "63.8", "55". */
    private static String number(double value) {
        double tenths = Math.round(value * 10) / 10.0;
        if (tenths == Math.rint(tenths) || Math.abs(value) >= 100) return String.valueOf(Math.round(value));
        return String.valueOf(tenths);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
