package io.rafttorture.harness.runner;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Deletes a run folder ({@code --keep failures}) and repairs the {@code latest} links it leaves dangling: each is
 * pointed at the newest remaining run (of that name for {@code <name>/latest}, of any name for {@code latest}), or
 * removed when none remains; a name folder left empty is removed too. A link that still points at an existing run
 * is left alone. Symbolic links inside the deleted folder are removed, never followed.
 */
public final class RunPruner {
    private static final Pattern STAMP = Pattern.compile("(\\d{8}-\\d{6})(?:-(\\d+))?");
    /** Newest first: later time stamp, then higher "-n" suffix of runs started in the same second. */
    private static final Comparator<Path> NEWEST_FIRST = Comparator.comparing(RunPruner::sortKey).reversed();

    private RunPruner() {
    }

    /**
     * Deletes {@code runDir}, a folder {@code <resultsDir>/<name>/<stamp>} as {@link ResultsFolder} creates it.
     *
     * @throws IOException when a file cannot be deleted (what was deleted stays deleted; links are repaired anyway)
     * @throws IllegalArgumentException when {@code runDir} is not two levels below {@code resultsDir}
     */
    public static void delete(Path resultsDir, Path runDir) throws IOException {
        Path nameDir = runDir.toAbsolutePath().normalize().getParent();
        if (nameDir == null || nameDir.getParent() == null || !nameDir.getParent().equals(resultsDir.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException(runDir + " is not a run folder <results>/<name>/<time> of " + resultsDir);
        }
        try {
            deleteTree(runDir);
        } finally {
            repairLatest(resultsDir, nameDir);
        }
    }

    private static void repairLatest(Path resultsDir, Path nameDir) throws IOException {
        Path nameLink = nameDir.resolve("latest");
        if (isDangling(nameLink)) {
            Optional<Path> newest = runsOf(nameDir).stream().findFirst();
            if (newest.isPresent()) ResultsFolder.link(nameLink, newest.get().getFileName());
            else Files.delete(nameLink);
        }
        if (isEmptyDirectory(nameDir)) Files.delete(nameDir);
        Path link = resultsDir.resolve("latest");
        if (isDangling(link)) {
            List<Path> runs = new ArrayList<>();
            for (Path dir : directories(resultsDir)) runs.addAll(runsOf(dir));
            Optional<Path> newest = runs.stream().min(NEWEST_FIRST);
            if (newest.isPresent()) ResultsFolder.link(link, resultsDir.relativize(newest.get()));
            else Files.delete(link);
        }
    }

    /** Run folders (named by time stamp, real directories) of one name folder, newest first. */
    static List<Path> runsOf(Path nameDir) throws IOException {
        return directories(nameDir).stream().filter(p -> STAMP.matcher(p.getFileName().toString()).matches())
                .sorted(NEWEST_FIRST).toList();
    }

    private static String sortKey(Path run) {
        Matcher m = STAMP.matcher(run.getFileName().toString());
        if (!m.matches()) return "";
        String suffix = m.group(2) == null ? "1" : m.group(2);
        return m.group(1) + "-" + "0".repeat(Math.max(0, 9 - suffix.length())) + suffix + "-" + run;
    }

    private static List<Path> directories(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return List.of();
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
        }
    }

    private static boolean isDangling(Path link) {
        return Files.isSymbolicLink(link) && !Files.exists(link);
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return false;
        try (Stream<Path> list = Files.list(dir)) {
            return list.findAny().isEmpty();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file); // a symbolic link is deleted itself (walkFileTree does not follow links)
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException failure) throws IOException {
                if (failure != null) throw failure;
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
