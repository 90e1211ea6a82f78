package io.rafttorture.harness.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.rafttorture.results.html.ReportPage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated report in a real browser: headless Chromium loads report.html through {@code torture serve} (the
 * launcher jar, as a separate process on a free port) and from the file system; the test checks the DOM Chromium
 * built (client lanes, operations, fault windows, node lanes, worksheets) and saves screenshots to the build folder:
 * {@code report-screenshot.png} (the top), {@code report-timeline-screenshot.png} (scrolled to the timeline) and
 * {@code index-screenshot.png}. The run is a trimmed real run (5 nodes, 10 clients, 11 s with a one-way partition)
 * under src/test/resources/runs.
 */
class ReportBrowserIT {
    private static final String RUN = "kv-partition+kill+pause/20261122-215759";
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 1000;

    @TempDir
    static Path tmp;
    static Path results;
    static Path runDir;
    static Chromium chromium;

    /** Once for all tests: the report of a 2,129-operation run takes seconds to generate on a loaded machine. */
    @BeforeAll
    static void generateTheReport() throws IOException, URISyntaxException {
        chromium = Chromium.require(tmp);
        results = tmp.resolve("results");
        copy(Path.of(ReportBrowserIT.class.getResource("/runs").toURI()), results);
        runDir = results.resolve(RUN);
        assertThat(ReportPage.write(runDir)).isEqualTo(runDir.resolve("report.html"));
    }

    @Test
    void theServedReportShowsLanesOperationsFaultsNodesAndWorksheets() throws Exception {
        try (ServeProcess serve = ServeProcess.start(results)) {
            String url = serve.uri().resolve(IndexPage.href(RUN, "report.html")).toString();
            String dom = chromium.dumpDom(url);

            assertReportDom(dom);
            Path shot = buildDir().resolve("report-screenshot.png");
            chromium.screenshot(url, shot, WIDTH, HEIGHT);
            assertNotBlank(shot);
            Path timeline = buildDir().resolve("report-timeline-screenshot.png");
            chromium.screenshot(url + "#timeline", timeline, WIDTH, HEIGHT); // scrolled to the timeline, for the README
            assertNotBlank(timeline);
        }
    }

    @Test
    void theReportOpensFromTheFileSystemWithoutAServer() throws Exception {
        assertReportDom(chromium.dumpDom(runDir.resolve("report.html").toUri().toString()));
    }

    @Test
    void theIndexListsTheRunWithItsVerdictAndAWorkingReportLink() throws Exception {
        try (ResultsServer server = ResultsServer.start(results, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            // in-process this time: the same server class `torture serve` runs
            String dom = chromium.dumpDom(server.uri().toString());

            assertThat(dom).contains("data-path=\"" + RUN + "\" data-verdict=\"valid\"")
                    .contains("<span class=\"verdict verdict-valid\">valid</span>")
                    .contains("href=\"/kv-partition%2Bkill%2Bpause/20261122-215759/report.html\"");
            Path shot = buildDir().resolve("index-screenshot.png");
            chromium.screenshot(server.uri().toString(), shot, WIDTH, 600);
            assertNotBlank(shot);
        }
    }

    private static void assertReportDom(String dom) {
        assertThat(dom).as("the timeline").contains("id=\"timeline-svg\"");
        assertThat(count(dom, "class=\"lane-label client\"")).as("one lane per client thread (concurrency 10)").isEqualTo(10);
        assertThat(count(dom, "<rect id=\"op-\\d+\" class=\"(ok|fail|info)")).as("operations drawn as bars")
                .isGreaterThan(1000);
        assertThat(count(dom, "class=\"fault f-partition\"")).as("the partition's window shaded").isGreaterThanOrEqualTo(1);
        assertThat(count(dom, "class=\"node-lane\" data-node=\"\\d\"")).as("one lane per node").isEqualTo(5);
        assertThat(count(dom, "class=\"role r-(?i:leader)")).as("some node was leader").isGreaterThanOrEqualTo(1);
        for (int node = 1; node <= 5; node++) {
            assertThat(dom).as("node " + node + "'s worksheet").contains("<section class=\"worksheet\" id=\"node-" + node + "\"");
        }
        assertThat(dom).as("the charts inline").contains("id=\"latency-chart\"").contains("id=\"rate-chart\"");
        assertThat(dom).as("the verdict in the header").contains("id=\"verdict\"");
    }

    private static int count(String text, String regex) {
        return (int) Pattern.compile(regex).matcher(text).results().count();
    }

    /** A screenshot of the right size with more than a handful of colours (a blank or error page has few). */
    private static void assertNotBlank(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) colours.add(image.getRGB(x, y));
        }
        assertThat(colours.size()).as("distinct colours in " + png).isGreaterThan(20);
    }

    private static Path buildDir() {
        return Path.of(System.getProperty("rafttorture.build.dir", "target"));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) Files.createDirectories(target);
                else Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
