package io.rafttorture.harness.sweep.leadercrash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rafttorture.harness.cli.TortureCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code torture sweep --experiment leader-crash}: two settings, three trials each, on real 3-node clusters (Docker,
 * Toxiproxy; about 40 s). Each trial kills the leader, another node wins a later term, the killed node is restarted,
 * and the sweep folder holds the table, the JSON and the CDF plot.
 */
class LeaderCrashSweepIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path results;

    @Test
    void aShortSweepMeasuresEveryTrialAndWritesTheComparison() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = TortureCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("sweep", "--experiment", "leader-crash", "--election-ms", "150-300,100-200",
                "--trials", "3", "--nodes", "3", "--seed", "7", "--results-dir", results.toString());

        assertThat(exit).as("exit code; stdout:%n%s", out).isZero();
        Path sweep = results.resolve("sweep-leader-crash").resolve("latest");
        List<String> table = Files.readAllLines(sweep.resolve("leader-crash.txt"));
        assertThat(table.get(1)).startsWith("150-300");
        assertThat(table.get(2)).startsWith("100-200");
        assertThat(out.toString()).contains(table.get(1));

        JsonNode json = JSON.readTree(sweep.resolve("leader-crash.json").toFile());
        JsonNode trials = json.get("trials");
        int counted = 0;
        for (JsonNode t : trials) {
            if (t.get("deposedBefore").asBoolean()) continue;
            counted++;
            assertThat(t.get("censored").asBoolean()).as("trial %s", t).isFalse();
            assertThat(t.get("newLeader").asInt()).as("another node won: %s", t).isNotEqualTo(t.get("crashedLeader").asInt());
            assertThat(t.get("newTerm").asLong()).isGreaterThan(t.get("oldTerm").asLong());
            double minElection = t.get("setting").asText().equals("150-300") ? 150 : 100;
            assertThat(t.get("electionMs").asDouble()).as("a follower waits at least the minimum timeout less one "
                    + "heartbeat interval (half of it) after the last heartbeat: %s", t).isGreaterThan(minElection / 2 - 5);
            assertThat(t.get("delayMs").asDouble()).isBetween(0.0, minElection / 2);
        }
        assertThat(counted).isEqualTo(6);
        assertThat(json.get("settings")).extracting(s -> s.get("trials").asInt()).containsExactly(3, 3);
        assertThat(ImageIO.read(sweep.resolve("leader-crash-cdf.png").toFile())).isNotNull();

        String nemesisLog = Files.readString(sweep.resolve("clusters/150-300/nemesis.log"));
        assertThat(nemesisLog.lines().filter(l -> l.contains("killed n"))).as("a kill per trial").hasSize(3);
        assertThat(nemesisLog.lines().filter(l -> l.contains("restarted n"))).as("a restart per trial").hasSize(3);
    }
}
