package io.rafttorture.results.sweep.workload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rafttorture.results.history.History;
import io.rafttorture.results.history.Op;
import io.rafttorture.results.report.Recovery;
import io.rafttorture.results.report.RunReport;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workload sweep's table, JSON and plots, from hand-built trials. */
class WorkloadComparisonTest {
    private static final Map<String, Object> BASE = Map.of("workload", "kv", "nodes", 3);

    private static Trial trial(String setting, int n, int exitCode, double gap, List<Double> failovers,
                               int notRecovered, int elections) {
        return new Trial(setting, n, 42 + n, exitCode, "runs/" + setting + "/" + n, gap, failovers, notRecovered,
                100.0 + n, 2.0 + n, 40.0 + n, elections, elections - 1);
    }

    private static WorkloadComparison twoSettings() {
        return WorkloadComparison.of("workload sweep: kv-partition", BASE, List.of("150-300", "12-24"), List.of(
                trial("150-300", 0, 0, 900, List.of(300.0, 500.0), 0, 3),
                trial("150-300", 1, 2, 1_500, List.of(400.0), 1, 5),
                trial("150-300", 2, 0, 1_200, List.of(350.0), 0, 4),
                trial("12-24", 0, 0, 200, List.of(60.0), 0, 9),
                trial("12-24", 1, 1, 250, List.of(), 0, 11),
                trial("12-24", 2, 0, 300, List.of(80.0), 0, 10)));
    }

    @Test
    void spreadIsMedianMinAndMaxAndTheMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Spread.of(List.of(3.0, 1.0, 2.0))).isEqualTo(new Spread(3, 2.0, 1.0, 3.0));
        assertThat(Spread.of(List.of(4.0, 1.0, 2.0, 3.0)).median()).isEqualTo(2.5);
        assertThat(Spread.of(List.of(300.0, 500.0, 400.0, 350.0)).text()).isEqualTo("375 [300-500]");
        assertThat(Spread.of(List.of(7.0)).text()).isEqualTo("7");
        assertThat(Spread.of(List.of()).text()).isEqualTo("-");
    }

    @Test
    void theTableHasOneRowPerSettingInSweepOrderWithVerdictCountsAndSpreads() {
        String table = twoSettings().table();

        List<String> lines = table.lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("setting (ms)")).findFirst().orElseThrow());
        assertThat(lines.get(header)).contains("verdicts", "not recovered", "longest gap without an ok (ms)",
                "failover after a fault (ms)", "throughput (ok/s)", "latency p99 (ms)", "leader changes");
        assertThat(lines.get(header + 1)).startsWith("150-300").contains("2 valid, 1 unknown", "1200 [900-1500]",
                "375 [300-500]", "4 [3-5]");
        assertThat(lines.get(header + 2)).startsWith("12-24").contains("2 valid, 1 invalid", "250 [200-300]",
                "70 [60-80]", "10 [9-11]");
        assertThat(lines).hasSize(header + 3);
    }

    @Test
    void theFilesAreWrittenAndTheJsonReadsBackWithEveryTrialAndTheAggregates(@TempDir Path dir) throws Exception {
        List<Path> written = twoSettings().write(dir.resolve("sweep"));

        assertThat(written).hasSize(2 + Metric.values().length).allSatisfy(p -> assertThat(p).isRegularFile());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("sweep/workload.json").toFile());
        assertThat(json.path("experiment").asText()).isEqualTo("workload");
        assertThat(json.path("base").path("nodes").asInt()).isEqualTo(3);
        assertThat(json.path("trials")).hasSize(6);
        assertThat(json.path("trials").get(1).path("verdict").asText()).isEqualTo("unknown");
        assertThat(json.path("trials").get(0).path("failoverMs")).hasSize(2);
        JsonNode fast = json.path("rows").get(1);
        assertThat(fast.path("setting").asText()).isEqualTo("12-24");
        assertThat(fast.path("verdicts").path("invalid").asInt()).isEqualTo(1);
        assertThat(fast.path("metrics").path("failover-ms").path("n").asInt()).isEqualTo(2);
        assertThat(fast.path("metrics").path("longest-gap-ms").path("median").asDouble()).isEqualTo(250.0);
        assertThat(Files.readString(dir.resolve("sweep/workload.txt"))).isEqualTo(twoSettings().table());
    }

    @Test
    void everyMetricGetsAPngImageBoxesForSeveralTrialsAndBarsForOne(@TempDir Path dir) throws Exception {
        twoSettings().write(dir);
        WorkloadComparison single = WorkloadComparison.of("one trial each", BASE, List.of("150-300", "12-24"),
                List.of(trial("150-300", 0, 0, 900, List.of(300.0), 0, 3), trial("12-24", 0, 3, 200, List.of(), 0, 9)));
        single.write(dir.resolve("single"));

        for (Metric metric : Metric.values()) {
            for (Path png : List.of(dir.resolve("workload-" + metric.key() + ".png"),
                    dir.resolve("single/workload-" + metric.key() + ".png"))) {
                BufferedImage image = ImageIO.read(png.toFile());
                assertThat(image).as("%s is a PNG image", png).isNotNull();
                assertThat(image.getWidth()).isEqualTo(900);
            }
        }
    }

    @Test
    void aTrialTakesItsMetricsFromTheRunsRecoverySectionAndAnErrorRunHasNone() {
        History h = History.of(List.of(
                new Op(0, Op.Type.INFO, "start-kill", null, Op.NEMESIS, 100_000_000L, null, null),
                new Op(1, Op.Type.INVOKE, "read", null, 0L, 200_000_000L, null, null),
                new Op(2, Op.Type.OK, "read", 1L, 0L, 250_000_000L, null, null)));
        Recovery recovery = Recovery.of(h, 0, 1_000_000_000L, List.of(), null);
        RunReport ran = new RunReport(true, 0, List.of(), "kv-kill", 7, false, null, null, null, null, recovery,
                List.of(), Map.of(), null);
        RunReport failed = new RunReport("unknown", 3, List.of("no docker"), "kv-kill", 7, false, null, null, null,
                null, null, List.of(), Map.of(), "no docker");

        Trial t = Trial.of("150-300", 0, ran, "runs/x");
        Trial e = Trial.of("150-300", 1, failed, "runs/y");

        assertThat(t.failoverMs()).containsExactly(150.0);
        assertThat(t.longestGapMs()).isEqualTo(750.0);
        assertThat(t.p50Ms()).isEqualTo(50.0);
        assertThat(t.elections()).isNull();
        assertThat(Metric.ELECTIONS.values(t)).isEmpty();
        assertThat(e.verdict()).isEqualTo("error");
        assertThat(Metric.values()).allSatisfy(m -> assertThat(m.values(e)).isEmpty());
    }
}
