package io.rafttorture.harness.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding run folders and reading their verdicts, without a server. */
class RunIndexTest {
    @TempDir
    Path results;

    @Test
    void runsAreNewestFirstAcrossNamesWithSameSecondSuffixesOrdered() throws Exception {
        RunFixtures runs = new RunFixtures(results);
        runs.run("kv-kill", "20260101-120000", true, 0, 1);
        runs.run("kv-kill", "20260101-120000-2", true, 0, 2);
        runs.run("kv-kill", "20260101-120000-10", true, 0, 3);
        runs.run("register-none", "20260102-080000", false, 1, 4);
        runs.run("register-none", "20251231-235959", true, 0, 5);

        List<String> order = RunIndex.scan(results).stream().map(RunFolder::path).toList();

        assertThat(order).containsExactly("register-none/20260102-080000", "kv-kill/20260101-120000-10",
                "kv-kill/20260101-120000-2", "kv-kill/20260101-120000", "register-none/20251231-235959");
    }

    @Test
    void latestLinksAndNonRunFoldersAreNotListed() throws Exception {
        Path run = new RunFixtures(results).run("kv-kill", "20260101-120000", true, 0, 1);
        Files.createSymbolicLink(results.resolve("latest"), results.relativize(run));
        Files.createSymbolicLink(results.resolve("kv-kill/latest"), run.getFileName());
        Files.createDirectories(results.resolve("src/main/java"));
        Files.writeString(results.resolve("pom.xml"), "<project/>");

        assertThat(RunIndex.scan(results)).extracting(RunFolder::path).containsExactly("kv-kill/20260101-120000");
    }

    @Test
    void verdictSeedOptionsDurationAndFilesComeFromTheFolder() throws Exception {
        new RunFixtures(results).run("kv-partition+kill", "20260101-120000", false, 1, 42);

        RunFolder run = RunIndex.scan(results).get(0);

        assertThat(run.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(run.reason()).isEmpty();
        assertThat(run.seed()).isEqualTo(42L);
        assertThat(run.options()).containsEntry("nodes", "3").containsEntry("nemesis", "partition,kill")
                .containsEntry("workload", "kv").doesNotContainKey("results-dir");
        assertThat(run.durationMillis()).isEqualTo(12_500L);
        assertThat(run.files()).containsExactly("history.jsonl", "nodes/n1.log", "results.json", "summary.txt", "test.json");
        assertThat(run.hasReport()).isFalse();
    }

    @Test
    void missingOrMalformedResultsGiveAQuestionMarkWithTheReason() throws Exception {
        RunFixtures runs = new RunFixtures(results);
        runs.runWithResults("a", "20260101-000001", null);
        runs.runWithResults("b", "20260101-000002", "{\"valid\": tru");
        runs.runWithResults("c", "20260101-000003", "[1, 2]");
        runs.runWithResults("d", "20260101-000004", "{\"name\": \"d\"}");

        List<RunFolder> scanned = RunIndex.scan(results);

        assertThat(scanned).allSatisfy(run -> assertThat(run.verdict()).isEqualTo(Verdict.UNREADABLE));
        assertThat(scanned).extracting(RunFolder::reason).containsExactly(
                "results.json has neither \"valid\" nor an \"exitCode\" of 0-3",
                "results.json is not a JSON object",
                scanned.get(2).reason(),
                "results.json is missing (the run may still be going, or it crashed)");
        assertThat(scanned.get(2).reason()).startsWith("results.json is malformed at line 1, column");
        assertThat(scanned).extracting(RunFolder::seed).containsOnly(7L);
    }

    @Test
    void theProblemsOfAnUnknownOrErrorRunAreItsReasonCutToACellsLength() throws Exception {
        RunFixtures runs = new RunFixtures(results);
        runs.runWithResults("kv-kill", "20260101-000001", "{\"valid\":true,\"exitCode\":2,\"problems\":"
                + "[\"write never succeeded\",\"quiet periods without an ok: 2 of 3\"]}");
        runs.runWithResults("kv-kill", "20260101-000002", "{\"valid\":false,\"exitCode\":3,\"problems\":[\""
                + "x".repeat(400) + "\"]}");

        List<RunFolder> scanned = RunIndex.scan(results);

        assertThat(scanned.get(1).verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(scanned.get(1).reason()).isEqualTo("write never succeeded; quiet periods without an ok: 2 of 3");
        assertThat(scanned.get(0).verdict()).isEqualTo(Verdict.ERROR);
        assertThat(scanned.get(0).reason()).hasSize(300).endsWith("x\u2026");
    }

    @Test
    void exitCodeDecidesTheVerdictAndValidIsTheFallback() {
        assertThat(Verdict.of(true, 0)).isEqualTo(Verdict.VALID);
        assertThat(Verdict.of(false, 1)).isEqualTo(Verdict.INVALID);
        assertThat(Verdict.of(true, 2)).as("a valid history of an unavailable cluster exits 2").isEqualTo(Verdict.UNKNOWN);
        assertThat(Verdict.of(null, 3)).isEqualTo(Verdict.ERROR);
        assertThat(Verdict.of(false, null)).isEqualTo(Verdict.INVALID);
        assertThat(Verdict.of(null, 9)).isEqualTo(Verdict.UNREADABLE);
        assertThat(Verdict.of(null, null)).isEqualTo(Verdict.UNREADABLE);
    }
}
