package io.rafttorture.harness.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Node log files stop growing at their cap and say so in one last line. */
class CappedLogTest {
    @TempDir
    Path dir;

    @Test
    void linesAreWrittenUntilTheCapThenOneMarkerAndNothingMore() throws Exception {
        Path file = dir.resolve("n1.log");
        int written = 0;
        try (CappedLog log = new CappedLog(file, 100, cap -> "capped at " + cap)) {
            for (int i = 0; i < 50; i++) {
                if (log.append("line " + i)) written++;
            }
            assertThat(log.capped()).isTrue();
            assertThat(log.bytes()).isEqualTo(Files.size(file));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(written).as("'line N\\n' is 7 bytes, then 8: as many as fit in 100").isEqualTo(13);
        assertThat(lines).hasSize(14).startsWith("line 0", "line 1").endsWith("line 12", "capped at 100");
        assertThat(Files.size(file) - "capped at 100\n".length()).isLessThanOrEqualTo(100);
    }

    @Test
    void anExistingFileCountsTowardTheCapAndMultiByteCharactersCountAsBytes() throws Exception {
        Path file = dir.resolve("n2.stderr.log");
        Files.writeString(file, "x".repeat(90) + "\n");
        try (CappedLog log = new CappedLog(file, 100, cap -> "capped")) {
            assertThat(log.append("ééé")).as("7 bytes fit in the 9 left").isTrue();
            assertThat(log.append("é")).as("3 bytes do not fit in the 2 left").isFalse();
            assertThat(log.append("")).isFalse();
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("x".repeat(90) + "\nééé\ncapped\n");
    }

    @Test
    void aFileUnderTheCapHasNoMarker() throws Exception {
        Path file = dir.resolve("n3.log");
        try (CappedLog log = new CappedLog(file, 1 << 20, cap -> "capped")) {
            log.append("{\"type\":\"node-started\"}");
            assertThat(log.capped()).isFalse();
        }
        assertThat(Files.readAllLines(file)).containsExactly("{\"type\":\"node-started\"}");
        assertThatThrownBy(() -> new CappedLog(file, 0, cap -> "")).hasMessageContaining("at least 1 byte");
    }

    @Test
    void theEventsMarkerIsAJsonEventNamingTheCap() throws Exception {
        JsonNode marker = new ObjectMapper().readTree(NodeLog.eventsMarker(4, 67_108_864));

        assertThat(marker.get("type").asText()).isEqualTo("log-capped");
        assertThat(marker.get("node").asInt()).isEqualTo(4);
        assertThat(marker.get("capBytes").asLong()).isEqualTo(67_108_864L);
        assertThat(marker.get("ts").asLong()).isPositive();
        assertThat(marker.get("message").asText()).isEqualTo("n4.log capped at 67108864 bytes; "
                + "later lines were dropped");
    }
}
