package io.rafttorture.results.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rafttorture.results.history.History;
import io.rafttorture.results.history.HistoryFormatException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the project's own format, JSON Lines: one JSON object per line with the fields type, f, value, process,
 * time, index, node, error (see {@link HistoryWriter}). Blank lines are skipped; every other line must be one
 * JSON object. JSON integers become Longs, so values compare equal to what was written.
 */
final class JsonlHistoryReader {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String source;
    private final OpDecoder decoder;

    JsonlHistoryReader(String source) {
        this.source = source;
        this.decoder = new OpDecoder(source, null);
    }

    History read(Reader reader) throws IOException {
        return decoder.readLines(reader, this::fields);
    }

    private Map<String, Object> fields(String line, int lineNumber) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new HistoryFormatException(source, lineNumber, null, "unparseable line: not JSON ("
                    + e.getOriginalMessage() + ")", e);
        }
        if (!node.isObject()) {
            throw new HistoryFormatException(source, lineNumber, null, "unparseable line: expected a JSON object "
                    + "{\"type\": ..., \"f\": ..., \"process\": ...}, got " + node);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        node.properties().forEach(e -> fields.put(e.getKey(), toJava(e.getValue())));
        return fields;
    }

    /** A JSON value as an Op value: integers as Long (BigInteger when larger), arrays as lists. */
    static Object toJava(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>(node.size());
            node.forEach(item -> out.add(toJava(item)));
            return Collections.unmodifiableList(out);
        }
        if (node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            node.properties().forEach(e -> out.put(e.getKey(), toJava(e.getValue())));
            return Collections.unmodifiableMap(out);
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        return node.isBoolean() ? (Object) node.booleanValue() : null;
    }
}
