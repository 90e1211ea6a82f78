package io.rafttorture.harness.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.rafttorture.results.format.EdnHistoryWriter;
import io.rafttorture.results.history.Op;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One run's folder, {@code <resultsDir>/<name>/<yyyyMMdd-HHmmss>/} (a "-2", "-3"... suffix when two runs start in
 * the same second), and the {@code latest} links: {@code <resultsDir>/<name>/latest} and {@code
 * <resultsDir>/latest}, both relative symbolic links to the newest run. Only these paths are written, so a
 * results directory that also holds other files (the repository's own results/ module) keeps them intact.
 * {@link RunPruner} deletes a folder again ({@code --keep failures}) and repairs the links.
 */
public final class ResultsFolder {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path resultsDir;
    private final String name;
    private final Path dir;

    private ResultsFolder(Path resultsDir, String name, Path dir) {
        this.resultsDir = resultsDir;
        this.name = name;
        this.dir = dir;
    }

    /** Creates a new, empty run folder for {@code name} (e.g. "kv-partition") as of {@code now}. */
    public static ResultsFolder create(Path resultsDir, String name, LocalDateTime now) {
        String stamp = now.format(STAMP);
        try {
            Files.createDirectories(resultsDir.resolve(name));
            for (int n = 1; ; n++) {
                Path dir = resultsDir.resolve(name).resolve(n == 1 ? stamp : stamp + "-" + n);
                try {
                    Files.createDirectory(dir);
                    return new ResultsFolder(resultsDir, name, dir);
                } catch (FileAlreadyExistsException taken) {
                    // another run started in the same second: try the next suffix
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run folder under " + resultsDir + ": " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    public Path file(String fileName) {
        return dir.resolve(fileName);
    }

    public void writeJson(String fileName, Object value) {
        try {
            JSON.writeValue(file(fileName).toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file(fileName), e);
        }
    }

    public void writeText(String fileName, String text) {
        try {
            Files.writeString(file(fileName), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file(fileName), e);
        }
    }

    /** history.edn: the same events as history.jsonl, for Knossos and Jepsen tools. */
    public void writeEdn(List<Op> ops) {
        try (Writer out = Files.newBufferedWriter(file("history.edn"), StandardCharsets.UTF_8)) {
            EdnHistoryWriter.write(ops, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file("history.edn"), e);
        }
    }

    /** Points both latest links at this run (replacing older links, never a real file or folder). */
    public void linkLatest() {
        link(resultsDir.resolve(name).resolve("latest"), dir.getFileName());
        link(resultsDir.resolve("latest"), Path.of(name).resolve(dir.getFileName()));
    }

    /** Points only {@code <resultsDir>/<name>/latest} at this folder (for sweeps, which are not runs). */
    public void linkLatestOfName() {
        link(resultsDir.resolve(name).resolve("latest"), dir.getFileName());
    }

    /** Points {@code link} at {@code target} (relative) atomically; a real file or folder there is left alone. */
    static void link(Path link, Path target) {
        try {
            if (Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
                return; // something that is not our link: leave it alone
            }
            Path temp = link.resolveSibling(".latest-" + ProcessHandle.current().pid());
            Files.deleteIfExists(temp);
            Files.createSymbolicLink(temp, target);
            Files.move(temp, link, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            System.err.println("torture: cannot update the link " + link + ": " + e.getMessage());
        }
    }
}
