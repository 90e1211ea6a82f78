/**
 * The leader-crash experiment of a timeout sweep: the Raft paper's measurement of how long a cluster is without a
 * leader after the leader crashes (§9.3, Figure 16), on real containers, one election timeout setting at a time.
 */
package io.rafttorture.harness.sweep.leadercrash;
