/**
 * {@code torture sweep --experiment workload}: the same torture run (workload, nemesis or scenario, seeds) under each
 * election timeout setting, and the comparison of their availability metrics written into the sweep folder. Only
 * running and collecting lives here; the table, JSON and plots are pure ({@link
 * io.rafttorture.results.sweep.workload}).
 */
package io.rafttorture.harness.sweep.workload;
