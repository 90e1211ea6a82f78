package io.rafttorture.harness.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small run folders, as {@code torture run} lays them out, into a test's results directory. */
final class RunFixtures {
    private final Path results;

    RunFixtures(Path results) {
        this.results = results;
    }

    /** A finished run: test.json, results.json with {@code valid}/{@code exitCode}, history, summary, node logs. */
    Path run(String name, String stamp, boolean valid, int exitCode, long seed) {
        Path dir = results.resolve(name).resolve(stamp);
        write(dir.resolve("test.json"), """
                {"name":"%s","nodes":3,"time-limit-s":10.0,"concurrency":4,"rate":50.0,"workload":"kv","keys":2,
                 "nemesis":["partition","kill"],"nemesis-interval-s":5.0,"seed":%d,"bug":"none","results-dir":"x"}
                """.formatted(name, seed));
        write(dir.resolve("results.json"), """
                {"valid":%s,"exitCode":%d,"seed":%d,"phasesMillis":{"setup":2000,"workload":10000,"check":500}}
                """.formatted(valid, exitCode, seed));
        write(dir.resolve("history.jsonl"), "{\"type\":\"invoke\",\"f\":\"read\",\"value\":[0,null],\"process\":0,\"time\":1,\"index\":0}\n");
        write(dir.resolve("summary.txt"), "run " + name + "\n");
        write(dir.resolve("nodes/n1.log"), "{\"ts\":1,\"node\":1,\"type\":\"node-started\"}\n");
        return dir;
    }

    /** A run folder whose results.json is {@code content} (null: no results.json at all). */
    Path runWithResults(String name, String stamp, String content) {
        Path dir = results.resolve(name).resolve(stamp);
        write(dir.resolve("test.json"), "{\"name\":\"" + name + "\",\"seed\":7}");
        if (content != null) write(dir.resolve("results.json"), content);
        return dir;
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
