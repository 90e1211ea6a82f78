/**
 * Measuring a real cluster on one machine: {@link io.rafttorture.node.bench.LocalCluster} runs nodes as child JVM
 * processes on loopback (fsync on, as in production), {@link io.rafttorture.node.bench.BenchCommand} drives them
 * with 1, 16 and 64 concurrent clients and prints throughput and latency percentiles.
 */
package io.rafttorture.node.bench;
