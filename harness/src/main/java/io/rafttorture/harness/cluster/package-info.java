/**
 * A real Raft cluster in Docker containers, every link through one Toxiproxy.
 *
 * <p>{@link io.rafttorture.harness.cluster.Cluster} starts N node containers ({@link
 * io.rafttorture.harness.cluster.NodeContainer}) on a fresh network plus one Toxiproxy container holding a proxy per
 * directed peer link and one per node for clients, waits for a leader, follows each node's JSON event lines into
 * {@code nodes/n<id>.log}, and always removes what it created ({@link io.rafttorture.harness.cluster.Leftovers}
 * also removes what a crashed run left). {@link io.rafttorture.harness.cluster.Images} picks or builds the images,
 * and prunes node images no run uses.
 * The cluster implements {@link io.rafttorture.nemesis.ClusterHandles}, so the nemesis can act on it.
 */
package io.rafttorture.harness.cluster;
