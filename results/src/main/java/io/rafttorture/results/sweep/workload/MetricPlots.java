package io.rafttorture.results.sweep.workload;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One PNG per metric, settings side by side (XChart): a box plot (quartiles, whiskers, the median line) when some
 * setting has several values, bars when each has at most one (a sweep of one trial per setting). A setting without
 * a value has no box, or a bar of 0 with "(none)" added to its name.
 */
public final class MetricPlots {
    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;

    private MetricPlots() {
    }

    /** PNG bytes of {@code metric}'s plot; {@code values} maps each setting, in sweep order, to its values. */
    public static byte[] png(Metric metric, List<String> settings, Map<String, List<Double>> values)
            throws IOException {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
        boolean several = values.values().stream().anyMatch(v -> v.size() > 1);
        Chart<?, ?> chart = several ? box(metric, settings, values) : bars(metric, settings, values);
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    private static BoxChart box(Metric metric, List<String> settings, Map<String, List<Double>> values) {
        BoxChart chart = new BoxChartBuilder().width(WIDTH).height(HEIGHT).title(metric.label() + " by election timeout")
                .xAxisTitle("election timeout (ms)").yAxisTitle(metric.label()).build();
        chart.getStyler().setLegendVisible(false).setChartBackgroundColor(Color.WHITE);
        for (String setting : settings) {
            List<Double> v = values.getOrDefault(setting, List.of());
            if (!v.isEmpty()) chart.addSeries(setting, v.stream().mapToDouble(Double::doubleValue).toArray());
        }
        if (chart.getSeriesMap().isEmpty()) chart.addSeries("no values", new double[]{0});
        return chart;
    }

    private static CategoryChart bars(Metric metric, List<String> settings, Map<String, List<Double>> values) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(metric.label() + " by election timeout").xAxisTitle("election timeout (ms)")
                .yAxisTitle(metric.label()).build();
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLegendVisible(false).setChartBackgroundColor(Color.WHITE);
        List<String> names = new ArrayList<>();
        List<Double> heights = new ArrayList<>();
        for (String setting : settings) {
            List<Double> v = values.getOrDefault(setting, List.of());
            names.add(v.isEmpty() ? setting + " (none)" : setting);
            heights.add(v.isEmpty() ? 0.0 : v.get(0));
        }
        chart.addSeries(metric.key(), names, heights);
        return chart;
    }
}
