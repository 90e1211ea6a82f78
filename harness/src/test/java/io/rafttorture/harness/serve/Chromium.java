package io.rafttorture.harness.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium (Debian's {@code chromium}, installed by scripts/chromium-up.sh) as a test tool: the DOM of a
 * page after its scripts ran, and a screenshot. The binary is {@code $RT_CHROMIUM} or the first of chromium,
 * chromium-browser, google-chrome on the PATH. Missing, it skips the test on a developer machine and fails it under
 * CI=true (where chromium-up.sh should have installed it).
 */
final class Chromium {
    private static final long TIMEOUT_SECONDS = 90;
    private final Path binary;
    private final Path profile;

    private Chromium(Path binary, Path profile) {
        this.binary = binary;
        this.profile = profile;
    }

    /** The browser, with its profile under {@code scratch}; skips or fails the test when there is none. */
    static Chromium require(Path scratch) {
        return require(scratch, System.getenv());
    }

    /** {@link #require(Path)} with the environment {@code env} (CI, RT_CHROMIUM, PATH). */
    static Chromium require(Path scratch, Map<String, String> env) {
        Optional<Path> binary = find(env);
        if (binary.isEmpty()) {
            String why = "chromium is not installed (run scripts/chromium-up.sh, or set RT_CHROMIUM)";
            if ("true".equals(env.get("CI"))) fail(why + ": under CI=true the browser test must run");
            Assumptions.abort(why);
        }
        return new Chromium(binary.get(), scratch.resolve("chromium-profile"));
    }

    private static Optional<Path> find(Map<String, String> env) {
        String configured = env.get("RT_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            if (!Files.isExecutable(Path.of(configured))) fail("RT_CHROMIUM=" + configured + " is not an executable file");
            return Optional.of(Path.of(configured));
        }
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The serialised DOM of {@code url} once loaded (scripts run). */
    String dumpDom(String url) throws IOException, InterruptedException {
        return run(List.of("--dump-dom", url));
    }

    /** Saves a {@code width}x{@code height} screenshot of {@code url} as PNG to {@code png}. */
    void screenshot(String url, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars", url));
        assertThat(png).as("chromium wrote the screenshot " + png).isRegularFile();
    }

    private String run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--disable-gpu",
                "--no-sandbox", // the CI machine runs as root, where Chromium's sandbox refuses to start
                "--no-first-run", "--user-data-dir=" + profile, "--virtual-time-budget=5000"));
        command.addAll(args);
        Path stdout = Files.createTempFile("chromium", ".out");
        Path stderr = Files.createTempFile("chromium", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
            }
            assertThat(process.exitValue()).as("chromium's exit code for " + command + "; stderr:\n"
                    + Files.readString(stderr)).isZero();
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
