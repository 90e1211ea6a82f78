/**
 * What a torture run reports besides the linearizability verdict, computed from the history (and, for elections,
 * the nodes' events) as given (pure, no I/O):
 * {@link io.rafttorture.results.report.Stats} (ok/fail/info counts per f, latency percentiles, throughput),
 * {@link io.rafttorture.results.report.FaultWindows} (when faults were in force, from the nemesis events),
 * {@link io.rafttorture.results.report.Availability} (Jepsen's stats checker and Maelstrom's availability: an
 * operation type that never succeeded, or quiet seconds without a single ok, make a run unknown rather than a
 * silent pass), {@link io.rafttorture.results.report.Recovery} (longest gap without an ok, failover after each fault,
 * elections and leader changes from the nodes' events, throughput and latency of the workload phase), and the {@link
 * io.rafttorture.results.report.RunReport} that becomes results.json, with its
 * human {@link io.rafttorture.results.report.Summary}.
 */
package io.rafttorture.results.report;
