package io.rafttorture.results.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The leader-crash sweep's comparison, written into the sweep folder: {@value #TABLE} (one row per setting, the
 * paper's figure beside it), {@value #JSON} (the summaries and every trial) and {@value #CDF} (the cumulative
 * distribution of election times per setting on a log time axis, as in the paper's Figure 16).
 */
public final class LeaderCrashReport {
    public static final String TABLE = "leader-crash.txt";
    public static final String JSON = "leader-crash.json";
    public static final String CDF = "leader-crash-cdf.png";
    /** Distinct on white (matplotlib's tab10); XChart's default includes a pale yellow. */
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<ElectionRange> settings;
    private final List<LeaderCrashTrial> trials;
    private final double timeoutMs;
    private final Map<String, Object> options;

    /**
     * @param settings  in the order they ran
     * @param trials    every trial of every setting
     * @param timeoutMs the trial timeout (censoring point)
     * @param options   what the sweep ran with (nodes, trials, seed...), copied into the JSON
     */
    public LeaderCrashReport(List<ElectionRange> settings, List<LeaderCrashTrial> trials, double timeoutMs,
                             Map<String, Object> options) {
        this.settings = List.copyOf(settings);
        this.trials = List.copyOf(trials);
        this.timeoutMs = timeoutMs;
        this.options = Map.copyOf(options);
    }

    public List<ElectionTimes> summaries() {
        List<ElectionTimes> out = new ArrayList<>();
        for (ElectionRange s : settings) out.add(ElectionTimes.of(s.toString(), trialsOf(s), timeoutMs));
        return out;
    }

    /** Writes the three files into {@code dir}. */
    public void write(Path dir) throws IOException {
        Files.writeString(dir.resolve(TABLE), table(), StandardCharsets.UTF_8);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("experiment", "leader-crash");
        json.put("options", options);
        json.put("settings", summaries());
        json.put("paper", PaperFigures.all());
        json.put("trials", trials);
        MAPPER.writeValue(dir.resolve(JSON).toFile(), json);
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
        BitmapEncoder.saveBitmap(cdfChart(), dir.resolve(CDF).toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** The text table: times in ms, nearest-rank percentiles, "&gt;T" for a percentile among censored trials. */
    public String table() {
        StringBuilder out = new StringBuilder();
        String row = "%-9s %6s %4s %9s %7s %7s %7s %7s %7s %7s %9s %7s %7s  %s%n";
        out.append(String.format(Locale.ROOT, row, "setting", "trials", "void", "no leader", "min", "median", "mean", "p90",
                "p99", "max", "1st round", "timeout", "spread", "paper (§9.3)"));
        for (ElectionTimes t : summaries()) {
            out.append(String.format(Locale.ROOT, row, t.setting(), t.trials(), t.voided(), t.censored(), ms(t.minMs()),
                    ms(t.p50Ms()), (t.meanIsLowerBound() ? ">" : "") + ms(t.meanMs()), ms(t.p90Ms()), ms(t.p99Ms()),
                    ms(t.maxMs()), String.format(Locale.ROOT, "%.0f%%", 100 * t.firstTermWins()),
                    plain(t.detectionP50Ms()), plain(t.spreadP50Ms()), PaperFigures.forSetting(t.setting()).orElse("")));
        }
        out.append(String.format(Locale.ROOT, "Times in ms. Election time: from the leader's crash (the SIGKILL, or "
                + "Docker's exit record with a remote engine) to the winner's election-won event. void: left out, "
                + "another node had been elected before the kill. no leader: none within %s. 1st round: won in the "
                + "first term after the crash. timeout: median from the crash to the first candidacy. spread: median "
                + "time between the first and last candidacy of that term.%n", seconds(timeoutMs)));
        return out.toString();
    }

    XYChart cdfChart() {
        XYChart chart = new XYChartBuilder().width(1000).height(600).title("Time without a leader after a leader crash")
                .xAxisTitle("election time (ms, log scale)").yAxisTitle("cumulative % of trials").build();
        chart.getStyler().setXAxisLogarithmic(true).setLegendPosition(Styler.LegendPosition.InsideSE)
                .setChartBackgroundColor(Color.WHITE);
        // Up to the trial timeout, so that a setting whose trials ran out of time visibly stops short of 100%.
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0).setXAxisMax(timeoutMs).setSeriesColors(PALETTE);
        for (ElectionRange s : settings) {
            List<LeaderCrashTrial> of = trialsOf(s);
            long counted = of.stream().filter(t -> !t.deposedBefore()).count();
            List<Double> times = new ArrayList<>();
            for (LeaderCrashTrial t : of) if (!t.censored() && !t.deposedBefore()) times.add(Math.max(0.5, t.electionMs()));
            if (times.isEmpty()) continue;
            times.sort(null);
            double[] x = new double[times.size()];
            double[] y = new double[times.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = times.get(i);
                y[i] = 100.0 * (i + 1) / counted; // censored trials keep a curve below 100%
            }
            XYSeries series = chart.addSeries(s + " ms", x, y);
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
            series.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    private List<LeaderCrashTrial> trialsOf(ElectionRange setting) {
        return trials.stream().filter(t -> t.setting().equals(setting.toString())).toList();
    }

    private String ms(Double value) {
        return value == null ? ">" + seconds(timeoutMs) : String.format(Locale.ROOT, "%.0f", value);
    }

    private static String plain(Double ms) {
        return ms == null ? "-" : String.format(Locale.ROOT, "%.0f", ms);
    }

    private static String seconds(double ms) {
        return String.format(Locale.ROOT, "%.0f s", ms / 1000);
    }
}
