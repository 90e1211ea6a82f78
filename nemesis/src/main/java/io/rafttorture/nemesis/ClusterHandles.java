package io.rafttorture.nemesis;

import com.github.dockerjava.api.DockerClient;
import io.rafttorture.nemesis.toxiproxy.ToxiproxyApi;

import java.util.List;

/**
 * What the nemesis needs of a running cluster: the Toxiproxy API and the names of its proxies, and the Docker
 * client and container ids of the nodes. The harness's cluster implements it.
 */
public interface ClusterHandles {
    /** Node ids, ascending, starting at 1. */
    List<Integer> nodeIds();

    /** The Toxiproxy through which every link goes. */
    ToxiproxyApi toxiproxy();

    /** Name of the proxy P(from->to): node {@code from} reaches peer {@code to} only through it. */
    String peerProxy(int from, int to);

    /** Name of the proxy C(node) through which clients reach {@code node}. */
    String clientProxy(int node);

    /** The Docker client that owns the node containers. */
    DockerClient docker();

    /** Container id of a node (stable across kill and restart: the same container is started again). */
    String containerId(int node);

    /** Called once a node's container runs again after a restart, e.g. to re-attach log followers. */
    default void nodeRestarted(int node) {
    }
}
