package io.rafttorture.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --keep failures: a valid run's folder goes, the latest links never dangle, nothing else is touched. */
class RunPrunerTest {
    private static final LocalDateTime NOON = LocalDateTime.of(2026, 1, 2, 12, 0, 0);

    @TempDir
    Path results;

    private ResultsFolder run(String name, LocalDateTime at) {
        ResultsFolder folder = ResultsFolder.create(results, name, at);
        folder.writeText("summary.txt", "run " + folder.dir());
        folder.linkLatest();
        return folder;
    }

    @Test
    void deletingTheNewestRunPointsBothLinksAtTheNewestRemainingOne() throws Exception {
        ResultsFolder kvOld = run("kv-kill", NOON.minusHours(2));
        ResultsFolder registerKept = run("register-none", NOON.minusHours(1));
        ResultsFolder kvSameSecond = run("kv-kill", NOON);
        ResultsFolder kvNewest = run("kv-kill", NOON);
        assertThat(kvNewest.dir().getFileName()).hasToString("20260102-120000-2");

        RunPruner.delete(results, kvNewest.dir());

        assertThat(kvNewest.dir()).doesNotExist();
        assertThat(Files.readSymbolicLink(results.resolve("kv-kill/latest"))).hasToString(kvSameSecond.dir().getFileName().toString());
        assertThat(Files.readSymbolicLink(results.resolve("latest"))).isEqualTo(Path.of("kv-kill/20260102-120000"));
        assertThat(kvOld.dir()).isDirectory();
        assertThat(registerKept.dir()).isDirectory();
    }

    @Test
    void whenTheLastRunOfANameGoesItsFolderAndLinkGoAndLatestMovesToAnotherName() throws Exception {
        ResultsFolder other = run("register-none", NOON.minusHours(1));
        ResultsFolder only = run("kv-pause", NOON);

        RunPruner.delete(results, only.dir());

        assertThat(results.resolve("kv-pause")).as("an empty name folder is removed").doesNotExist();
        assertThat(results.resolve("latest").toRealPath()).isEqualTo(other.dir().toRealPath());
    }

    @Test
    void whenNoRunRemainsTheLinksAreRemovedAndOtherFilesStay() throws Exception {
        Files.writeString(results.resolve("pom.xml"), "<project/>");
        ResultsFolder only = run("kv-pause", NOON);

        RunPruner.delete(results, only.dir());

        assertThat(Files.exists(results.resolve("latest"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(results.resolve("pom.xml")).hasContent("<project/>");
    }

    @Test
    void aLinkToAnotherExistingRunIsLeftAlone() throws Exception {
        ResultsFolder older = run("kv-kill", NOON.minusHours(1));
        ResultsFolder newer = run("kv-kill", NOON);

        RunPruner.delete(results, older.dir());

        assertThat(results.resolve("latest").toRealPath()).isEqualTo(newer.dir().toRealPath());
        assertThat(Files.readSymbolicLink(results.resolve("kv-kill/latest"))).isEqualTo(newer.dir().getFileName());
    }

    @Test
    void linksInsideTheDeletedFolderAreRemovedNotFollowed(@TempDir Path elsewhere) throws Exception {
        Path precious = Files.writeString(elsewhere.resolve("precious.txt"), "keep me");
        ResultsFolder run = run("kv-kill", NOON);
        Files.createDirectories(run.file("nodes"));
        Files.writeString(run.file("nodes/n1.log"), "{}");
        Files.createSymbolicLink(run.file("nodes/outside"), elsewhere);

        RunPruner.delete(results, run.dir());

        assertThat(run.dir()).doesNotExist();
        assertThat(precious).hasContent("keep me");
    }

    @Test
    void aFolderThatIsNotARunFolderOfTheResultsDirectoryIsRefused() {
        assertThatThrownBy(() -> RunPruner.delete(results, results.resolve("kv-kill")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a run folder");
        assertThat(Keep.FAILURES.keeps(1)).isTrue();
        assertThat(Keep.FAILURES.keeps(0)).isFalse();
        assertThat(Keep.ALL.keeps(0)).isTrue();
        assertThat(Keep.fromFlag("Failures")).isEqualTo(Keep.FAILURES);
        assertThatThrownBy(() -> Keep.fromFlag("valid")).hasMessage("--keep: expected all or failures, got valid");
    }
}
