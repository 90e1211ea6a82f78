package io.rafttorture.nemesis.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rafttorture.nemesis.schedule.AppliedStep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a run's schedule.json (written from a {@link io.rafttorture.nemesis.schedule.ScheduleLog}) back, and turns
 * each entry into the explicit action that repeats it ({@link RecordedStep#action()}): for a scenario run, the
 * entry's {@code step} (already in scenario syntax with resolved targets); for a random-nemesis run, its {@code f}
 * and {@code resolved} value ({@link NemesisSteps}). Entries whose outcome is skipped, error or interrupted did
 * nothing that can be repeated and get a reason instead. Every problem is a {@link ScenarioException} naming
 * file:line:column, the entry ({@code steps[3]}) and the field.
 */
public final class ScheduleReader {
    private static final List<String> OUTCOMES = List.of(AppliedStep.OK, AppliedStep.SKIPPED, AppliedStep.TIMED_OUT,
            AppliedStep.ERROR, AppliedStep.INTERRUPTED);
    /** Step kinds whose {@code target} is required: an empty one means the step acted on no node. */
    private static final Set<String> TARGETED = Set.of("kill", "pause", "latency");

    private ScheduleReader() {
    }

    /**
     * Reads {@code file} for a cluster of {@code nodes} nodes (0: unknown, ids are only checked to be at least 1).
     *
     * @throws ScenarioException naming file:line:column, entry and field
     */
    public static RecordedSchedule read(Path file, int nodes) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read the schedule: " + e);
        }
        return parse(text, file.toString(), nodes);
    }

    /** Parses {@code text} (JSON); {@code source} names it in messages and must end in .json. */
    public static RecordedSchedule parse(String text, String source, int nodes) {
        LocatedTree tree = ScenarioReader.tree(text, source);
        ScenarioReader.Document doc = new ScenarioReader.Document(tree, source);
        if (tree.root() == null || !tree.root().isObject()) {
            throw doc.fail("", "a schedule is a map with source and steps");
        }
        JsonNode sourceNode = tree.root().get("source");
        if (sourceNode == null) throw doc.fail("source", "missing (nemesis or scenario)");
        String from = sourceNode.asText();
        if (!sourceNode.isTextual() || !List.of(RecordedSchedule.NEMESIS, RecordedSchedule.SCENARIO).contains(from)) {
            throw doc.fail("source", "expected nemesis or scenario, got " + sourceNode);
        }
        JsonNode steps = tree.root().get("steps");
        if (steps == null) throw doc.fail("steps", "missing (the list of steps as applied)");
        if (!steps.isArray()) throw doc.fail("steps", "expected a list of steps, got " + steps);
        List<RecordedStep> read = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            read.add(new Entry(doc, "steps[" + i + "]", steps.get(i), nodes).read(from));
        }
        return new RecordedSchedule(source, from, read);
    }

    /** One entry of {@code steps}, read field by field. */
    private record Entry(ScenarioReader.Document doc, String path, JsonNode node, int nodes) {
        RecordedStep read(String source) {
            if (!node.isObject()) {
                throw doc.fail(path, "expected a map with index, kind, f, times and outcome, got " + node);
            }
            int index = index();
            String kind = text("kind");
            String f = node.path("f").isTextual() ? node.get("f").asText() : "";
            double planned = millis("planned-at-ms");
            double started = millis("started-at-ms");
            double ended = millis("ended-at-ms");
            String outcome = text("outcome");
            if (!OUTCOMES.contains(outcome)) {
                throw doc.fail(path + ".outcome", "unknown outcome \"" + outcome + "\" (expected "
                        + String.join(", ", OUTCOMES) + ")");
            }
            if (!outcome.equals(AppliedStep.OK) && !outcome.equals(AppliedStep.TIMED_OUT)) {
                String reason = node.path("reason").asText("");
                return new RecordedStep(index, kind, f, planned, started, ended, outcome, null,
                        "outcome " + outcome + (reason.isEmpty() ? "" : ": " + reason));
            }
            if (source.equals(RecordedSchedule.NEMESIS)) {
                Action action = new NemesisSteps(doc, path, nodes).action(kind, f, node.get("resolved"));
                return new RecordedStep(index, kind, f, planned, started, ended, outcome, action, null);
            }
            return scenarioStep(index, kind, f, planned, started, ended, outcome);
        }

        /** The entry's {@code step}: the step in scenario syntax with its targets resolved. */
        private RecordedStep scenarioStep(int index, String kind, String f, double planned, double started,
                                          double ended, String outcome) {
            String where = path + ".step";
            JsonNode step = node.get("step");
            if (step == null) throw doc.fail(where, "missing (a scenario run records every step it applied)");
            if (!step.isObject()) throw doc.fail(where, "expected a step map, got " + step);
            JsonNode target = step.get("target");
            if (target != null && target.isArray() && target.isEmpty()) {
                String stepKind = step.path("kind").asText();
                if (TARGETED.contains(stepKind)) {
                    return new RecordedStep(index, kind, f, planned, started, ended, outcome, null,
                            stepKind + " acted on no node");
                }
                // restart/resume of no node: without a target they act on every killed/paused node, none again.
                ObjectNode copy = step.deepCopy();
                copy.remove("target");
                step = copy;
            }
            Action action = new StepParser(doc, nodes).step(step, where, index, Duration.ZERO).action();
            if (!action.kind().equals(kind)) {
                throw doc.fail(where + ".kind", "\"" + action.kind() + "\" differs from the entry's kind \"" + kind
                        + "\"");
            }
            return new RecordedStep(index, kind, f, planned, started, ended, outcome, action, null);
        }

        private int index() {
            JsonNode value = node.get("index");
            if (value == null) throw doc.fail(path + ".index", "missing");
            if (!value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > Integer.MAX_VALUE) {
                throw doc.fail(path + ".index", "expected a whole number from 0, got " + value);
            }
            return value.asInt();
        }

        private String text(String field) {
            JsonNode value = node.get(field);
            if (value == null) throw doc.fail(path + "." + field, "missing");
            if (!value.isTextual()) throw doc.fail(path + "." + field, "expected text, got " + value);
            return value.asText();
        }

        private double millis(String field) {
            JsonNode value = node.get(field);
            if (value == null) throw doc.fail(path + "." + field, "missing");
            if (!value.isNumber() || value.asDouble() < 0) {
                throw doc.fail(path + "." + field, "expected a time in ms from 0, got " + value);
            }
            return value.asDouble();
        }
    }
}
