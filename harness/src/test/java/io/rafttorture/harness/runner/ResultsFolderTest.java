package io.rafttorture.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run folders: one per run, latest links that follow the newest, nothing else touched. */
class ResultsFolderTest {
    private static final LocalDateTime NOON = LocalDateTime.of(2026, 1, 2, 12, 0, 0);

    @TempDir
    Path results;

    @Test
    void twoRunsInOneSecondGetTwoFoldersAndLatestFollowsTheNewest() throws Exception {
        ResultsFolder first = ResultsFolder.create(results, "kv-kill", NOON);
        first.linkLatest();
        ResultsFolder second = ResultsFolder.create(results, "kv-kill", NOON);
        second.linkLatest();

        assertThat(first.dir()).isEqualTo(results.resolve("kv-kill/20260102-120000"));
        assertThat(second.dir()).isEqualTo(results.resolve("kv-kill/20260102-120000-2"));
        assertThat(Files.readSymbolicLink(results.resolve("latest"))).isEqualTo(Path.of("kv-kill/20260102-120000-2"));
        assertThat(results.resolve("kv-kill/latest").toRealPath()).isEqualTo(second.dir().toRealPath());
    }

    @Test
    void existingFilesOfTheResultsDirectoryAreLeftAlone() throws Exception {
        Files.createDirectories(results.resolve("src/main"));
        Files.writeString(results.resolve("pom.xml"), "<project/>");
        Files.createDirectory(results.resolve("latest-not-a-link"));
        Files.writeString(results.resolve("latest"), "a real file");

        ResultsFolder folder = ResultsFolder.create(results, "register-none", NOON);
        folder.linkLatest();
        folder.writeText("summary.txt", "ok");

        assertThat(Files.readString(results.resolve("pom.xml"))).isEqualTo("<project/>");
        assertThat(results.resolve("src/main")).isDirectory();
        assertThat(Files.readString(results.resolve("latest"))).as("a real file is never replaced").isEqualTo("a real file");
        assertThat(Files.readString(folder.file("summary.txt"))).isEqualTo("ok");
    }
}
