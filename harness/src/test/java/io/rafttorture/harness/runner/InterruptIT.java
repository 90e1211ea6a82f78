package io.rafttorture.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rafttorture.harness.cluster.Labels;
import io.rafttorture.harness.cluster.Leftovers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/** Ctrl-C (SIGINT) to a real `torture run` process mid-run: a checked results folder stays, no container does. */
class InterruptIT {
    @TempDir
    Path results;

    @Test
    void sigintMidRunLeavesACheckedResultsFolderAndNoContainers() throws Exception {
        Path jar = Path.of(System.getProperty("rafttorture.torture.jar", "target/torture.jar"));
        Path nodeJar = Path.of(System.getProperty("rafttorture.node.jar", "../node/target/node.jar"));
        Path log = results.resolve("torture.log");
        // A build started in the background of a non-interactive shell (CI) inherits SIGINT ignored, and a JVM keeps an
        // ignored SIGINT ignored: reset it, as it is for a Ctrl-C in a terminal (GNU env, coreutils 8.31 or newer).
        Process torture = new ProcessBuilder("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Drafttorture.node.jar=" + nodeJar.toAbsolutePath(), "-jar", jar.toAbsolutePath().toString(),
                "run", "--nodes", "3", "--time-limit", "120", "--nemesis", "kill", "--nemesis-interval", "2",
                "--results-dir", results.toString(), "--seed", "3")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Path history = results.resolve("latest").resolve("history.jsonl");
            await("some operations recorded").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Files.isRegularFile(history) && Files.size(history) > 2_000);

            new ProcessBuilder("kill", "-INT", Long.toString(torture.pid())).start().waitFor();
            assertThat(torture.waitFor(90, TimeUnit.SECONDS)).as("torture ends after SIGINT; log:%n%s",
                    readQuietly(log)).isTrue();
        } finally {
            torture.destroyForcibly();
        }

        JsonNode report = new ObjectMapper().readTree(results.resolve("latest/results.json").toFile());
        assertThat(report.get("interrupted").asBoolean()).isTrue();
        assertThat(report.at("/check/verdict").asText()).as("the recorded history was checked").isIn("VALID", "UNKNOWN");
        assertThat(report.get("exitCode").asInt()).as("an interrupted valid run is unknown, never a pass").isEqualTo(2);
        assertThat(results.resolve("latest/summary.txt")).content().contains("interrupted");
        assertThat(Leftovers.containers(DockerClientFactory.instance().client(), Labels.OWNER_PID,
                Long.toString(torture.pid()))).as("containers left by the interrupted run").isEmpty();
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
