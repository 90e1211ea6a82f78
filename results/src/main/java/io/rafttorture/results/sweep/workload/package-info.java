/**
 * The {@code --experiment workload} timeout sweep's comparison, pure (no Docker): each trial's availability
 * metrics ({@link io.rafttorture.results.sweep.workload.Trial}, read from a run's {@code recovery} section), their
 * spread per setting ({@link io.rafttorture.results.sweep.workload.WorkloadComparison}: median [min-max] and verdict
 * counts), written as workload.txt, workload.json and one PNG per {@link
 * io.rafttorture.results.sweep.workload.Metric} ({@link io.rafttorture.results.sweep.workload.MetricPlots}).
 */
package io.rafttorture.results.sweep.workload;
