package io.rafttorture.results.sweep.workload;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One setting's line of the comparison.
 *
 * @param setting      e.g. "150-300"
 * @param trials       how many runs
 * @param verdicts     runs per verdict, in the order valid, invalid, unknown, error (verdicts no run had are left out)
 * @param notRecovered faults, over all runs, after which nothing succeeded before the workload ended
 * @param metrics      each {@link Metric#key()} to its spread, in {@link Metric} order
 */
@JsonPropertyOrder({"setting", "trials", "verdicts", "notRecovered", "metrics"})
public record SettingRow(String setting, int trials, Map<String, Integer> verdicts, int notRecovered,
                         Map<String, Spread> metrics) {
    static SettingRow of(String setting, List<Trial> trials) {
        Map<String, Integer> verdicts = new LinkedHashMap<>();
        for (String verdict : List.of("valid", "invalid", "unknown", "error")) {
            int count = (int) trials.stream().filter(t -> t.verdict().equals(verdict)).count();
            if (count > 0) verdicts.put(verdict, count);
        }
        Map<String, Spread> metrics = new LinkedHashMap<>();
        for (Metric metric : Metric.values()) {
            metrics.put(metric.key(), Spread.of(trials.stream().flatMap(t -> metric.values(t).stream()).toList()));
        }
        return new SettingRow(setting, trials.size(), verdicts, trials.stream().mapToInt(Trial::notRecovered).sum(),
                metrics);
    }

    /** "2 valid, 1 unknown". */
    public String verdictText() {
        if (verdicts.isEmpty()) return "no runs";
        StringBuilder text = new StringBuilder();
        verdicts.forEach((verdict, count) -> text.append(text.isEmpty() ? "" : ", ").append(count).append(' ')
                .append(verdict));
        return text.toString();
    }
}
