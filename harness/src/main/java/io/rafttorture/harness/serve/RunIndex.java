package io.rafttorture.harness.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the run folders of a results directory and reads what the index shows of each. A run folder is a
 * directory two levels down, {@code <results>/<name>/<stamp>/}, named like a run's time stamp or holding a test.json
 * or results.json. Symbolic links (the {@code latest} links) are never followed, so each run is listed once and
 * nothing outside the results directory is read. Never throws for a folder's content: a missing or malformed
 * results.json gives {@link Verdict#UNREADABLE} with the reason.
 */
public final class RunIndex {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STAMP = Pattern.compile("(\\d{8}-\\d{6})(?:-(\\d+))?");
    /** test.json fields shown as the run's options, in this order (others are left out to keep rows short). */
    private static final List<String> KEY_OPTIONS = List.of("workload", "nodes", "time-limit-s", "concurrency", "rate",
            "keys", "nemesis", "nemesis-interval-s", "bug");
    private static final int MAX_FILE_DEPTH = 4;
    private static final int MAX_REASON = 300;

    /** Newest first: folders named by time stamp before others, later stamps and higher "-n" suffixes first. */
    static final Comparator<RunFolder> NEWEST_FIRST = Comparator
            .comparing((RunFolder run) -> sortKey(run.stamp())).reversed()
            .thenComparing(RunFolder::path);

    private RunIndex() {
    }

    /** Every run folder under {@code resultsDir}, newest first (by time stamp, then suffix, then name). */
    public static List<RunFolder> scan(Path resultsDir) throws IOException {
        List<RunFolder> runs = new ArrayList<>();
        for (Path nameDir : realDirectories(resultsDir)) {
            for (Path runDir : realDirectories(nameDir)) {
                if (looksLikeRun(runDir)) runs.add(read(resultsDir, runDir));
            }
        }
        runs.sort(NEWEST_FIRST);
        return runs;
    }

    private static String sortKey(String stamp) {
        Matcher m = STAMP.matcher(stamp);
        if (!m.matches()) return "0" + stamp;
        String suffix = m.group(2) == null ? "1" : m.group(2);
        return "1" + m.group(1) + "-" + "0".repeat(Math.max(0, 6 - suffix.length())) + suffix;
    }

    private static boolean looksLikeRun(Path dir) {
        return STAMP.matcher(dir.getFileName().toString()).matches() || Files.isRegularFile(dir.resolve("test.json"))
                || Files.isRegularFile(dir.resolve("results.json"));
    }

    /** Reads one run folder (relative to {@code resultsDir} for its path). */
    static RunFolder read(Path resultsDir, Path runDir) {
        String path = resultsDir.relativize(runDir).toString().replace('\\', '/');
        Json results = readJson(runDir.resolve("results.json"));
        Json test = readJson(runDir.resolve("test.json"));
        Verdict verdict = results.node == null ? Verdict.UNREADABLE : Verdict.of(bool(results.node, "valid"),
                integer(results.node, "exitCode"));
        String reason = verdict != Verdict.UNREADABLE ? problems(results.node) : results.problem != null
                ? results.problem : "results.json has neither \"valid\" nor an \"exitCode\" of 0-3";
        Long seed = longValue(test.node, "seed");
        if (seed == null) seed = longValue(results.node, "seed");
        return new RunFolder(path, runDir.getParent().getFileName().toString(), runDir.getFileName().toString(),
                verdict, reason, seed, options(test.node), duration(results.node), files(runDir));
    }

    /** A JSON file's content, or why it could not be read (exactly one is non-null). */
    private record Json(JsonNode node, String problem) {
    }

    private static Json readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            return new Json(null, file.getFileName() + " is missing (the run may still be going, or it crashed)");
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.isObject()) {
                return new Json(null, file.getFileName() + " is not a JSON object");
            }
            return new Json(node, null);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            return new Json(null, file.getFileName() + " is malformed" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            return new Json(null, "cannot read " + file.getFileName() + ": " + e.getMessage());
        }
    }

    /** results.json's {@code problems} (why a run is unknown or an error), joined and cut to a table cell's length. */
    private static String problems(JsonNode results) {
        JsonNode problems = results.get("problems");
        if (problems == null || !problems.isArray() || problems.isEmpty()) return "";
        List<String> texts = new ArrayList<>();
        problems.forEach(p -> texts.add(p.asText()));
        String joined = String.join("; ", texts);
        return joined.length() <= MAX_REASON ? joined : joined.substring(0, MAX_REASON - 1) + "\u2026";
    }

    private static Map<String, String> options(JsonNode test) {
        Map<String, String> options = new LinkedHashMap<>();
        if (test == null) return options;
        for (String key : KEY_OPTIONS) {
            JsonNode value = test.get(key);
            if (value == null || value.isNull()) continue;
            options.put(key, value.isArray() ? join(value) : value.asText());
        }
        return options;
    }

    private static String join(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.asText()));
        return items.isEmpty() ? "none" : String.join(",", items);
    }

    private static Long duration(JsonNode results) {
        JsonNode phases = results == null ? null : results.get("phasesMillis");
        if (phases == null || !phases.isObject() || phases.isEmpty()) return null;
        long total = 0;
        for (JsonNode millis : phases) {
            if (!millis.isNumber()) return null;
            total += millis.asLong();
        }
        return total;
    }

    /** The folder's regular files; none when it cannot be read (the row still shows, with what results.json says). */
    private static List<String> files(Path runDir) {
        try (Stream<Path> walk = Files.walk(runDir, MAX_FILE_DEPTH)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> runDir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** Sub-directories that are real directories (not symbolic links), sorted by name. */
    private static List<Path> realDirectories(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
    }

    private static Boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isBoolean() ? value.asBoolean() : null;
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.canConvertToInt() && value.isIntegralNumber() ? value.asInt() : null;
    }

    private static Long longValue(JsonNode node, String field) {
        if (node == null) return null;
        JsonNode value = node.get(field);
        return value != null && value.isIntegralNumber() ? value.asLong() : null;
    }
}
