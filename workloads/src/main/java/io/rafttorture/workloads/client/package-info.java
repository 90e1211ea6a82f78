/**
 * The clients that execute a generator against real nodes and record the history. Each client thread is pinned
 * to one node (thread t talks to node (t mod n) + 1, as Jepsen's workers are), each logical process over its own
 * {@link io.rafttorture.node.client.NodeClient} connection; {@link io.rafttorture.workloads.client.Recorder} writes the
 * invoke before the request is sent and the completion after. {@link io.rafttorture.workloads.client.Outcomes}
 * decides ok/fail/info (the rules of shared/docs/faults.md, "What a client may conclude"); a process whose
 * operation ended in info is retired and process p + concurrency takes its place on the same thread and node.
 */
package io.rafttorture.workloads.client;
