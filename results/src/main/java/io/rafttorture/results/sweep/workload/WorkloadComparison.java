package io.rafttorture.results.sweep.workload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workload sweep's comparison of settings: one {@link SettingRow} per setting (metrics as median [min-max] over
 * its trials, verdict counts), written into the sweep folder as
 * <ul>
 *   <li>{@code workload.txt}: a table, one row per setting, for people;</li>
 *   <li>{@code workload.json}: {@code experiment}, {@code title}, {@code base} (the base test's options),
 *       {@code settings}, {@code metrics} (key and label), {@code rows} (the aggregates) and {@code trials} (every
 *       trial's metrics);</li>
 *   <li>{@code workload-KEY.png} for each {@link Metric}: a box plot per setting, or bars when no setting has more
 *       than one value ({@link MetricPlots}).</li>
 * </ul>
 *
 * @param title    one line naming the experiment (workload, nemesis or scenario, seeds)
 * @param base     the base test's options (test.json of the first run, minus its timeouts), written as they are
 * @param settings the settings in sweep order
 * @param trials   every trial, any order
 * @param rows     one per setting, in sweep order
 */
public record WorkloadComparison(String title, Map<String, Object> base, List<String> settings, List<Trial> trials,
                                 List<SettingRow> rows) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public WorkloadComparison {
        base = new LinkedHashMap<>(base);
        settings = List.copyOf(settings);
        trials = List.copyOf(trials);
        rows = List.copyOf(rows);
    }

    /** The comparison of {@code trials}; a setting without trials still gets a row ("no runs"). */
    public static WorkloadComparison of(String title, Map<String, Object> base, List<String> settings,
                                        List<Trial> trials) {
        List<SettingRow> rows = new ArrayList<>();
        for (String setting : settings) {
            rows.add(SettingRow.of(setting, trials.stream().filter(t -> t.setting().equals(setting)).toList()));
        }
        return new WorkloadComparison(title, base, settings, trials, rows);
    }

    /** Writes workload.txt, workload.json and the PNGs into {@code dir} (created if absent); returns their paths. */
    public List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        written.add(Files.writeString(dir.resolve("workload.txt"), table(), StandardCharsets.UTF_8));
        Path json = dir.resolve("workload.json");
        JSON.writeValue(json.toFile(), jsonTree());
        written.add(json);
        for (Metric metric : Metric.values()) {
            written.add(Files.write(dir.resolve("workload-" + metric.key() + ".png"),
                    MetricPlots.png(metric, settings, valuesBySetting(metric))));
        }
        return written;
    }

    /** workload.txt: the title, how to read the cells, then one row per setting. */
    public String table() {
        List<List<String>> cells = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("setting (ms)", "runs", "verdicts", "not recovered"));
        for (Metric metric : Metric.values()) header.add(metric.label());
        cells.add(header);
        for (SettingRow row : rows) {
            List<String> line = new ArrayList<>(List.of(row.setting(), String.valueOf(row.trials()), row.verdictText(),
                    String.valueOf(row.notRecovered())));
            for (Metric metric : Metric.values()) line.add(row.metrics().get(metric.key()).text());
            cells.add(line);
        }
        return title + "\n"
                + "cells: median [min-max] over the runs of a setting; failover over every fault of every run;\n"
                + "not recovered: faults after which no operation succeeded before the workload ended\n\n"
                + columns(cells);
    }

    /** Left-aligned columns two spaces apart. */
    private static String columns(List<List<String>> cells) {
        int[] widths = new int[cells.get(0).size()];
        for (List<String> line : cells) {
            for (int c = 0; c < line.size(); c++) widths[c] = Math.max(widths[c], line.get(c).length());
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : cells) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < line.size(); c++) {
                text.append(line.get(c)).append(" ".repeat(widths[c] - line.get(c).length() + 2));
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private Map<String, Object> jsonTree() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("experiment", "workload");
        root.put("title", title);
        root.put("base", base);
        root.put("settings", settings);
        List<Map<String, String>> metrics = new ArrayList<>();
        for (Metric m : Metric.values()) metrics.add(Map.of("key", m.key(), "label", m.label()));
        root.put("metrics", metrics);
        root.put("rows", rows);
        root.put("trials", trials);
        return root;
    }

    /** Each setting's values of {@code metric}, in sweep order. */
    Map<String, List<Double>> valuesBySetting(Metric metric) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (String setting : settings) {
            values.put(setting, trials.stream().filter(t -> t.setting().equals(setting))
                    .flatMap(t -> metric.values(t).stream()).toList());
        }
        return values;
    }
}
