package io.rafttorture.harness.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rafttorture.harness.runner.TortureTest;
import io.rafttorture.node.raft.Bug;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A run's test.json ({@link TortureTest#toMap()}) read back into a {@link TortureTest.Builder} with the same options
 * and seed. {@code nodes}, {@code time-limit-s}, {@code workload} and {@code seed} are required; every other option
 * missing from an older test.json gets the builder's default. The nemesis, scenario and results directory are
 * left for the replay to set. Every problem is a {@link ReplayException} naming the file and the field.
 */
final class TestJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final JsonNode root;

    private TestJson(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /** Reads {@code file}; a missing, unreadable or malformed file is a {@link ReplayException}. */
    static TestJson read(Path file) {
        return new TestJson(file, readTree(file));
    }

    /** {@code file} as a JSON map, or a {@link ReplayException} naming it (and the line, when malformed). */
    static JsonNode readTree(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new ReplayException(file + ": missing (is this a run folder?)");
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? ""
                    : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new ReplayException(file + at + ": not valid JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new ReplayException(file + ": cannot read: " + e);
        }
        if (root == null || !root.isObject()) throw new ReplayException(file + ": expected a JSON map, got " + root);
        return root;
    }

    int nodes() {
        return whole("nodes", true, 0);
    }

    /** The test's name, e.g. "kv-partition+kill" or "register-scenario-leader-minority". */
    String name() {
        return text("name", "");
    }

    String workload() {
        return text("workload", null);
    }

    /** A builder with every option of the original run (no nemesis, scenario or results directory yet). */
    TortureTest.Builder builder() {
        TortureTest.Builder b = TortureTest.builder().nodes(nodes()).timeLimit(seconds("time-limit-s", true, 60))
                .workload(text("workload", null)).seed(seed())
                .concurrency(whole("concurrency", false, 10)).rate(number("rate", false, 200).doubleValue())
                .keys(whole("keys", false, 10)).readRatio(number("read-ratio", false, 0.333).doubleValue())
                .nemesisInterval(seconds("nemesis-interval-s", false, 5)).tickMs(whole("tick-ms", false, 10))
                .raftTimeouts(whole("heartbeat-ms", false, 50), whole("election-min-ms", false, 150),
                        whole("election-max-ms", false, 300))
                .opTimeout(Duration.ofMillis(number("op-timeout-ms", false, 1000).longValue()))
                .checkTimeout(seconds("check-timeout-s", false, 60))
                .allowUnavailable(flag("allow-unavailable"))
                .maxNodeLogBytes(number("max-node-log-mb", false, 64).longValue() << 20);
        b.bug(bug());
        if (root.has("node-jar")) b.nodeJar(Path.of(text("node-jar", null)));
        return b;
    }

    private long seed() {
        JsonNode value = root.get("seed");
        if (value == null) throw fail("seed", "missing (a replay repeats the original's seed)");
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw fail("seed", "expected a whole number, got " + value);
        }
        return value.asLong();
    }

    private Bug bug() {
        String flag = text("bug", Bug.NONE.flag());
        try {
            return Bug.fromFlag(flag);
        } catch (IllegalArgumentException e) {
            throw fail("bug", e.getMessage());
        }
    }

    private String text(String field, String otherwise) {
        JsonNode value = root.get(field);
        if (value == null && otherwise != null) return otherwise;
        if (value == null) throw fail(field, "missing");
        if (!value.isTextual()) throw fail(field, "expected text, got " + value);
        return value.asText();
    }

    private Number number(String field, boolean required, double otherwise) {
        JsonNode value = root.get(field);
        if (value == null && !required) return otherwise;
        if (value == null) throw fail(field, "missing");
        if (!value.isNumber()) throw fail(field, "expected a number, got " + value);
        return value.numberValue();
    }

    private int whole(String field, boolean required, int otherwise) {
        JsonNode value = root.get(field);
        if (value == null && !required) return otherwise;
        if (value == null) throw fail(field, "missing");
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw fail(field, "expected a whole number, got " + value);
        }
        return value.asInt();
    }

    private Duration seconds(String field, boolean required, double otherwise) {
        double s = number(field, required, otherwise).doubleValue();
        if (!(s > 0) || Double.isInfinite(s)) throw fail(field, "expected a positive number of seconds, got " + s);
        return Duration.ofMillis(Math.max(1, Math.round(s * 1000)));
    }

    private boolean flag(String field) {
        JsonNode value = root.get(field);
        if (value == null) return false;
        if (!value.isBoolean()) throw fail(field, "expected true or false, got " + value);
        return value.asBoolean();
    }

    ReplayException fail(String field, String problem) {
        return new ReplayException(file + ": " + field + ": " + problem);
    }

    Path file() {
        return file;
    }
}
