package io.rafttorture.results.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.rafttorture.results.sweep.ElectionTimesTest.censored;
import static io.rafttorture.results.sweep.ElectionTimesTest.deposed;
import static io.rafttorture.results.sweep.ElectionTimesTest.won;
import static org.assertj.core.api.Assertions.assertThat;

class LeaderCrashReportTest {
    @Test
    void writesTheTableTheJsonAndTheCdfPlot(@TempDir Path dir) throws Exception {
        List<LeaderCrashTrial> trials = new ArrayList<>();
        for (int i = 1; i <= 4; i++) trials.add(won("150-155", i, 150 + 40 * i, 1));
        trials.add(censored("150-150", 1));
        trials.add(won("150-150", 2, 2_500, 9));
        trials.add(deposed("150-150", 3));
        LeaderCrashReport report = new LeaderCrashReport(List.of(ElectionRange.parse("150-150"),
                ElectionRange.parse("150-155")), trials, 10_000, Map.of("nodes", 5, "trials", 4));

        report.write(dir);

        List<String> lines = Files.readAllLines(dir.resolve(LeaderCrashReport.TABLE));
        assertThat(lines.get(0)).contains("setting", "median", "p99", "paper");
        assertThat(lines.get(1)).startsWith("150-150").contains(">10 s", "no randomness: over 10 s (split votes)");
        assertThat(lines.get(2)).startsWith("150-155").contains(" 230 ", "median 287 ms");
        JsonNode json = new ObjectMapper().readTree(dir.resolve(LeaderCrashReport.JSON).toFile());
        assertThat(json.path("experiment").asText()).isEqualTo("leader-crash");
        assertThat(json.path("options").path("nodes").asInt()).isEqualTo(5);
        assertThat(json.path("trials")).hasSize(7);
        JsonNode noRandomness = json.path("settings").get(0);
        assertThat(noRandomness.path("setting").asText()).isEqualTo("150-150");
        assertThat(noRandomness.path("trials").asInt()).isEqualTo(2);
        assertThat(noRandomness.path("voided").asInt()).isEqualTo(1);
        assertThat(noRandomness.path("censored").asInt()).isEqualTo(1);
        assertThat(json.path("settings").get(1).path("p50Ms").asDouble()).isEqualTo(230.0);
        BufferedImage cdf = ImageIO.read(dir.resolve(LeaderCrashReport.CDF).toFile());
        assertThat(cdf).isNotNull();
        assertThat(cdf.getWidth()).isEqualTo(1000);
    }

    @Test
    void theCdfOfASettingWithCensoredTrialsStopsBelowAHundredPercent() {
        List<LeaderCrashTrial> trials = List.of(won("150-150", 1, 400, 2), censored("150-150", 2));
        LeaderCrashReport report = new LeaderCrashReport(List.of(ElectionRange.parse("150-150")), trials, 10_000, Map.of());

        var series = report.cdfChart().getSeriesMap().get("150-150 ms");

        assertThat(series.getXData()).containsExactly(400.0);
        assertThat(series.getYData()).containsExactly(50.0);
    }
}
