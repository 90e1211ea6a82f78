package io.rafttorture.results.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rafttorture.results.format.Histories;
import io.rafttorture.results.history.History;
import io.rafttorture.results.history.HistoryFormatException;
import io.rafttorture.results.history.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html of stored run folders: its sections, lanes, fault windows, worksheets, links and errors. */
class ReportPageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aRunWithKillsAndPartitionsHasEveryLaneEveryOperationAndEveryFaultWindow() throws IOException {
        Path run = Fixtures.copy("kills-partitions", tmp);
        History history = Histories.read(run.resolve("history.jsonl"));
        Document page = Fixtures.report(run);

        assertThat(page.select("#verdict").text()).as("the verdict is in the header").isEqualTo("VALID");
        assertThat(page.select("text.lane-label.client")).as("one lane per client thread (concurrency 10)")
                .hasSize(10);
        assertThat(page.select("text.lane-label.node").eachText()).as("one lane per node")
                .containsExactly("n1", "n2", "n3", "n4", "n5");
        assertThat(page.select("g.ops rect[id^=op-]")).as("every operation is a bar")
                .hasSize(history.operations().size());
        assertThat(page.select("g.ops rect.fail")).as("fails are drawn apart from oks").isNotEmpty();
        assertThat(page.select("g.ops rect.ok")).isNotEmpty();
        assertThat(page.select("rect.fault").eachAttr("data-fault")).as("each fault window, shaded")
                .containsExactly("partition", "pause", "kill", "kill");
        assertThat(page.select("text.flabel").eachText()).as("labelled with what it did")
                .containsExactly("partition one-way: n1\u219b3", "pause n4 (leader)", "kill n3 (leader)",
                        "kill n5 (leader)");
        assertThat(page.select("#options td").eachText()).as("the run's options").contains("4179014011");
    }

    @Test
    void aKilledNodeIsDownFromTheKillUntilItRestarts() throws IOException {
        Document page = Fixtures.report(Fixtures.copy("kills-partitions", tmp));
        Element n3 = page.selectFirst("g.node-lane[data-node=3]");
        Element kill = page.select("rect.fault[data-fault=kill]").first();
        List<Element> down = n3.select("rect.r-DOWN");
        assertThat(down).as("n3 is down once: killed at 25 s").hasSize(1);
        assertThat(down.get(0).attr("x")).as("from the kill's start").isEqualTo(kill.attr("x"));
        assertThat(n3.select("rect.r-LEADER")).as("n3 led before it was killed").isNotEmpty();
        assertThat(page.select("g.node-lane[data-node=4] rect.paused")).as("paused n4 is hatched").hasSize(1);
    }

    @Test
    void everyNodeHasAWorksheetWithTermsVotesLogAndExchangesByPeer() throws IOException {
        Document page = Fixtures.report(Fixtures.copy("kills-partitions", tmp));
        assertThat(page.select("section.worksheet").eachAttr("id"))
                .containsExactly("node-1", "node-2", "node-3", "node-4", "node-5");
        Element n1 = page.selectFirst("#node-1");
        assertThat(n1.select("table.terms tr td:eq(1)").eachText()).as("votes cast, per term")
                .anyMatch(vote -> vote.matches("n\\d|self"));
        assertThat(n1.select("table.log tr.committed")).as("n1's final log, from n1.entries.jsonl").hasSize(41);
        assertThat(n1.select("table.log td").eachText()).contains("(no-op)");
        assertThat(n1.select("table.exchanges[data-kind=append-in] th").eachText()).as("peers by id")
                .containsExactly("term", "n1", "n2", "n3", "n4", "n5");
        assertThat(page.selectFirst("#node-2 .no-log").text()).contains("Final log not available");
        assertThat(page.selectFirst("#node-3 .restarts").text()).as("lines cut short by the kill are named")
                .contains("nodes/n3.log:405: cut short", "nodes/n3.log:444: cut short")
                .contains("restored term");
        assertThat(page.select("table.exchanges[data-kind=vote-in] td.refused")).as("refused votes stand out")
                .isNotEmpty();
    }

    @Test
    void anInvalidRunNamesTheAnomalyAndLinksToTheFailingOperation() throws IOException {
        Path run = Fixtures.copy("invalid-stale-read", tmp);
        String explanation = JSON.readTree(run.resolve("results.json").toFile()).path("check").path("explanation")
                .asText();
        Document page = Fixtures.report(run);

        assertThat(page.select("#verdict").text()).isEqualTo("INVALID");
        assertThat(page.select("#anomaly .explanation").text()).isEqualTo(explanation).contains("read of key 1");
        Element link = page.selectFirst("#anomaly a.op-link");
        assertThat(link.attr("href")).isEqualTo("#op-116");
        Element target = page.getElementById("op-116");
        assertThat(target).as("the link's target exists").isNotNull();
        assertThat(target.classNames()).as("and is the failing operation").contains("failing");
        assertThat(target.text()).startsWith("#116 p9 read [1 nil] \u2192 [1 nil]");
        assertThat(page.select("rect.conc")).as("no operation overlaps #116").isEmpty();
        assertThat(page.getElementById("failing-window")).isNotNull();
        assertThat(page.select("#timeline .note").first().text()).as("node times are exact with startEpochMs")
                .contains("exact");
    }

    @Test
    void theOperationsConcurrentWithTheFailingOneAreOutlined() throws IOException {
        Path run = Fixtures.copy("invalid-stale-read", tmp);
        ObjectNode results = (ObjectNode) JSON.readTree(run.resolve("results.json").toFile());
        com.fasterxml.jackson.databind.node.ArrayNode keys = (com.fasterxml.jackson.databind.node.ArrayNode)
                results.path("check").path("keys");
        keys.insert(0, keys.remove(keys.size() - 1)); // key 9 first: its failing read #229 has company
        JSON.writeValue(run.resolve("results.json").toFile(), results);
        History history = Histories.read(run.resolve("history.jsonl"));
        Operation failing = history.operations().stream().filter(op -> op.invoke().index() == 229).findFirst()
                .orElseThrow();
        List<String> overlapping = history.operations().stream().filter(op -> op != failing
                        && op.invoke().time() < failing.completion().time()
                        && op.completion().time() > failing.invoke().time())
                .map(op -> "op-" + op.invoke().index()).toList();
        Document page = Fixtures.report(run);

        assertThat(page.selectFirst("#anomaly a.op-link").attr("href")).isEqualTo("#op-229");
        assertThat(overlapping).isNotEmpty();
        assertThat(page.select("rect.conc").eachAttr("id")).containsExactlyInAnyOrderElementsOf(overlapping);
    }

    @Test
    void theCloseUpShowsTheFailingKeysOperationsAndEveryNodesRoleThen() throws IOException {
        Path run = Fixtures.copy("invalid-stale-read", tmp);
        History history = Histories.read(run.resolve("history.jsonl"));
        Document page = Fixtures.report(run);

        List<Element> ops = page.select("#focus-svg g.focus-op");
        assertThat(ops).as("the failing read and the operations before it").hasSizeGreaterThan(1);
        assertThat(page.select("#focus-svg g.focus-op:has(rect.failing)").eachAttr("data-index"))
                .containsExactly("116");
        assertThat(ops).allSatisfy(op -> {
            long index = Long.parseLong(op.attr("data-index"));
            Operation operation = history.operations().stream().filter(o -> o.invoke().index() == index)
                    .findFirst().orElseThrow();
            assertThat(((List<?>) operation.invoke().value()).get(0)).as("only key 1's operations").isEqualTo(1L);
        });
        assertThat(page.select("#focus-svg g.focus-role").eachAttr("data-node")).as("every node's role then")
                .contains("1", "2", "3", "4", "5");
    }

    @Test
    void raftViolationsAreListedAndMarkedOnTheirNodesLane() throws IOException {
        Path run = Fixtures.copy("invalid-stale-read", tmp);
        ObjectNode results = (ObjectNode) JSON.readTree(run.resolve("results.json").toFile());
        long startEpochMs = JSON.readTree(run.resolve("test.json").toFile()).get("startEpochMs").asLong();
        results.set("raft", JSON.readTree("""
                {"valid":false,"violations":[
                  {"property":"election-safety","node":2,"term":7,"ts":%d,"explanation":"two leaders in term 7"},
                  {"property":"log-matching","node":3,"term":7,"ts":0,"explanation":"logs differ at index 4"}],
                 "elections":3,"restarts":0,"logsChecked":[],"unreadable":["n2.log:5: not JSON"],
                 "future":"ignored"}
                """.formatted(startEpochMs + 500)));
        JSON.writeValue(run.resolve("results.json").toFile(), results);
        Document page = Fixtures.report(run);

        assertThat(page.select("#raft-violations li").eachText()).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("election-safety", "two leaders in term 7", "t=0.500 s"))
                .anySatisfy(v -> assertThat(v).contains("log-matching", "found in the final logs"));
        assertThat(page.selectFirst("#raft-violations a.raft-link").attr("href")).isEqualTo("#raft-0");
        Element marker = page.getElementById("raft-0");
        assertThat(marker.tagName()).isEqualTo("path");
        assertThat(page.select("#raft-1")).as("an untimed violation has no marker").isEmpty();
        assertThat(page.select("#summary .facts").text()).contains("Raft check INVALID (3 elections, 0 restarts)");
        assertThat(page.select("#summary .note").text()).contains("skipped 1 unreadable input(s), e.g. n2.log:5");
    }

    @Test
    void thePageIsSelfContainedAndEscapesWhatItShows() throws IOException {
        Path run = Fixtures.copy("invalid-stale-read", tmp);
        ObjectNode test = (ObjectNode) JSON.readTree(run.resolve("test.json").toFile());
        test.put("name", "<script>alert(1)</script>");
        JSON.writeValue(run.resolve("test.json").toFile(), test);
        Document page = Fixtures.report(run);

        assertThat(page.select("script")).as("only the page's own script").hasSize(1);
        assertThat(page.select("#options td").eachText()).contains("<script>alert(1)</script>");
        assertThat(page.select("[src]").eachAttr("src")).as("images are inline").allMatch(s -> s.startsWith("data:"))
                .hasSize(2);
        assertThat(page.select("link[href], [src^=http]")).as("nothing from the network").isEmpty();
        assertThat(Files.readAllBytes(run.resolve("latency.png"))).as("latency.png is a PNG")
                .startsWith(0x89, 'P', 'N', 'G');
        assertThat(Files.readAllBytes(run.resolve("rate.png"))).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void aMalformedHistoryLineIsNamedByFileAndLine() throws IOException {
        Path run = Fixtures.copy("invalid-stale-read", tmp);
        List<String> lines = new ArrayList<>(Files.readAllLines(run.resolve("history.jsonl")));
        lines.set(2, "{\"type\":\"okay\",\"f\":\"read\"");
        Files.write(run.resolve("history.jsonl"), lines, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ReportPage.write(run)).isInstanceOf(HistoryFormatException.class)
                .hasMessageContaining("history.jsonl:3: unparseable line: not JSON");
        assertThat(run.resolve("report.html")).doesNotExist();
    }

    @Test
    void aFolderWithoutAHistoryIsNamed() throws IOException {
        Path run = Fixtures.copy("invalid-stale-read", tmp);
        Files.delete(run.resolve("history.jsonl"));

        assertThatThrownBy(() -> ReportPage.write(run)).isInstanceOf(HistoryFormatException.class)
                .hasMessageEndingWith("history.jsonl: no such file");
        assertThatThrownBy(() -> ReportPage.write(tmp.resolve("absent"))).isInstanceOf(RunInputException.class)
                .hasMessageContaining("absent: not a run folder");
    }

    @Test
    void aMalformedResultsFileIsNamedByFileAndLine() throws IOException {
        Path run = Fixtures.copy("invalid-stale-read", tmp);
        Files.writeString(run.resolve("results.json"), "{\n  \"valid\": false,\n  \"check\": {]\n}");

        assertThatThrownBy(() -> ReportPage.write(run)).isInstanceOf(RunInputException.class)
                .hasMessageContaining("results.json:3: not JSON");
    }

    @Test
    void unreadableNodeLogLinesAreSkippedAndNamedOnTheWorksheet() throws IOException {
        Path run = Fixtures.copy("invalid-stale-read", tmp);
        Path n2 = run.resolve("nodes/n2.log");
        int lines = Files.readAllLines(n2).size();
        Files.writeString(n2, "Exception in thread \"main\"\n{\"node\":2,\"type\":\"x\"}\n",
                java.nio.file.StandardOpenOption.APPEND);
        Document page = Fixtures.report(run);

        assertThat(page.selectFirst("#node-2 .restarts").text()).contains("Skipped 2 unreadable line(s)",
                "nodes/n2.log:" + (lines + 1) + ": not JSON", "nodes/n2.log:" + (lines + 2) + ": field ts: missing");
    }

    @Test
    void anEmptyHistoryGivesAPageWithEmptyLanesAndCharts() throws IOException {
        Path run = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(run.resolve("history.jsonl"), "");
        Document page = Fixtures.report(run);

        assertThat(page.select("g.ops rect")).isEmpty();
        assertThat(page.select("#timeline .note").first().text()).contains("All 0 operations");
        assertThat(run.resolve("latency.png")).isNotEmptyFile();
    }

    @Test
    void aRunFolderWithOnlyAHistoryStillGetsAPageThatSaysWhatIsMissing() throws IOException {
        Path run = Fixtures.copy("invalid-stale-read", tmp);
        for (String file : List.of("results.json", "test.json")) Files.delete(run.resolve(file));
        try (var nodes = Files.list(run.resolve("nodes"))) {
            for (Path file : nodes.toList()) Files.delete(file);
        }
        Document page = Fixtures.report(run);

        assertThat(page.select("#verdict").text()).isEqualTo("NOT CHECKED");
        assertThat(page.select("#worksheets .note").text()).contains("No node logs");
        assertThat(page.select("#summary .note").text()).contains("No test.json");
        assertThat(page.select("g.ops rect")).hasSize(Histories.read(run.resolve("history.jsonl")).operations()
                .size());
    }
}
