package io.rafttorture.harness.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.rafttorture.harness.runner.ResultsFolder;
import io.rafttorture.harness.runner.RunResult;
import io.rafttorture.harness.runner.TortureRun;
import io.rafttorture.harness.runner.TortureTest;
import io.rafttorture.nemesis.scenario.ScenarioException;
import io.rafttorture.nemesis.scenario.ScheduleComparison;
import io.rafttorture.nemesis.scenario.ScheduleReader;
import io.rafttorture.nemesis.scenario.ScheduleReplay;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * Replays a run: the same options and seed (test.json), and its schedule.json turned into a scenario whose every
 * target is explicit ({@link ScheduleReplay}, written as {@code replay-scenario.json}), run {@code count} times.
 * Output goes to {@code <results-dir>/replays/<time>/}: the scenario, replay.json ({@link ReplayReport}, rewritten
 * after each run) and each replay's normal run folder. Everything is read and validated before any container starts.
 */
public final class TortureReplay {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What to replay and how.
     *
     * @param run        the run folder (or a latest link, or a results directory with one)
     * @param count      how many replays, at least 1
     * @param resultsDir where the replays folder goes; null: the original's results directory
     * @param nodeJar    the node jar for the containers; null: the original's (test.json), else the default
     */
    public record Options(Path run, int count, Path resultsDir, Path nodeJar) {
    }

    private TortureReplay() {
    }

    /**
     * Runs the replays; one line per replay and the summary go to {@code out}, progress to {@code progress}.
     *
     * @throws ReplayException when the run folder cannot be replayed (nothing has started then) or the replay
     *                         folder cannot be written
     */
    public static ReplayReport execute(Options options, PrintStream progress, PrintWriter out) {
        OriginalRun original = OriginalRun.read(options.run());
        ScheduleReplay plan = ScheduleReplay.of(original.schedule(), original.replayName(), "Replay of "
                + original.folder() + ": its faults as applied, every target explicit.");
        TortureTest.Builder builder = original.builder().nemesis("none");
        if (options.nodeJar() != null) builder.nodeJar(options.nodeJar());
        build(builder, original); // every option checked before a folder or container is made
        Path dir = replayFolder(options.resultsDir() != null ? options.resultsDir() : original.resultsDir());
        Path scenario = plan.isEmpty() ? null : write(dir.resolve("replay-scenario.json"), plan.toJson());
        TortureTest test = build(builder.resultsDir(dir).scenario(scenario), original);
        progress.println("torture: replaying " + original.folder() + " (seed " + test.seed() + ", "
                + plan.steps().size() + " fault steps) " + options.count() + " time(s) into " + dir);
        ReplayReport report = new ReplayReport(original.folder(), original.exitCode(), plan, scenario, options.count());
        for (int i = 1; i <= options.count(); i++) {
            RunResult result;
            try {
                result = TortureRun.execute(test, progress);
            } catch (UncheckedIOException e) {
                throw new ReplayException(e.getMessage());
            }
            ReplayReport.Run run = compare(i, result, original, plan, test.nodes());
            report.add(run);
            out.println(report.line(run));
            out.flush();
            write(dir.resolve("replay.json"), report);
        }
        out.println(report.summary());
        out.println("replay.json: " + dir.resolve("replay.json"));
        out.flush();
        return report;
    }

    /** One replay's verdict and its schedule.json against the original's. */
    private static ReplayReport.Run compare(int number, RunResult result, OriginalRun original, ScheduleReplay plan,
                                            int nodes) {
        Path schedule = result.folder().resolve("schedule.json");
        if (!Files.isRegularFile(schedule)) {
            return new ReplayReport.Run(number, result.folder(), result.exitCode(), null,
                    "no schedule.json (the replay did not reach its workload)");
        }
        try {
            ScheduleComparison comparison = ScheduleComparison.of(plan, original.schedule(),
                    ScheduleReader.read(schedule, nodes));
            return new ReplayReport.Run(number, result.folder(), result.exitCode(), comparison, null);
        } catch (ScenarioException e) {
            return new ReplayReport.Run(number, result.folder(), result.exitCode(), null, e.getMessage());
        }
    }

    private static TortureTest build(TortureTest.Builder builder, OriginalRun original) {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new ReplayException(original.testFile() + ": " + e.getMessage());
        }
    }

    private static Path replayFolder(Path resultsDir) {
        try {
            return ResultsFolder.create(resultsDir, "replays", LocalDateTime.now()).dir();
        } catch (UncheckedIOException e) {
            throw new ReplayException(e.getMessage());
        }
    }

    private static Path write(Path file, String text) {
        try {
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new ReplayException("cannot write " + file + ": " + e.getMessage());
        }
    }

    private static void write(Path file, ReplayReport report) {
        try {
            JSON.writeValue(file.toFile(), report.toMap());
        } catch (IOException e) {
            throw new ReplayException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
