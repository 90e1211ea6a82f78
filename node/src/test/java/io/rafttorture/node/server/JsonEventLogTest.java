package io.rafttorture.node.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rafttorture.node.replica.Event;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class JsonEventLogTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final JsonEventLog log = new JsonEventLog(3, out, () -> 1234L);

    @Test
    void eachEventIsOneJsonLineWithTsNodeTypeFirst() throws Exception {
        log.accept(Event.of("role-changed", "term", 4, "role", "LEADER", "quote", "a \"b\"\nc"));
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).endsWith("\n").hasLineCount(1)
                .startsWith("{\"ts\":1234,\"node\":3,\"type\":\"role-changed\",\"term\":4,");
        JsonNode line = new ObjectMapper().readTree(text);
        assertThat(line.path("quote").asText()).isEqualTo("a \"b\"\nc");
    }

    @Test
    void batchedEventsWaitForFlushAndReservedNamesAreRenamed() {
        log.acceptBatched(Event.of("x", "node", 9, "ts", "later"));
        assertThat(out.size()).as("nothing written before flush").isZero();
        log.flush();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"ts\":1234,\"node\":3,\"type\":\"x\",\"_node\":9,\"_ts\":\"later\"}\n");
    }
}
