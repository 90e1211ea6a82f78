/**
 * Benchmarks of the linearizability checker: {@link io.rafttorture.results.bench.CheckBench} times the conformance
 * corpus and synthetic histories from {@link io.rafttorture.results.bench.SyntheticHistory}, a simulated
 * linearizable register. Figures are printed, never asserted.
 */
package io.rafttorture.results.bench;
