package io.rafttorture.results.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.rafttorture.results.history.History;
import io.rafttorture.results.history.Op;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where node event times fall on the history's time axis. */
class TimeAnchorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode NONE = MissingNode.getInstance();

    @TempDir
    Path dir;

    private final History history = History.of(List.of(
            new Op(0, Op.Type.INFO, "start-kill", null, Op.NEMESIS, 5_000_000_000L, null, null),
            new Op(1, Op.Type.INFO, "stop-kill", null, Op.NEMESIS, 10_000_000_000L, null, null)));

    @Test
    void startEpochMsOfTheRunIsExact() throws IOException {
        JsonNode test = JSON.readTree("{\"startEpochMs\": 1700000000000}");
        TimeAnchor anchor = TimeAnchor.find(dir, NONE, test, history, List.of());
        assertThat(anchor.startEpochMs()).isEqualTo(1_700_000_000_000L);
        assertThat(anchor.runNanos(1_700_000_000_250L)).isEqualTo(250_000_000L);
        assertThat(anchor.source()).startsWith("exact");
    }

    @Test
    void nemesisLogInstantsMatchedToNemesisEventsGiveTheSmallestOffset() throws IOException {
        Files.writeString(dir.resolve("nemesis.log"), """
                2023-11-14T22:13:25.300Z killed n3; killed: [3]
                  a continuation line without an instant
                2023-11-14T22:13:30.100Z restarted n3; killed: []
                2023-11-14T22:13:35.000Z healed (no history event: the recorder had closed)
                """);
        TimeAnchor anchor = TimeAnchor.find(dir, NONE, NONE, history, List.of());
        // 25.300 - 5 s and 30.100 - 10 s: the smaller offset (the nemesis logged soonest after recording) wins
        long expected = java.time.Instant.parse("2023-11-14T22:13:20.100Z").toEpochMilli();
        assertThat(anchor.startEpochMs()).isEqualTo(expected);
        assertThat(anchor.source()).startsWith("approximate");
    }

    @Test
    void withoutEitherTheFirstNodeStartIsARoughAnchor() throws IOException {
        NodeLog n1 = new NodeLog(1, List.of(JSON.readTree("{\"ts\":900,\"type\":\"node-started\"}"),
                JSON.readTree("{\"ts\":950,\"type\":\"restored\"}")), List.of(), 0, null);
        NodeLog n2 = new NodeLog(2, List.of(JSON.readTree("{\"ts\":800,\"type\":\"node-started\"}")), List.of(), 0,
                null);
        TimeAnchor anchor = TimeAnchor.find(dir, NONE, NONE, history, List.of(n1, n2));
        assertThat(anchor.startEpochMs()).isEqualTo(800L);
        assertThat(anchor.source()).startsWith("rough");
    }
}
