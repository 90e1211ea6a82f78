package io.rafttorture.harness.serve;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** The browser test's rule: without chromium it is skipped on a developer machine and fails under CI=true. */
class ChromiumTest {
    @TempDir
    Path emptyPath;

    @Test
    void missingChromiumFailsUnderCi() {
        assertThatThrownBy(() -> Chromium.require(emptyPath, Map.of("CI", "true", "PATH", emptyPath.toString())))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("chromium is not installed").hasMessageContaining("under CI=true");
    }

    @Test
    void missingChromiumSkipsElsewhere() {
        assertThatThrownBy(() -> Chromium.require(emptyPath, Map.of("PATH", emptyPath.toString())))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("scripts/chromium-up.sh");
    }

    @Test
    void aConfiguredBinaryThatDoesNotExistFails() {
        assertThatThrownBy(() -> Chromium.require(emptyPath, Map.of("RT_CHROMIUM", emptyPath.resolve("chromium").toString())))
                .isInstanceOf(AssertionError.class).hasMessageContaining("is not an executable file");
    }
}
