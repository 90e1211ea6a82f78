package io.rafttorture.harness.cluster;

/**
 * Receives each stdout line of a node (one JSON event per line, as the node prints it), on a Docker client thread:
 * implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface NodeEventListener {
    void onLine(int node, String line);
}
