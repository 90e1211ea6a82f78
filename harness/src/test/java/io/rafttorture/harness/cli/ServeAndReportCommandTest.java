package io.rafttorture.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rafttorture.harness.runner.Keep;
import io.rafttorture.harness.runner.RunResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `torture serve`, `torture report` and `torture run --keep`: what they do, and bad input exiting 3 with one clear line. */
class ServeAndReportCommandTest {
    @TempDir
    Path tmp;

    @Test
    void serveRefusesAMissingResultsDirectory() {
        CliRun run = CliRun.of("serve", "--results-dir", tmp.resolve("nope").toString(), "--port", "0");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("torture serve: results directory ").contains("nope does not exist");
    }

    @Test
    void serveRefusesAPortInUseAndAPortOutOfRange() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("serve", "--results-dir", tmp.toString(), "--port", Integer.toString(taken.getLocalPort()));

            assertThat(run.exitCode()).isEqualTo(3);
            assertThat(run.err()).startsWith("torture serve: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .contains("try --port 0");
        }
        CliRun outOfRange = CliRun.of("serve", "--results-dir", tmp.toString(), "--port", "70000");
        assertThat(outOfRange.exitCode()).isEqualTo(3);
        assertThat(outOfRange.err()).contains("--port must be 0-65535, got 70000");
    }

    @Test
    void reportRefusesAFolderThatIsNotARun() throws Exception {
        CliRun missing = CliRun.of("report", tmp.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).isEqualTo("torture report: " + tmp.resolve("nope") + " is not a run folder: no such directory\n");

        CliRun noHistory = CliRun.of("report", tmp.toString());
        assertThat(noHistory.exitCode()).isEqualTo(3);
        assertThat(noHistory.err()).contains("is not a run folder: it has no history.jsonl");
    }

    @Test
    void reportNamesTheFileAndLineOfAMalformedHistory() throws Exception {
        Files.writeString(tmp.resolve("history.jsonl"), "{\"type\":\"invoke\",\"f\":\"read\",\"value\":null,\"process\":0,"
                + "\"time\":1,\"index\":0}\nnot json\n");

        CliRun run = CliRun.of("report", tmp.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).startsWith("torture report: " + tmp.resolve("history.jsonl") + ":2: ")
                .doesNotContain("\tat ");
    }

    @Test
    void reportWritesThePageOfARunAndPrintsItsPath() throws Exception {
        Path run = Files.createDirectories(tmp.resolve("kv-none/20260101-120000"));
        Files.writeString(run.resolve("history.jsonl"), String.join("\n",
                "{\"type\":\"invoke\",\"f\":\"write\",\"value\":[0,1],\"process\":0,\"time\":1000000,\"index\":0}",
                "{\"type\":\"ok\",\"f\":\"write\",\"value\":[0,1],\"process\":0,\"time\":5000000,\"index\":1}",
                "{\"type\":\"invoke\",\"f\":\"read\",\"value\":[0,null],\"process\":1,\"time\":6000000,\"index\":2}",
                "{\"type\":\"ok\",\"f\":\"read\",\"value\":[0,1],\"process\":1,\"time\":9000000,\"index\":3}", ""));

        CliRun report = CliRun.of("report", run.toString());

        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out().trim()).isEqualTo(run.resolve("report.html").toString());
        assertThat(run.resolve("report.html")).content().startsWith("<!DOCTYPE html>").contains("id=\"timeline-svg\"");
        assertThat(run.resolve("latency.png")).isNotEmptyFile();
        assertThat(run.resolve("rate.png")).isNotEmptyFile();
    }

    @Test
    void runRefusesAnUnknownKeepValueBeforeStartingAnything() {
        CliRun run = CliRun.of("run", "--keep", "sometimes", "--results-dir", tmp.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("--keep: expected all or failures, got sometimes");
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void keepFailuresDeletesAValidRunsFolderAndKeepsTheOthers() throws Exception {
        Path valid = Files.createDirectories(tmp.resolve("kv-kill/20260101-120000"));
        Path invalid = Files.createDirectories(tmp.resolve("kv-kill/20260101-110000"));
        Files.createSymbolicLink(tmp.resolve("latest"), Path.of("kv-kill/20260101-120000"));
        StringWriter err = new StringWriter();

        RunCommand.applyKeep(Keep.FAILURES, tmp, result(1, invalid), new PrintWriter(err));
        RunCommand.applyKeep(Keep.ALL, tmp, result(0, valid), new PrintWriter(err));
        assertThat(valid).as("--keep all keeps a valid run").isDirectory();
        RunCommand.applyKeep(Keep.FAILURES, tmp, result(0, valid), new PrintWriter(err));

        assertThat(valid).doesNotExist();
        assertThat(invalid).isDirectory();
        assertThat(tmp.resolve("latest").toRealPath()).isEqualTo(invalid.toRealPath());
        assertThat(err).hasToString("torture: --keep failures: deleted the valid run's folder " + valid + "\n");
    }

    private static RunResult result(int exitCode, Path folder) {
        return new RunResult(exitCode, folder, null, "summary", List.of());
    }
}
