package io.rafttorture.nemesis.toxiproxy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** One proxy as Toxiproxy reports it: where it listens, where it forwards, whether enabled, its toxics. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProxyState(String name, String listen, String upstream, boolean enabled, List<Toxic> toxics) {
    public ProxyState {
        toxics = toxics == null ? List.of() : List.copyOf(toxics);
    }
}
