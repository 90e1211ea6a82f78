package io.rafttorture.node.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rafttorture.node.replica.Event;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Prints each {@link Event} as one JSON line: {@code {"ts":<epoch ms>,"node":<id>,"type":...,<fields>}}. A field
 * named ts, node or type is renamed with a leading "_". {@link #accept} writes through at once (any thread);
 * {@link #acceptBatched} leaves the line in a buffer until {@link #flush()}, which the event loop calls once per
 * turn so a busy node does not pay a write per event. Thread-safe.
 */
public final class JsonEventLog implements Consumer<Event> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int node;
    private final OutputStream out;
    private final LongSupplier clock;

    public JsonEventLog(int node, OutputStream out, LongSupplier clock) {
        this.node = node;
        this.out = new BufferedOutputStream(out, 64 << 10);
        this.clock = clock;
    }

    @Override
    public void accept(Event e) {
        acceptBatched(e);
        flush();
    }

    public void acceptBatched(Event e) {
        byte[] line = (toJson(e) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            try {
                out.write(line);
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot write events to stdout", ex);
            }
        }
    }

    public synchronized void flush() {
        try {
            out.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write events to stdout", ex);
        }
    }

    /** The JSON line for {@code e}, without the newline. */
    public String toJson(Event e) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("ts", clock.getAsLong());
        line.put("node", node);
        line.put("type", e.type());
        e.fields().forEach((k, v) -> line.put(line.containsKey(k) ? "_" + k : k, v));
        try {
            return JSON.writeValueAsString(line);
        } catch (JsonProcessingException ex) {
            line.replaceAll((k, v) -> v == null || v instanceof Number || v instanceof Boolean ? v : String.valueOf(v));
            try {
                return JSON.writeValueAsString(line); // plain strings and numbers always serialise
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }
}
