package io.rafttorture.results.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A leader's worksheet shows answers to heartbeat rounds it never sent in their term (issue 16: a term-2 round 262
 * answered in term 8, where the leader had sent 11 rounds) apart from ordinary refusals, and counts answers it
 * ignored because they answer an earlier term's request.
 */
class ExchangesTest {
    @TempDir
    Path tmp;

    @Test
    void anAnswerToARoundNeverSentInItsTermIsAnAnomalyAndAnIgnoredOneIsCounted() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int round = 1; round <= 11; round++) {
            lines.add(event(1000 + round, "append-sent", "\"to\":1,\"term\":8,\"round\":" + round));
        }
        lines.add(event(1012, "append-answered", "\"from\":1,\"term\":8,\"success\":true,\"round\":11"));
        for (int round = 15; round <= 262; round++) {
            lines.add(event(1013, "append-answered", "\"from\":1,\"term\":8,\"success\":false,\"round\":" + round));
        }
        lines.add(event(1014, "message-ignored", "\"from\":2,\"to\":3,\"term\":8,\"requestTerm\":2,\"round\":40"));
        lines.add(event(1015, "message-ignored", "\"from\":2,\"to\":3,\"term\":8,\"requestTerm\":7,\"round\":0"));
        NodeLog log = nodeLog(lines);
        assertThat(log.unreadableCount()).as("every fixture line is an event").isZero();

        Exchanges.Tally appendOut = Exchanges.of(log).get(0);
        int[] fromN1 = appendOut.counts().get(8L).get(1);
        assertThat(fromN1[Exchanges.SENT]).isEqualTo(11);
        assertThat(fromN1[Exchanges.OK]).isEqualTo(1);
        assertThat(fromN1[Exchanges.UNSENT_ROUND]).as("rounds 15..262, never sent in term 8").isEqualTo(248);
        assertThat(appendOut.counts().get(8L).get(2)[Exchanges.EARLIER_TERM]).isEqualTo(1);
        Exchanges.Tally voteOut = Exchanges.of(log).get(2);
        assertThat(voteOut.counts().get(8L).get(2)[Exchanges.EARLIER_TERM]).as("a vote answer (round 0)").isEqualTo(1);
        assertThat(appendOut.anomalies()).extracting(e -> e.get("round").asInt())
                .containsExactly(15, 16, 17, 260, 261, 262);
        assertThat(appendOut.samples()).as("the anomalies are not listed again").extracting(e -> e.get("round").asInt())
                .containsExactly(11);

        Element page = Jsoup.parse(Worksheet.render(log, new TimeAnchor(0L, "exact"), 3));
        Element cell = page.selectFirst("table.exchanges[data-kind=append-out] td.anomaly");
        assertThat(cell).as("the cell stands out").isNotNull();
        assertThat(cell.text()).isEqualTo("11\u2192 1\u2713 248\u2717 248\u203d");
        assertThat(page.select("table.exchanges[data-kind=append-out] td").eachText()).contains("0\u2713 1\u21ba");
        assertThat(page.selectFirst("p.anomaly").text()).contains("never sent in their term");
        assertThat(page.select("ul.anomalies li").first().text()).contains("round 15", "term 8");
    }

    @Test
    void answersToRoundsThatWereSentAreNoAnomaly() throws IOException {
        NodeLog log = nodeLog(List.of(event(1, "append-sent", "\"to\":2,\"term\":3,\"round\":4"),
                event(2, "append-answered", "\"from\":2,\"term\":3,\"success\":false,\"round\":4"),
                event(3, "append-answered", "\"from\":2,\"term\":3,\"success\":true,\"round\":3")));

        Exchanges.Tally appendOut = Exchanges.of(log).get(0);
        assertThat(appendOut.counts().get(3L).get(2)[Exchanges.UNSENT_ROUND]).isZero();
        assertThat(appendOut.anomalies()).isEmpty();
        assertThat(Worksheet.render(log, new TimeAnchor(0L, "exact"), 3)).doesNotContain("class=\"anomaly\"");
    }

    private static String event(long ts, String type, String fields) {
        return "{\"ts\":" + ts + ",\"node\":3,\"type\":\"" + type + "\"," + fields + "}";
    }

    private NodeLog nodeLog(List<String> lines) throws IOException {
        Path file = tmp.resolve("n3.log");
        Files.write(file, lines);
        return NodeLog.read(3, file, "nodes/n3.log");
    }
}
