package io.rafttorture.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rafttorture.nemesis.scenario.ScheduleComparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code torture replay} without Docker: help, and every folder that cannot be replayed refused with exit 3 and one
 * line naming the file and field, before anything is created (the replay itself: ReplayIT).
 */
class ReplayCommandTest {
    private static final Path FIXTURE = Path.of("src", "test", "resources", "replay", "run");

    @TempDir
    Path results;

    @Test
    void helpStatesTheExitCodesAndTheTolerance() {
        CliRun run = CliRun.of("replay", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("RESULTS_DIR", "--test-count", "--results-dir", "--node-jar",
                "0   every replay reproduced the original verdict", "1   at least one replay ended with another verdict",
                "3   error").containsPattern("within\\s+500\\s+ms\\s+of\\s+the\\s+original");
        assertThat(ScheduleComparison.TOLERANCE_MS).as("the tolerance the help states").isEqualTo(500);
    }

    @Test
    void aFolderThatIsNotARunExitsThree() {
        CliRun run = CliRun.of("replay", results.resolve("nothing").toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).isEqualTo("torture replay: " + results.resolve("nothing") + ": no such run folder"
                + System.lineSeparator());
    }

    @Test
    void aMalformedScheduleIsNamedWithEntryAndFieldAndNothingIsCreated() throws IOException {
        Path run = copyFixture();
        Path schedule = run.resolve("schedule.json");
        Files.writeString(schedule, Files.readString(schedule).replaceFirst("\"kind\" : \"partition\"",
                "\"kind\" : \"partishun\""));

        CliRun replay = CliRun.of("replay", run.toString());

        assertThat(replay.exitCode()).isEqualTo(3);
        assertThat(replay.err()).startsWith("torture replay: " + schedule.toRealPath() + ":").contains(": steps[1].step.kind: ");
        assertThat(results.resolve("replays")).as("nothing created").doesNotExist();
    }

    @Test
    void aTestCountBelowOneIsRefused() throws IOException {
        CliRun run = CliRun.of("replay", copyFixture().toString(), "--test-count", "0");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("torture replay: --test-count must be at least 1, got 0");
    }

    @Test
    void aMissingNodeJarIsRefusedBeforeAnythingStarts() throws IOException {
        CliRun run = CliRun.of("replay", copyFixture().toString(), "--node-jar", results.resolve("no.jar").toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("test.json: --node-jar: no file " + results.resolve("no.jar"));
        assertThat(results.resolve("replays")).doesNotExist();
    }

    private Path copyFixture() throws IOException {
        Path run = Files.createDirectories(results.resolve("register-x").resolve("20261123-010839"));
        for (String file : List.of("test.json", "schedule.json", "results.json")) {
            Files.copy(FIXTURE.resolve(file), run.resolve(file));
        }
        return run;
    }
}
