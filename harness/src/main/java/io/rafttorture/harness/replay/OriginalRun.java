package io.rafttorture.harness.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.rafttorture.harness.runner.TortureTest;
import io.rafttorture.nemesis.scenario.RecordedSchedule;
import io.rafttorture.nemesis.scenario.ScenarioException;
import io.rafttorture.nemesis.scenario.ScheduleReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run folder to replay, read and validated before anything starts: test.json (options and seed), results.json
 * (the verdict to reproduce) and schedule.json (the faults as applied). Folder layout: {@code
 * <resultsDir>/<name>/<time>/}; a {@code latest} link, or a results directory holding one, stands for the run it
 * points to.
 */
public final class OriginalRun {
    private final Path folder;
    private final TestJson test;
    private final int exitCode;
    private final RecordedSchedule schedule;

    private OriginalRun(Path folder, TestJson test, int exitCode, RecordedSchedule schedule) {
        this.folder = folder;
        this.test = test;
        this.exitCode = exitCode;
        this.schedule = schedule;
    }

    /**
     * Reads the run folder {@code given}.
     *
     * @throws ReplayException naming the file and field that is missing or malformed
     */
    public static OriginalRun read(Path given) {
        Path folder = runFolder(given);
        TestJson test = TestJson.read(folder.resolve("test.json"));
        checkOptions(test);
        int nodes = test.nodes();
        int exitCode = verdict(folder.resolve("results.json"));
        Path scheduleFile = folder.resolve("schedule.json");
        if (!Files.isRegularFile(scheduleFile)) {
            throw new ReplayException(scheduleFile + ": missing (a run that never reached its workload has no faults "
                    + "to replay)");
        }
        try {
            return new OriginalRun(folder, test, exitCode, ScheduleReader.read(scheduleFile, nodes));
        } catch (ScenarioException e) {
            throw new ReplayException(e.getMessage());
        }
    }

    /** Every option of test.json in range (the node jar aside: the replay may name another). */
    private static void checkOptions(TestJson test) {
        try {
            test.builder().nodeJar(null).nemesis("none").build();
        } catch (IllegalArgumentException e) {
            throw new ReplayException(test.file() + ": " + e.getMessage());
        }
    }

    private static Path runFolder(Path given) {
        if (!Files.isDirectory(given)) throw new ReplayException(given + ": no such run folder");
        try {
            Path folder = given.toRealPath();
            // A results directory: replay its newest run, as `latest` names it.
            if (!Files.exists(folder.resolve("test.json")) && Files.isDirectory(folder.resolve("latest"))) {
                folder = folder.resolve("latest").toRealPath();
            }
            return folder;
        } catch (IOException e) {
            throw new ReplayException(given + ": cannot resolve the run folder: " + e.getMessage());
        }
    }

    /** results.json's exitCode: 0 valid, 1 invalid, 2 unknown, 3 error. */
    private static int verdict(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ReplayException(file + ": missing (the original run has no verdict to reproduce)");
        }
        JsonNode code = TestJson.readTree(file).get("exitCode");
        if (code == null || !code.isInt() || code.asInt() < 0 || code.asInt() > 3) {
            throw new ReplayException(file + ": exitCode: expected 0, 1, 2 or 3, got " + code);
        }
        return code.asInt();
    }

    /** The run folder, links resolved. */
    public Path folder() {
        return folder;
    }

    /** The results directory the run belongs to: the run folder's grandparent. */
    public Path resultsDir() {
        Path parent = folder.getParent();
        return parent.getParent() != null ? parent.getParent() : parent;
    }

    /** The original verdict as an exit code: 0 valid, 1 invalid, 2 unknown, 3 error. */
    public int exitCode() {
        return exitCode;
    }

    public RecordedSchedule schedule() {
        return schedule;
    }

    /** test.json. */
    public Path testFile() {
        return test.file();
    }

    /** A builder with every option of the original (nemesis, scenario and results directory left to the caller). */
    public TortureTest.Builder builder() {
        return test.builder();
    }

    /**
     * The replay scenario's name: "replay-" and the original's nemesis or scenario name, e.g.
     * "replay-partition+kill" or "replay-leader-minority" (the replay's run folder is then
     * "kv-scenario-replay-leader-minority").
     */
    public String replayName() {
        String name = test.name();
        String workload = test.workload();
        if (name.startsWith(workload + "-")) name = name.substring(workload.length() + 1);
        if (name.startsWith("scenario-")) name = name.substring("scenario-".length());
        return "replay-" + (name.isEmpty() ? "run" : name);
    }
}
