/**
 * Fault primitives that act on a running cluster and return once the fault is in force.
 *
 * <p>{@link io.rafttorture.nemesis.NetworkNemesis} partitions, cuts, slows and resets links with Toxiproxy toxics
 * (a partition is a blackhole: a {@code timeout} toxic with timeout 0), keeping a record so a heal removes exactly
 * what it added. {@link io.rafttorture.nemesis.ProcessNemesis} kills, restarts, pauses and resumes node containers
 * through Docker. Faults are data where it helps: a {@link io.rafttorture.nemesis.Grudge} maps each node to the
 * nodes it drops (Jepsen's term), built by pure functions. The cluster is seen only through
 * {@link io.rafttorture.nemesis.ClusterHandles}, so this module does not depend on the harness.
 */
package io.rafttorture.nemesis;
