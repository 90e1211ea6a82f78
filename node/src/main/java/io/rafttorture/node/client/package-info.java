/**
 * {@link io.rafttorture.node.client.NodeClient}: the Java client the workloads and the CLI use to talk to one
 * node. Its exceptions say what the caller may conclude: {@link io.rafttorture.node.client.NotSentException}
 * (certainly did not happen: record fail) versus {@link io.rafttorture.node.client.IndeterminateException} (may
 * or may not have happened: record info).
 */
package io.rafttorture.node.client;
