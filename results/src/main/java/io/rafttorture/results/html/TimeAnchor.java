package io.rafttorture.results.html;

import com.fasterxml.jackson.databind.JsonNode;
import io.rafttorture.results.history.History;
import io.rafttorture.results.history.Op;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the history's time zero (the run's start) lies in epoch milliseconds, so that node events ({@code ts}, epoch
 * ms) share the operations' time axis. Found, in order of preference, from:
 * <ol>
 *   <li>a {@code startEpochMs} field of test.json or results.json (exact);</li>
 *   <li>nemesis.log, whose lines start with the instant a fault was applied, paired in order with the history's
 *       nemesis events: the smallest difference (within about 0.1 s);</li>
 *   <li>the first node-started event (rough: the cluster starts a second or so before the workload).</li>
 * </ol>
 *
 * @param startEpochMs the run's start, epoch ms; null when no source exists (no node logs either)
 * @param source       how it was found, one sentence for the page
 */
record TimeAnchor(Long startEpochMs, String source) {

    /** Run time in nanoseconds of the epoch instant {@code epochMs}. */
    long runNanos(long epochMs) {
        return (epochMs - (startEpochMs == null ? 0 : startEpochMs)) * 1_000_000L;
    }

    static TimeAnchor find(Path dir, JsonNode results, JsonNode test, History history, List<NodeLog> nodes)
            throws IOException {
        for (JsonNode json : List.of(test, results)) {
            if (json.path("startEpochMs").canConvertToLong()) {
                return new TimeAnchor(json.get("startEpochMs").asLong(), "exact (startEpochMs of the run)");
            }
        }
        Long fromNemesis = fromNemesisLog(dir.resolve("nemesis.log"), history.nemesisOps());
        if (fromNemesis != null) {
            return new TimeAnchor(fromNemesis, "approximate, within about 0.1 s (nemesis.log instants matched to "
                    + "the history's nemesis events; the run records no startEpochMs)");
        }
        long firstStart = nodes.stream().flatMap(n -> n.events().stream())
                .filter(e -> "node-started".equals(e.path("type").asText()))
                .mapToLong(e -> e.path("ts").asLong()).min().orElse(Long.MIN_VALUE);
        if (firstStart != Long.MIN_VALUE) {
            return new TimeAnchor(firstStart, "rough (first node-started event; the run records neither "
                    + "startEpochMs nor nemesis.log): node lanes may be shifted by a second or more");
        }
        return new TimeAnchor(null, "none (no node logs)");
    }

    private static Long fromNemesisLog(Path file, List<Op> nemesisOps) throws IOException {
        if (!Files.isRegularFile(file)) return null;
        List<Long> instants = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int space = line.indexOf(' ');
                if (space < 0) continue;
                try {
                    instants.add(Instant.parse(line.substring(0, space)).toEpochMilli());
                } catch (DateTimeParseException e) {
                    // a continuation line: only lines that start with an instant mark a fault
                }
            }
        }
        List<Long> times = nemesisOps.stream().map(Op::time).filter(t -> t != null).toList();
        Long best = null;
        for (int i = 0; i < Math.min(instants.size(), times.size()); i++) {
            long start = instants.get(i) - times.get(i) / 1_000_000L;
            if (best == null || start < best) best = start;
        }
        return best;
    }
}
