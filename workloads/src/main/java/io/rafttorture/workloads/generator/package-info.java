/**
 * Pure descriptions of what clients should do, in the spirit of Jepsen's generators: a {@link
 * io.rafttorture.workloads.generator.Generator} answers "what next?" for a given time with an operation to invoke,
 * "pending until t" or "done". No threads, sockets or clocks here: time is an input, chance a seeded {@link
 * java.util.Random}, so every generator is tested against a simulated clock. {@link
 * io.rafttorture.workloads.generator.Workload} holds the operation mix of the register and kv workloads;
 * {@link io.rafttorture.workloads.generator.Generators} builds and combines generators (time limit, global rate).
 * A run's phases (workload, then heal, then {@link io.rafttorture.workloads.generator.Workload#finalReads() final
 * reads}) are sequenced by the runner, because the heal between them acts on the cluster, not on clients.
 */
package io.rafttorture.workloads.generator;
