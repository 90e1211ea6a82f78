package io.rafttorture.harness.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rafttorture.harness.runner.TortureTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run folder read for a replay (fixture copied from a real scenario run): the same options and seed, the verdict,
 * the schedule; every malformed file named with its field before anything starts.
 */
class OriginalRunTest {
    private static final Path FIXTURE = Path.of("src", "test", "resources", "replay", "run");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path results;
    Path run;

    @BeforeEach
    void copyTheFixtureIntoAResultsDirectory() throws IOException {
        run = Files.createDirectories(results.resolve("register-scenario-every-step-kind").resolve("20261123-010839"));
        for (String file : List.of("test.json", "schedule.json", "results.json")) {
            Files.copy(FIXTURE.resolve(file), run.resolve(file));
        }
    }

    @Test
    void theReplayTestHasEveryOptionAndTheSeedOfTheOriginal() throws IOException {
        OriginalRun original = OriginalRun.read(run);

        TortureTest test = original.builder().nemesis("none").resultsDir(results).build();

        Map<String, Object> recorded = JSON.readValue(run.resolve("test.json").toFile(), Map.class);
        Map<String, Object> replayed = JSON.readValue(JSON.writeValueAsString(test.toMap()), Map.class);
        for (String ignored : List.of("name", "nemesis", "scenario", "results-dir", "startEpochMs")) {
            recorded.remove(ignored);
            replayed.remove(ignored);
        }
        assertThat(replayed).as("test.json of the replay, but for nemesis, scenario and results dir")
                .isEqualTo(new LinkedHashMap<>(recorded));
        assertThat(test.seed()).isEqualTo(5);
        assertThat(original.exitCode()).isZero();
        assertThat(original.schedule().steps()).hasSize(18);
        assertThat(original.replayName()).isEqualTo("replay-every-step-kind");
        assertThat(original.resultsDir()).isEqualTo(results.toRealPath());
    }

    @Test
    void aLatestLinkOrAResultsDirectoryStandsForTheRunItNames() throws IOException {
        Files.createSymbolicLink(results.resolve("latest"), results.relativize(run));

        assertThat(OriginalRun.read(results.resolve("latest")).folder()).isEqualTo(run.toRealPath());
        assertThat(OriginalRun.read(results).folder()).isEqualTo(run.toRealPath());
    }

    @Test
    void aRandomNemesisRunIsNamedForItsFaults() throws IOException {
        edit("test.json", "\"name\" : \"register-scenario-every-step-kind\"", "\"name\" : \"register-partition+kill\"");

        assertThat(OriginalRun.read(run).replayName()).isEqualTo("replay-partition+kill");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("test.json", "\"seed\" : 5", "\"seed\" : \"five\"", "test.json: seed: expected a whole number, got \"five\""),
                Arguments.of("test.json", "\"seed\" : 5,", "", "test.json: seed: missing"),
                Arguments.of("test.json", "\"nodes\" : 3", "\"nodes\" : 30",
                        "test.json: --nodes must be 1-8, got 30"),
                Arguments.of("test.json", "\"bug\" : \"none\"", "\"bug\" : \"bogus\"", "test.json: bug: unknown bug 'bogus'"),
                Arguments.of("test.json", "\"rate\" : 40.0", "\"rate\" : \"fast\"", "test.json: rate: expected a number, got \"fast\""),
                Arguments.of("test.json", "{", "{{", "test.json:1:2: not valid JSON"),
                Arguments.of("results.json", "\"exitCode\": 0", "\"exitCode\": 7", "results.json: exitCode: expected 0, 1, 2 or 3, got 7"),
                Arguments.of("schedule.json", "\"outcome\" : \"ok\"", "\"outcome\" : \"fine\"",
                        "schedule.json:17:17: steps[0].outcome: unknown outcome \"fine\""),
                Arguments.of("schedule.json", "\"target\" : [ 3 ]", "\"target\" : [ 9 ]",
                        "schedule.json:227:20: steps[11].step.target[0]: no node 9 in a cluster of 3"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void aMalformedFileIsNamedWithItsField(String file, String from, String to, String message) throws IOException {
        edit(file, from, to);

        assertThatThrownBy(() -> OriginalRun.read(run)).isInstanceOf(ReplayException.class)
                .hasMessageStartingWith(run.toRealPath().resolve(message.split(":")[0]) + message.substring(message.indexOf(':')));
    }

    @Test
    void aFolderThatIsNotARunIsNamed() throws IOException {
        Files.delete(run.resolve("results.json"));
        assertThatThrownBy(() -> OriginalRun.read(run)).isInstanceOf(ReplayException.class)
                .hasMessageEndingWith("results.json: missing (the original run has no verdict to reproduce)");
        assertThatThrownBy(() -> OriginalRun.read(results.resolve("nothing"))).isInstanceOf(ReplayException.class)
                .hasMessage(results.resolve("nothing") + ": no such run folder");
        assertThatThrownBy(() -> OriginalRun.read(results)).isInstanceOf(ReplayException.class)
                .hasMessageEndingWith("test.json: missing (is this a run folder?)");
    }

    private void edit(String file, String from, String to) throws IOException {
        String text = Files.readString(run.resolve(file));
        assertThat(text).as("%s holds %s", file, from).contains(from);
        Files.writeString(run.resolve(file), text.replaceFirst(java.util.regex.Pattern.quote(from), to));
    }
}
