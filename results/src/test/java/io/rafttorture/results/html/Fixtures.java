package io.rafttorture.results.html;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The run folders under src/test/resources/runs, copied so that a test may write and alter them. */
final class Fixtures {
    /** Generation time is also printed as CPU time: wall time means little on a shared, busy machine. */
    static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private Fixtures() {
    }

    /** A fresh copy of run folder {@code name} inside {@code tmp}. */
    static Path copy(String name, Path tmp) throws IOException {
        Path source;
        try {
            source = Path.of(Fixtures.class.getResource("/runs/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path target = tmp.resolve(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) Files.createDirectories(to); else Files.copy(file, to);
            }
        }
        return target;
    }

    /** Writes the report of {@code runDir}, printing its size and generation time, and parses it. */
    static Document report(Path runDir) throws IOException {
        long start = System.nanoTime();
        long cpu = CPU.getCurrentThreadCpuTime();
        Path report = ReportPage.write(runDir);
        System.out.printf("report of %s: %,d bytes in %d ms (%d ms CPU)%n", runDir.getFileName(), Files.size(report),
                (System.nanoTime() - start) / 1_000_000, (CPU.getCurrentThreadCpuTime() - cpu) / 1_000_000);
        return Jsoup.parse(report.toFile());
    }
}
