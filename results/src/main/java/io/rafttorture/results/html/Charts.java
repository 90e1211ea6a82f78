package io.rafttorture.results.html;

import io.rafttorture.results.history.Operation;
import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Jepsen's latency-raw and rate plots, drawn with XChart as PNGs: latency of each completed operation over time
 * (colour by f, marker by outcome: ok circle, fail cross, info triangle; log scale) and throughput over time (per f
 * and outcome, per time bucket), both with fault windows shaded. Bounded: at most {@link #MAX_POINTS} points, a
 * regular sample beyond that (the note says so); a PNG stays about 50-200 KB whatever the history.
 */
final class Charts {
    static final int MAX_POINTS = 20_000;
    static final int RATE_BUCKETS = 300;
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 420;

    /** Both charts as PNG bytes, with a sentence each about sampling. */
    record Pngs(byte[] latency, byte[] rate, String latencyNote, String rateNote) {
    }

    private Charts() {
    }

    static Pngs render(RunFolder run) throws IOException {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
        List<Operation> completed = run.history().operations().stream()
                .filter(op -> op.completion() != null && op.completion().time() != null && op.invoke().time() != null)
                .toList();
        int stride = Math.max(1, (completed.size() + MAX_POINTS - 1) / MAX_POINTS);
        String latencyNote = stride == 1 ? "Every completed operation is a point."
                : "One in " + stride + " completed operations is a point (" + completed.size() + " in all).";
        double bucketSeconds = Math.max(1.0, Math.ceil(run.endNanos() / 1e9 / RATE_BUCKETS));
        return new Pngs(png(latency(run, completed, stride)), png(rate(run, completed, bucketSeconds)), latencyNote,
                "Completions per second in " + Html.num(bucketSeconds) + " s buckets, by completion time.");
    }

    private static XYChart latency(RunFolder run, List<Operation> completed, int stride) {
        XYChart chart = chart("Latency", "latency (ms, log scale)");
        chart.getStyler().setYAxisLogarithmic(true);
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        for (int i = 0; i < completed.size(); i += stride) {
            Operation op = completed.get(i);
            double ms = Math.max(0.01, (op.completion().time() - op.invoke().time()) / 1e6);
            points.computeIfAbsent(op.f() + " " + op.outcome().keyword(), k -> new ArrayList<>())
                    .add(new double[]{op.invoke().time() / 1e9, ms});
        }
        double max = points.values().stream().flatMap(List::stream).mapToDouble(p -> p[1]).max().orElse(1);
        double min = points.values().stream().flatMap(List::stream).mapToDouble(p -> p[1]).min().orElse(0.1);
        shadeFaults(chart, run, min / 1.5, max * 1.5);
        points.forEach((name, list) -> {
            XYSeries s = chart.addSeries(name, column(list, 0), column(list, 1));
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(marker(name));
            s.setMarkerColor(colour(name));
        });
        return chart;
    }

    private static XYChart rate(RunFolder run, List<Operation> completed, double bucketSeconds) {
        XYChart chart = chart("Throughput", "operations per second");
        int buckets = (int) Math.max(1, Math.ceil(run.endNanos() / 1e9 / bucketSeconds));
        Map<String, double[]> counts = new LinkedHashMap<>();
        for (Operation op : completed) {
            int b = (int) Math.min(buckets - 1, op.completion().time() / 1e9 / bucketSeconds);
            counts.computeIfAbsent(op.f() + " " + op.outcome().keyword(), k -> new double[buckets])[b] +=
                    1 / bucketSeconds;
        }
        double max = counts.values().stream().flatMapToDouble(java.util.Arrays::stream).max().orElse(1);
        shadeFaults(chart, run, 0, max * 1.1);
        double[] x = new double[buckets];
        for (int b = 0; b < buckets; b++) x[b] = (b + 0.5) * bucketSeconds;
        counts.forEach((name, y) -> {
            XYSeries s = chart.addSeries(name, x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(colour(name));
        });
        return chart;
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("time (s)")
                .yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE).setMarkerSize(4)
                .setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisMin(0.0);
        return chart;
    }

    /** One translucent area per fault window; the first of each kind is named in the legend. */
    private static void shadeFaults(XYChart chart, RunFolder run, double low, double high) {
        java.util.Set<String> named = new java.util.HashSet<>();
        int i = 0;
        for (Faults.Fault f : run.faults()) {
            double a = f.startNanos() / 1e9;
            double b = f.stopNanos() / 1e9;
            XYSeries s = chart.addSeries("fault " + f.fault() + " #" + i++, new double[]{a, a, b, b},
                    new double[]{low, high, high, low});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            s.setMarker(SeriesMarkers.NONE);
            Color c = faultColour(f.fault());
            s.setFillColor(c);
            s.setLineColor(c);
            if (named.add(f.fault())) s.setLabel(f.fault()); else s.setShowInLegend(false);
        }
    }

    private static double[] column(List<double[]> points, int c) {
        return points.stream().mapToDouble(p -> p[c]).toArray();
    }

    private static Marker marker(String series) {
        if (series.endsWith(" ok")) return SeriesMarkers.CIRCLE;
        return series.endsWith(" fail") ? SeriesMarkers.CROSS : SeriesMarkers.TRIANGLE_UP;
    }

    private static Color colour(String series) {
        Color base = switch (series.substring(0, series.indexOf(' '))) {
            case "read" -> new Color(0x1f77b4);
            case "write" -> new Color(0xff7f0e);
            case "cas" -> new Color(0x2ca02c);
            default -> new Color(0x7f7f7f);
        };
        return series.endsWith(" ok") ? base : series.endsWith(" fail") ? base.darker() : base.brighter();
    }

    private static Color faultColour(String fault) {
        return switch (fault) {
            case "partition" -> new Color(74, 123, 208, 40);
            case "kill" -> new Color(208, 74, 74, 40);
            case "pause" -> new Color(154, 74, 208, 40);
            default -> new Color(128, 128, 128, 40);
        };
    }

    private static byte[] png(XYChart chart) throws IOException {
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}
