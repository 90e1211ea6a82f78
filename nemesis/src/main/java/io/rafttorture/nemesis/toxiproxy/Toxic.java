package io.rafttorture.nemesis.toxiproxy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Map;

/**
 * One toxic as Toxiproxy's API describes it. {@code stream} is "upstream" (client to upstream server) or
 * "downstream"; {@code toxicity} the per-connection probability (1 = always); {@code attributes} the type's
 * settings, e.g. {@code timeout: 0} for a blackhole, {@code latency, jitter} in ms, {@code rate} in KB/s.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Toxic(String name, String type, String stream, double toxicity, Map<String, Object> attributes) {
    public static final String UPSTREAM = "upstream";
    public static final String DOWNSTREAM = "downstream";

    public Toxic {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    @Override
    public String toString() {
        return name + attributes;
    }
}
