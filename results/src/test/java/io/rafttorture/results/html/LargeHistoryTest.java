package io.rafttorture.results.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rafttorture.results.bench.SyntheticHistory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.rafttorture.results.history.History;
import io.rafttorture.results.history.Op;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 10^6-operation history still yields a page under ReportPage.MAX_BYTES (size and time printed, not asserted).
 * The history is built in memory: reading its 186 MB history.jsonl would cost the test most of its time and
 * test the reader, not the page.
 */
class LargeHistoryTest {
    private static final int OPERATIONS = 1_000_000;

    @TempDir
    Path run;

    @Test
    void aMillionOperationsGiveABoundedPageThatShowsDensityAndTheFailingWindow() throws IOException {
        List<Op> ops = new SyntheticHistory(OPERATIONS, 10, 10, 0.001, 1).generate();
        Op middle = ops.stream().skip(ops.size() / 2).filter(op -> op.type() == Op.Type.INVOKE).findFirst()
                .orElseThrow();
        History history = History.of(ops);
        long end = ops.get(ops.size() - 1).time();
        RunFolder folder = new RunFolder(run, history, results(middle), MissingNode.getInstance(), List.of(),
                new TimeAnchor(null, "none (no node logs)"), Faults.of(history.nemesisOps(), end), end);

        long start = System.nanoTime();
        long cpu = Fixtures.CPU.getCurrentThreadCpuTime();
        ReportPage.write(folder);
        System.out.printf("report of %,d operations: %,d bytes in %d ms (%d ms CPU)%n", history.operations().size(),
                Files.size(run.resolve("report.html")), (System.nanoTime() - start) / 1_000_000,
                (Fixtures.CPU.getCurrentThreadCpuTime() - cpu) / 1_000_000);
        Document page = Jsoup.parse(run.resolve("report.html").toFile());
        long bytes = Files.size(run.resolve("report.html"));

        assertThat(bytes).as("report.html stays under the stated limit").isLessThan(ReportPage.MAX_BYTES);
        assertThat(page.select("#timeline .note").first().text()).as("the page says it aggregates")
                .contains("1000000 operations exceed 15000", "density");
        assertThat(page.select("g.density g.cell")).isNotEmpty();
        assertThat(page.select("text.lane-label.client")).as("a lane per client, though processes renumber")
                .hasSize(10);
        assertThat(page.select("g.ops rect")).hasSize(TimelineSvg.WINDOW_OPS);
        assertThat(page.getElementById("op-" + middle.index())).as("the failing operation is drawn")
                .isNotNull();
        assertThat(page.select("#charts .note").first().text()).contains("One in");
    }

    /** A results.json naming an operation of the (linearizable) synthetic history as failing, to place the window. */
    private static JsonNode results(Op failing) {
        Map<String, Object> operation = Map.of("index", failing.index(), "process", failing.process(),
                "f", failing.f(), "invokeTime", failing.time(), "description", failing.f() + " (synthetic)");
        Map<String, Object> failure = Map.of("key", "0", "operation", operation,
                "explanation", "synthetic: this operation stands in for a failing one");
        return new ObjectMapper().valueToTree(Map.of("valid", false,
                "check", Map.of("verdict", "INVALID", "explanation", "synthetic anomaly",
                        "keys", List.of(Map.of("key", "0", "verdict", "INVALID", "failure", failure)))));
    }
}
