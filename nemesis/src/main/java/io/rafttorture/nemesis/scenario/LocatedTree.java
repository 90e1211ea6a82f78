package io.rafttorture.nemesis.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON/YAML document as a Jackson tree plus where each value starts, by field path ({@code steps[2].target}):
 * Jackson's tree forgets locations, and every validation message must name line and column.
 */
record LocatedTree(JsonNode root, Map<String, JsonLocation> where) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Prefix of the entries that say where a field's name (rather than its value) starts. */
    private static final String KEY = "key:";

    /** Reads one document from {@code parser} (positioned before its first token); null root when empty. */
    static LocatedTree read(JsonParser parser) throws IOException {
        Map<String, JsonLocation> where = new HashMap<>();
        if (parser.nextToken() == null) return new LocatedTree(null, where);
        return new LocatedTree(value(parser, "", where), where);
    }

    /** Where the value at {@code path} starts; for a missing field, where its nearest enclosing value starts. */
    JsonLocation locate(String path) {
        for (String p = path; ; p = parent(p)) {
            JsonLocation location = where.get(p);
            if (location != null || p.isEmpty()) return location;
        }
    }

    /** Where the name of the field at {@code path} starts (for "unknown field"). */
    JsonLocation locateKey(String path) {
        JsonLocation location = where.get(KEY + path);
        return location != null ? location : locate(path);
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    private static JsonNode value(JsonParser parser, String path, Map<String, JsonLocation> where) throws IOException {
        where.put(path, parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> object(parser, path, where);
            case START_ARRAY -> array(parser, path, where);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            default -> NODES.nullNode();
        };
    }

    private static ObjectNode object(JsonParser parser, String path, Map<String, JsonLocation> where)
            throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String child = path.isEmpty() ? name : path + "." + name;
            where.put(KEY + child, parser.currentTokenLocation());
            parser.nextToken();
            object.set(name, value(parser, child, where));
        }
        return object;
    }

    private static ArrayNode array(JsonParser parser, String path, Map<String, JsonLocation> where)
            throws IOException {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
            array.add(value(parser, path + "[" + i + "]", where));
        }
        return array;
    }
}
