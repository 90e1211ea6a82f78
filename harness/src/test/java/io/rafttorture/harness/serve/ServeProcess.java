package io.rafttorture.harness.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code torture serve --port 0} as its own process, from the launcher jar (system property rafttorture.torture.jar,
 * set by the harness pom for failsafe). {@link #start} waits for the printed URL; {@link #close} stops it as Ctrl-C
 * would (SIGTERM) and checks that it ends.
 */
final class ServeProcess implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("torture serve: (http://\\S+) ");
    private final Process process;
    private final URI uri;

    private ServeProcess(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    static ServeProcess start(Path resultsDir) throws IOException {
        Path jar = Path.of(System.getProperty("rafttorture.torture.jar", "target/torture.jar"));
        assertThat(jar).as("the launcher jar (mvn package builds it)").isRegularFile();
        Path stderr = Files.createTempFile("torture-serve", ".err");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "serve", "--results-dir", resultsDir.toString(), "--port", "0")
                .redirectError(stderr.toFile()).start();
        // readLine returns when serve prints its URL, or null when it exits (e.g. a bind failure) first.
        String first = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
        Matcher m = URL.matcher(first == null ? "" : first);
        if (!m.find()) {
            process.destroyForcibly();
            fail("torture serve printed no URL: " + first + "; stderr: " + Files.readString(stderr));
        }
        return new ServeProcess(process, URI.create(m.group(1)));
    }

    /** The index, e.g. http://127.0.0.1:41234/. */
    URI uri() {
        return uri;
    }

    @Override
    public void close() throws Exception {
        process.destroy(); // SIGTERM: the JVM runs serve's shutdown hook, as on Ctrl-C
        boolean ended = process.waitFor(30, TimeUnit.SECONDS);
        if (!ended) process.destroyForcibly();
        assertThat(ended).as("torture serve ends on SIGTERM").isTrue();
    }
}
