/**
 * Deterministic simulation of whole Replica clusters (etcd/MicroRaft style): simulated time, a lossy reordering
 * network with partitions, crashes that keep only what each Ready persisted, simulated clients, and checkers for
 * Figure 3's safety properties, client-visible register consistency and liveness after healing. Each schedule is
 * named by its seed; {@code SimulationTest#replay} re-runs one.
 */
package io.rafttorture.node.simulation;
