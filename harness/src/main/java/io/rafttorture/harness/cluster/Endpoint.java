package io.rafttorture.harness.cluster;

/** A host:port a client connects to. */
public record Endpoint(String host, int port) {
    @Override
    public String toString() {
        return host + ":" + port;
    }
}
