package io.rafttorture.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rafttorture.node.raft.Bug;
import io.rafttorture.results.format.Histories;
import io.rafttorture.results.history.Op;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole torture runs on a real 3-node cluster (Docker, Toxiproxy), written as JUnit tests with the builder: the
 * correct node stays linearizable and keeps Raft's properties under faults, and each deliberate bug is caught and
 * explained. About 25 s each.
 */
class TortureRunIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path results;

    private TortureTest.Builder shortRun() {
        return TortureTest.builder().nodes(3).timeLimit(Duration.ofSeconds(12)).concurrency(6).rate(100)
                .nemesisInterval(Duration.ofSeconds(2)).resultsDir(results);
    }

    @Test
    void theCorrectNodeIsValidUnderPartitionKillAndPauseWithEveryOutcomeRecorded() throws Exception {
        RunResult run = shortRun().workload("kv").keys(4).nemesis("partition", "kill", "pause").seed(11).run();

        assertThat(run.exitCode()).as("exit code; summary:%n%s", run.summary()).isZero();
        assertThat(run.clientOps(Op.Type.OK)).as("ok operations").isNotEmpty();
        assertThat(run.clientOps(Op.Type.INFO)).as("info operations (timeouts around kills and pauses)").isNotEmpty();
        assertThat(run.nemesisOps()).extracting(Op::f).as("nemesis events in the history")
                .contains("start-partition").anyMatch(f -> f.startsWith("stop-"));
        assertThat(Histories.read(run.folder().resolve("history.jsonl")).ops())
                .as("the streamed history holds what the run recorded").hasSize(run.history().size());
        for (String file : new String[] {"history.edn", "results.json", "test.json", "summary.txt", "nodes/n1.log",
                "schedule.json", "report.html", "latency.png", "rate.png"}) {
            assertThat(run.folder().resolve(file)).as(file).isNotEmptyFile();
        }
        JsonNode report = JSON.readTree(run.folder().resolve("results.json").toFile());
        assertThat(report.get("valid").asBoolean()).isTrue();
        assertThat(report.at("/raft/valid").asBoolean()).as("Raft properties: %s", report.get("raft")).isTrue();
        assertThat(report.at("/raft/logsChecked").size()).as("every node's stored log was saved and compared")
                .isEqualTo(3);
        assertThat(run.folder().resolve("nodes/n1.entries.jsonl")).isNotEmptyFile();
        assertThat(report.at("/stats/byF/read/ok").asInt()).isPositive();
        assertThat(report.at("/check/keys").size()).isEqualTo(4);
        assertThat(Files.readSymbolicLink(results.resolve("latest")).toString()).startsWith("kv-partition+kill+pause/");
    }

    @Test
    void staleReadsAreFoundInvalidAndExplained() throws Exception {
        // node/BUGS.md: stale-read shows even without faults (followers lag a heartbeat); partitions make it likelier.
        RunResult run = null;
        for (int attempt = 0; attempt < 3 && (run == null || !run.isInvalid()); attempt++) {
            run = shortRun().timeLimit(Duration.ofSeconds(8)).workload("register").nemesis("partition")
                    .bug(Bug.STALE_READ).seed(100 + attempt).run();
        }

        assertThat(run.exitCode()).as("exit code; summary:%n%s", run.summary()).isEqualTo(1);
        JsonNode report = JSON.readTree(run.folder().resolve("results.json").toFile());
        assertThat(report.get("valid").asBoolean(true)).isFalse();
        assertThat(report.at("/check/explanation").asText()).as("the anomaly, in words").contains("read");
        assertThat(report.at("/check/keys/0/failure/operation").isMissingNode()).isFalse();
        assertThat(run.summary()).contains("INVALID");
    }

    @Test
    void aDeposedLeaderServingReadsIsFoundInvalidAndExplained() throws Exception {
        // node/BUGS.md: leader-read-no-quorum needs the leader cut off while its clients keep reading from it;
        // mostly reads, so that few writes stuck on the old leader (info, free to take effect late) explain them.
        RunResult run = null;
        for (int attempt = 0; attempt < 2 && (run == null || !run.isInvalid()); attempt++) {
            run = shortRun().concurrency(9).rate(150).nemesisInterval(Duration.ofSeconds(4)).workload("register")
                    .readRatio(0.8).nemesis("partition-leader").bug(Bug.LEADER_READ_NO_QUORUM).seed(200 + attempt)
                    .run();
        }

        assertThat(run.exitCode()).as("exit code; summary:%n%s", run.summary()).isEqualTo(1);
        assertThat(run.nemesisOps()).extracting(Op::f).as("the leader was partitioned").contains("start-partition-leader");
        JsonNode report = JSON.readTree(run.folder().resolve("results.json").toFile());
        assertThat(report.at("/check/verdict").asText()).as("found by the linearizability checker").isEqualTo("INVALID");
        // The first operation that cannot be linearized is the stale read itself or a later write/cas that
        // contradicts the value it returned; either way the explanation names it.
        assertThat(report.at("/check/explanation").asText()).as("the anomaly, in words")
                .containsPattern("(read .* returned|(read|write|cas) .* cannot be linearized)");
    }

    @Test
    void writesAcknowledgedBeforeTheyCommitAreFoundInvalidAndExplained() throws Exception {
        // node/BUGS.md: early-ack; a cut-off leader keeps acknowledging writes the majority never sees.
        RunResult run = null;
        for (int attempt = 0; attempt < 2 && (run == null || !run.isInvalid()); attempt++) {
            run = shortRun().workload("register").nemesis("partition-leader").bug(Bug.EARLY_ACK).seed(500 + attempt)
                    .run();
        }

        assertThat(run.exitCode()).as("exit code; summary:%n%s", run.summary()).isEqualTo(1);
        JsonNode report = JSON.readTree(run.folder().resolve("results.json").toFile());
        assertThat(report.at("/check/verdict").asText()).as("found by the linearizability checker").isEqualTo("INVALID");
        assertThat(report.at("/check/explanation").asText()).as("the anomaly, in words").isNotBlank();
    }

    @Test
    void aVoterThatForgetsItsVoteOnRestartIsFoundFromTheNodesEvents() throws Exception {
        // node/BUGS.md: forget-vote; any kill of a node that voted in the current term shows it to the Raft checks.
        RunResult run = null;
        for (int attempt = 0; attempt < 2 && (run == null || !run.isInvalid()); attempt++) {
            run = shortRun().workload("kv").keys(4).nemesis("kill").bug(Bug.FORGET_VOTE).seed(300 + attempt).run();
        }

        assertThat(run.exitCode()).as("exit code; summary:%n%s", run.summary()).isEqualTo(1);
        JsonNode violation = raftViolation(run, "persistent-state");
        assertThat(violation.get("explanation").asText()).as("the broken rule, in words")
                .containsPattern("(granted its vote|voted for itself) in term \\d+").contains("votedFor none");
        assertThat(run.summary()).contains("persistent-state");
    }

    @Test
    void aFollowerKeepingStaleEntriesIsFoundFromTheNodesEvents() throws Exception {
        // node/BUGS.md: skip-truncate; short leader partitions, elections that end just before the heal, few writes.
        RunResult run = null;
        for (int attempt = 0; attempt < 2 && (run == null || !run.isInvalid()); attempt++) {
            run = shortRun().timeLimit(Duration.ofSeconds(20)).concurrency(10).rate(10)
                    .nemesisInterval(Duration.ofSeconds(1)).raftTimeouts(50, 400, 800).nemesis("partition-leader")
                    .bug(Bug.SKIP_TRUNCATE).seed(400 + attempt).run();
        }

        assertThat(run.exitCode()).as("exit code; summary:%n%s", run.summary()).isEqualTo(1);
        assertThat(raftViolation(run, "log-matching").get("explanation").asText()).contains("stale entries");
    }

    /** The first Raft violation of {@code property} in the run's results.json (the test fails if there is none). */
    private static JsonNode raftViolation(RunResult run, String property) throws Exception {
        JsonNode report = JSON.readTree(run.folder().resolve("results.json").toFile());
        assertThat(report.at("/raft/valid").asBoolean(true)).as("raft section: %s", report.get("raft")).isFalse();
        for (JsonNode v : report.at("/raft/violations")) {
            if (v.get("property").asText().equals(property)) return v;
        }
        throw new AssertionError("no " + property + " violation in " + report.get("raft"));
    }

    @Test
    void aClusterThatCannotStartIsAnErrorWithTheReason() throws Exception {
        Path bogusJar = Files.writeString(results.resolve("bogus.jar"), "not a jar");

        RunResult run = shortRun().nodeJar(bogusJar).nemesis("none").run();

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.report().error()).startsWith("the cluster failed to start").contains("bogus.jar");
        assertThat(run.folder().resolve("results.json")).isNotEmptyFile();
    }
}
