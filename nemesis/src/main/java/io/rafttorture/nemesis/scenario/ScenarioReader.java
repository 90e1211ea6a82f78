package io.rafttorture.nemesis.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads and validates scenario files (format: {@code scenarios/README.md}). JSON when the name ends in .json, YAML
 * when .yaml or .yml. Every problem is a {@link ScenarioException} whose message names file, line, column and field;
 * nothing touches a cluster, so callers validate before any container starts.
 */
public final class ScenarioReader {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> TOP_FIELDS = Set.of("name", "description", "steps");

    private ScenarioReader() {
    }

    /** Reads {@code file} without knowing the cluster: node ids must only be at least 1. */
    public static Scenario read(Path file) {
        return read(file, 0);
    }

    /**
     * Reads {@code file} for a cluster of {@code nodes} nodes (0: unknown), so node ids above it are errors too.
     *
     * @throws ScenarioException naming file:line:column and field
     */
    public static Scenario read(Path file, int nodes) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read the scenario: " + e);
        }
        return parse(text, file.toString(), nodes);
    }

    /** Parses {@code text}; {@code source} names it in messages and picks the format by its extension. */
    public static Scenario parse(String text, String source, int nodes) {
        LocatedTree tree = tree(text, source);
        Document doc = new Document(tree, source);
        if (tree.root() == null) throw doc.fail("", "the file is empty (a scenario is a map with steps)");
        if (!tree.root().isObject()) throw doc.fail("", "a scenario is a map with name, description and steps");
        doc.onlyFields("", tree.root(), TOP_FIELDS, "a scenario");
        String name = doc.optionalText("name", defaultName(source));
        String description = doc.optionalText("description", "");
        JsonNode steps = tree.root().get("steps");
        if (steps == null) throw doc.fail("steps", "missing (a scenario needs a list of steps)");
        if (!steps.isArray() || steps.isEmpty()) throw doc.fail("steps", "expected a non-empty list of steps");
        StepParser parser = new StepParser(doc, nodes);
        List<Step> parsed = new ArrayList<>();
        Duration previous = Duration.ZERO;
        for (int i = 0; i < steps.size(); i++) {
            Step step = parser.step(i, previous);
            parsed.add(step);
            previous = step.at();
        }
        return new Scenario(name, description, source, parsed);
    }

    static LocatedTree tree(String text, String source) {
        String lower = source.toLowerCase();
        JsonFactory factory;
        if (lower.endsWith(".json")) {
            factory = JSON;
        } else if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            factory = YAML;
        } else {
            throw new ScenarioException(source + ": unknown scenario format (the name must end in .json, .yaml or .yml)");
        }
        try (JsonParser parser = factory.createParser(text)) {
            return LocatedTree.read(parser);
        } catch (JsonProcessingException e) {
            String format = factory == JSON ? "JSON" : "YAML";
            throw new ScenarioException(at(source, e.getLocation()) + "not valid " + format + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("").trim());
        } catch (IOException e) {
            throw new ScenarioException(source + ": cannot read the scenario: " + e);
        }
    }

    private static String defaultName(String source) {
        String file = Path.of(source).getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    /** "file:line:column: ", or "file: " when the location is unknown. */
    static String at(String source, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) return source + ": ";
        return source + ":" + location.getLineNr() + ":" + location.getColumnNr() + ": ";
    }

    /** The parsed tree with the file's name: looks values up by path and builds located errors. */
    record Document(LocatedTree tree, String source) {
        ScenarioException fail(String path, String problem) {
            return new ScenarioException(at(source, tree.locate(path)) + (path.isEmpty() ? "" : path + ": ") + problem);
        }

        /** A node id written as {@code text} at {@code path}: 1 to {@code nodes} (any positive id when nodes is 0). */
        int nodeId(String path, String text, int nodes) {
            int id;
            try {
                id = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw fail(path, "expected a node id, got \"" + text + "\"");
            }
            if (id < 1) throw fail(path, "node ids start at 1, got " + id);
            if (nodes > 0 && id > nodes) throw fail(path, "no node " + id + " in a cluster of " + nodes);
            return id;
        }

        /** A top-level text field, or {@code otherwise} when absent. */
        String optionalText(String field, String otherwise) {
            JsonNode node = tree.root().get(field);
            if (node == null) return otherwise;
            if (!node.isTextual()) throw fail(field, "expected text, got " + node);
            return node.asText();
        }

        void onlyFields(String path, JsonNode object, Set<String> allowed, String what) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    String field = path.isEmpty() ? name : path + "." + name;
                    throw new ScenarioException(at(source, tree.locateKey(field)) + field + ": unknown field (" + what
                            + " takes " + String.join(", ", allowed.stream().sorted().toList()) + ")");
                }
            }
        }
    }
}
